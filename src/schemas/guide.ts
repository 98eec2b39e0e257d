/** Frontmatter of a tuning guide, `content/guides/<id>.mdx`. */
import { z } from 'astro/zod';

export const guideSchema = z
	.object({
		/** Page title, e.g. `Finding where packets die with dropwatch`. */
		title: z.string().min(1),
		/** One or two sentences for the index, search results and `<meta name="description">`. */
		description: z.string().min(1),
		/** Topic tags, lower-case, e.g. `[tcp, kernel]`. Default none. */
		tags: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
		/** Ids of related notes (`notes/rfc9293-tcp`) and guides (`guides/tcp-buffers`). Default none. */
		related: z.array(z.string()).default([]),
		/** Parsers whose reports this guide explains, e.g. `[dropwatch]`. Default none. */
		reports: z.array(z.string()).default([]),
	})
	.strict();
