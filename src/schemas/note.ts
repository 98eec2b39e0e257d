/** Frontmatter of an RFC cliff note, `content/notes/rfc<N>-<slug>.mdx`. */
import { z } from 'astro/zod';

const rfcNumber = z.number().int().positive();

export const rfcStatuses = [
	'Internet Standard',
	'Draft Standard',
	'Proposed Standard',
	'Best Current Practice',
	'Informational',
	'Experimental',
	'Historic',
] as const;

export const noteSchema = z
	.object({
		/** The RFC number, e.g. `5321`. */
		rfc: rfcNumber,
		/** The RFC's own title, e.g. `Simple Mail Transfer Protocol`. */
		title: z.string().min(1),
		/** One or two sentences for the index and search results. */
		description: z.string().min(1),
		/** Status in the RFC Editor's words, e.g. `Draft Standard`. */
		status: z.enum(rfcStatuses),
		/** STD number when the RFC is part of one, e.g. `10`. Default none. */
		std: z.number().int().positive().optional(),
		/** BCP number when it is a Best Current Practice, e.g. `14`. Default none. */
		bcp: z.number().int().positive().optional(),
		/** Publication month, `YYYY-MM`, e.g. `2008-10`. */
		published: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'use YYYY-MM'),
		/** RFCs this one obsoletes. Default none. */
		obsoletes: z.array(rfcNumber).default([]),
		/** RFCs that obsolete this one; non-empty means the note says so at the top. Default none. */
		obsoletedBy: z.array(rfcNumber).default([]),
		/** RFCs this one updates. Default none. */
		updates: z.array(rfcNumber).default([]),
		/** RFCs that update this one. Default none. */
		updatedBy: z.array(rfcNumber).default([]),
		/** Topic tags, lower-case, e.g. `[smtp, mail]`. Default none. */
		tags: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
		/** Ids of related notes (`notes/rfc5322-message-format`) and guides (`guides/relay-health`). */
		related: z.array(z.string()).default([]),
	})
	.strict();
