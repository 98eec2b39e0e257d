/**
 * Frontmatter of `content/samples/<parser>/<case>.md`, the description that goes with each
 * committed sample log. Its body (Markdown) says how the sample was made.
 */
import { z } from 'astro/zod';

export const sampleSchema = z
	.object({
		/** Page title of the report, e.g. `dropwatch on a busy web server (blog capture)`. */
		title: z.string().min(1),
		/** One sentence for the index and search results. */
		description: z.string().min(1),
		/**
		 * Input files, relative to the .md, in the order they are fed.
		 * Default: every other file in the folder whose name starts with `<case>.`, sorted.
		 * Example: `[before.txt, after.txt]`.
		 */
		inputs: z.array(z.string().min(1)).optional(),
		/** When the capture was made (YYYY-MM-DD), or when it was published for third-party data. */
		captured: z.coerce.date(),
		/** Program and version that produced the input, e.g. `dropwatch 1.4`. */
		tool: z.string().min(1),
		/** Where the data comes from: `generated here`, or the page/repository it was taken from. */
		source: z.string().min(1),
		/** Licence of the data, e.g. `MIT`, `CC0-1.0`; required for third-party data. */
		license: z.string().optional(),
		/** Options passed to the parser, as the CLI would take them (`{ detail: 5 }`). Default none. */
		options: z.record(z.unknown()).optional(),
		/**
		 * `true` when the sample is deliberately hostile (markup, control characters): it is still
		 * parsed and published, to prove it renders inert. Default false.
		 */
		hostile: z.boolean().default(false),
		/**
		 * Redaction of the published report (`src/lib/redact.ts`): email addresses, IPs and client
		 * host names become stable pseudonyms before the page is made. Default: on (absent or
		 * `true`). `{ keepDomains: true }` keeps domains and host names; `false` publishes the input
		 * as it is — only for data that holds nothing personal, e.g. third-party test data.
		 */
		redact: z.union([z.boolean(), z.object({ keepDomains: z.boolean().optional() }).strict()]).optional(),
	})
	.strict();

export type SampleMeta = z.infer<typeof sampleSchema>;

/** Rewrites zod issues as one plain line per path under a short headline. */
export function describeZodError(where: string, error: z.ZodError): string {
	const lines = error.issues.map((issue) => `  ${issue.path.join('.') || '(top)'}: ${issue.message}`);
	return `${where}: invalid frontmatter\n${lines.join('\n')}`;
}
