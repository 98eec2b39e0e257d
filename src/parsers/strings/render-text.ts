/**
 * Text output. Listing (no patterns): the strings, one per line, exactly as `strings -a` prints
 * them. Probing: one row per input (path, version, size, found/not found per pattern), then the
 * string each pattern matched first, with its offset.
 */
import type { Result } from '../contract.ts';
import type { StringsOptions } from './options.ts';
import type { PatternHit, StringsFile, StringsSummary } from './summary.ts';

/** How a pattern is shown in headings: the literal, or `/regex/`. */
export function describePattern(hit: Pick<PatternHit, 'pattern' | 'regex'>): string {
	return hit.regex ? `/${hit.pattern}/` : hit.pattern;
}

/** Where a hit is: `0x13d8a2` (hex, as `strings -t x`), `line 81676` for a plain dump. */
export function describeWhere(hit: PatternHit): string {
	if (hit.offset !== null) return `0x${hit.offset.toString(16)}`;
	return hit.line !== null ? `line ${hit.line}` : '';
}

/** `found 0x13d8a2` / `found line 7` / `not found` (`-` for an unreadable input). */
export function describeCell(file: StringsFile, hit: PatternHit | undefined): string {
	if (file.kind === 'unreadable' || hit === undefined) return '-';
	return hit.count === 0 ? 'not found' : `found ${describeWhere(hit)}`;
}

/** `0.16.5 (file name)`, or `?`. */
export function describeVersion(file: StringsFile): string {
	if (file.version === null) return '?';
	return `${file.version} (${file.versionSource?.replace('-', ' ')})`;
}

/** `8654848`, `dump`, `-`. */
export function describeSize(file: StringsFile): string {
	if (file.kind === 'dump') return 'dump';
	return file.size === null ? '-' : String(file.size);
}

function table(rows: string[][]): string[] {
	const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
	return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  '));
}

function renderProbe(summary: StringsSummary, options: StringsOptions): string {
	const patterns = options.patterns.map((pattern) => describePattern({ pattern: pattern.source, regex: pattern.regex }));
	const rows = [['FILE', 'VERSION', 'SIZE', ...patterns]];
	for (const file of summary.files) {
		rows.push([file.file, describeVersion(file), describeSize(file), ...options.patterns.map((_, i) => describeCell(file, file.hits[i]))]);
	}
	const lines = table(rows);
	const matches: string[] = [];
	for (const file of summary.files) {
		for (const hit of file.hits) {
			if (hit.count === 0) continue;
			const times = hit.count === 1 ? '1 string' : `${hit.count} strings`;
			matches.push(`${file.file}: ${describePattern(hit)} at ${describeWhere(hit)} (${times}): ${hit.string}`);
		}
	}
	if (matches.length > 0) lines.push('', 'First match per file and pattern:', ...matches);
	return `${lines.join('\n')}\n`;
}

/** The text report: the listed strings, or the probe table. */
export function renderStringsText(result: Result<StringsSummary>, options?: StringsOptions): string {
	if (options !== undefined && options.patterns.length > 0) return renderProbe(result.summary, options);
	if (result.summary.files.every((file) => file.hits.length === 0)) {
		return result.summary.files.map((file) => (file.list ?? []).map((text) => `${text}\n`).join('')).join('');
	}
	// Options unknown but the summary holds hits: rebuild the pattern list from the first file.
	const first = result.summary.files.find((file) => file.hits.length > 0)!;
	const patterns = first.hits.map((hit) => ({ source: hit.pattern, regex: hit.regex }));
	return renderProbe(result.summary, { minLen: 4, encoding: 'ascii', input: 'auto', patterns });
}
