/** Shared helpers of the dropwatch tests. */
import { readFileSync } from 'node:fs';
import type { Result } from '../../src/parsers/contract.ts';
import { dropwatch, type DropwatchOptions, type DropwatchSite, type DropwatchSummary } from '../../src/parsers/dropwatch/index.ts';
import { parseText } from '../../src/parsers/run.ts';

export const BLOG_CAPTURE = readFileSync(new URL('../../content/samples/dropwatch/blog-capture.txt', import.meta.url), 'utf8');
export const HOSTILE = readFileSync(new URL('../../content/samples/dropwatch/hostile.txt', import.meta.url), 'utf8');

/** Parses a whole text with the dropwatch parser. */
export function parse(text: string | Uint8Array, file = 'capture.txt'): Result<DropwatchSummary> {
	return parseText<DropwatchSummary, DropwatchOptions>(dropwatch, text, undefined, file);
}

/** Drops per site, as `{ site: drops }`. */
export function dropsBySite(summary: DropwatchSummary): Record<string, number> {
	return Object.fromEntries(summary.sites.map((site) => [site.name, site.count]));
}

/** One site by name. */
export function findSite(summary: DropwatchSummary, name: string): DropwatchSite | undefined {
	return summary.sites.find((site) => site.name === name);
}

/** A `{ name, count }` list as `{ name: count }`, for short expectations. */
export function countsOf(list: { name: string; count: number }[]): Record<string, number> {
	return Object.fromEntries(list.map(({ name, count }) => [name, count]));
}
