/** Shared helpers of the dropwatch tests. */
import { readFileSync } from 'node:fs';
import type { Result } from '../../src/parsers/contract.ts';
import { dropwatch, type DropwatchOptions, type DropwatchSummary } from '../../src/parsers/dropwatch/index.ts';
import { parseText } from '../../src/parsers/run.ts';

export const BLOG_CAPTURE = readFileSync(new URL('../../content/samples/dropwatch/blog-capture.txt', import.meta.url), 'utf8');
export const HOSTILE = readFileSync(new URL('../../content/samples/dropwatch/hostile.txt', import.meta.url), 'utf8');

/** Parses a whole text with the dropwatch parser. */
export function parse(text: string | Uint8Array, file = 'capture.txt'): Result<DropwatchSummary> {
	return parseText<DropwatchSummary, DropwatchOptions>(dropwatch, text, undefined, file);
}

/** Drops per site, as `{ site: drops }`. */
export function dropsBySite(summary: DropwatchSummary): Record<string, number> {
	return Object.fromEntries(Object.entries(summary.sites).map(([name, site]) => [name, site.drops]));
}
