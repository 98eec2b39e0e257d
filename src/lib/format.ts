/**
 * Formatting for the site: numbers with thousands separators, table cells, dates. Every string
 * that may come from a log goes through {@link showText}, so control characters show as
 * visible escapes (`\x1b`) instead of reaching the page raw.
 */
import type { Cell } from '../parsers/contract.ts';
import { showControls } from './text.ts';

/** Log text as the page shows it: see {@link showControls}. Markup is left alone: Astro escapes it. */
export function showText(text: string): string {
	return showControls(text);
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
