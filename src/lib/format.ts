/**
 * Formatting for the site: numbers with thousands separators, table cells, dates. Every string
 * that may come from a log goes through {@link showText}, so control characters show as
 * visible escapes (`\x1b`) instead of reaching the page raw.
 */
import type { Cell } from '../parsers/contract.ts';
import { showControls } from './text.ts';

/** C1 controls (U+0080–U+009F) and the bidi embedding/override/isolate marks. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0080-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Log text as the page shows it: C0 controls and DEL as `\x1b` (via `showControls`), and C1
 * controls and bidi overrides as `\u009b`/`\u202e`, so a line cannot reorder or hide what
 * follows it. Markup is left alone: Astro escapes it.
 */
export function showText(text: string): string {
	return showControls(text).replace(
		INVISIBLE,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `1234567` → `1,234,567`; `0.5` → `0.5`; non-finite values are spelled out (`NaN`, `∞`). */
export function formatNumber(value: number): string {
	return numberFormat.format(value);
}

/** What a table cell shows: numbers formatted, text with visible control characters, `—` for none. */
export function formatCell(cell: Cell | undefined): string {
	if (cell === null || cell === undefined) return '—';
	if (typeof cell === 'number') return formatNumber(cell);
	return showText(cell);
}

/** `2026-11-26T09:52:48Z` → `2026-11-26` (the UTC calendar date, as written in frontmatter). */
export function formatDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** `1, 'line'` → `1 line`; `2, 'line'` → `2 lines` (regular English plurals only). */
export function countOf(count: number, noun: string): string {
	return `${formatNumber(count)} ${count === 1 ? noun : `${noun}s`}`;
}

/** True for absolute `http:`/`https:` URLs: only those become links in sample metadata. */
export function isWebUrl(text: string): boolean {
	return /^https?:\/\/[^\s]+$/i.test(text);
}
