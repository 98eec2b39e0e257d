/**
 * Compares a report with pflogsumm's golden line for line, except that rows pflogsumm leaves in
 * Perl hash order — consecutive rows of a count-sorted list with equal sort keys — are compared
 * as sets. Nothing else is loosened: headings, totals, per-day/per-hour rows, key-sorted lists
 * and the order between different keys must match exactly.
 *
 * One more case is pflogsumm's own randomness: when a "top N" list ends inside a run of tied
 * rows, which of the tied rows made the cut is hash order too; there only the rows' sort keys
 * (count, size, normalized host) must match.
 */
import { normalizeHost } from '../../src/parsers/postfix/strings.ts';

/** Sections whose rows pflogsumm sorts by count (then `normalize_host`), by title prefix. */
const COUNT_SORTED = [
	'Senders by', 'Recipients by', 'top ', 'message ', 'smtp delivery failures', 'Warnings',
	'Fatal Errors', 'Panics', 'Master daemon messages',
];
/** Sections sorted by `[count, size]`, whose tie key is the first two printed columns. */
const DOMAIN_SORTED = ['Host/Domain Summary: '];

/** The tie key of a row in the current section, or null when the row is not a sorted row. */
function tieKey(section: string, line: string): string | null {
	if (DOMAIN_SORTED.some((prefix) => section.startsWith(prefix))) {
		const columns = /^( +\d+[ km] +\d+[ km]| +\d+[ km] +\d+:\d\d:\d\d)/.exec(line);
		return columns ? columns[1]! : null;
	}
	if (!COUNT_SORTED.some((prefix) => section.includes(prefix))) return null;
	const row = /^( *\d+[ km])  (.*)$/s.exec(line);
	return row ? `${row[1]}\u0000${normalizeHost(row[2]!)}` : null;
}

/** A title line is followed by its underline of dashes, or is `title: none`. */
function isTitle(lines: string[], i: number): boolean {
	const next = lines[i + 1];
	return next !== undefined && next.length === lines[i]!.length && /^-+$/.test(next) && lines[i] !== '';
}

export interface Mismatch {
	line: number;
	expected: string[];
	actual: string[];
}

/** Returns the first mismatch (1-based line of the golden), or null when the reports agree. */
export function compareReports(expectedText: string, actualText: string): Mismatch | null {
	const expected = expectedText.split('\n');
	const actual = actualText.split('\n');
	let section = '';
	let header = '';
	let listStart = 0;
	let i = 0;
	while (i < expected.length) {
		if (isTitle(expected, i)) section = expected[i]!;
		const key = tieKey(section, expected[i]!);
		if (key === null) {
			if (!/^-*$/.test(expected[i]!)) header = expected[i]!;
			listStart = i + 1;
		}
		let end = i + 1;
		if (key !== null) while (end < expected.length && tieKey(section, expected[end]!) === key) end++;
		const want = expected.slice(i, end);
		const got = actual.slice(i, end);
		const top = /\(top (\d+)\)|^top (\d+) /.exec(header) ?? /\(top (\d+)\)|^top (\d+) /.exec(section);
		const limit = Number(top?.slice(1).find(Boolean) ?? 0);
		const cut = key !== null && limit > 0 && end - listStart === limit && (end === expected.length || tieKey(section, expected[end]!) === null);
		const same =
			key === null ? want[0] === got[0]
			: cut ? got.length === want.length && got.every((line) => tieKey(section, line) === key)
			: [...want].sort().join('\n') === [...got].sort().join('\n');
		if (!same) return { line: i + 1, expected: want, actual: got };
		i = end;
	}
	return actual.length === expected.length ? null : { line: expected.length, expected: [], actual: actual.slice(expected.length) };
}
