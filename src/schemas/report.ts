/**
 * Data of one entry of the `reports` collection, as `src/loaders/reports.ts` stores it.
 * `result` and `view` are the parser's own plain-JSON types (see `src/parsers/contract.ts`);
 * they are checked by the parser's tests, so the schema only checks their outline.
 */
import { z } from 'astro/zod';
import type { ReportView, Result } from '../parsers/contract.ts';

export const reportSchema = z.object({
	/** Registry name of the parser, e.g. `dropwatch`. */
	parser: z.string(),
	/** The parser's title, e.g. `dropwatch -l kas output`. */
	parserTitle: z.string(),
	/** Site-relative link to the parser's guide, e.g. `guides/dropwatch/`. */
	guide: z.string().optional(),
	title: z.string(),
	description: z.string(),
	captured: z.coerce.date(),
	tool: z.string(),
	source: z.string(),
	license: z.string().optional(),
	hostile: z.boolean(),
	/** True when addresses and IPs in the result were replaced by pseudonyms (the default). */
	redacted: z.boolean(),
	/** Input paths relative to the project root. */
	inputs: z.array(z.string()),
	result: z.custom<Result<unknown>>((value) => typeof value === 'object' && value !== null && 'summary' in value),
	view: z.custom<ReportView>((value) => typeof value === 'object' && value !== null && 'sections' in value),
});
