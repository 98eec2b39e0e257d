/**
 * The report page: one finding per pattern saying between which versions it appeared, a table
 * with one row per binary, and the string each pattern matched.
 */
import type { FindingView, ReportSection, ReportView, Result } from '../contract.ts';
import { describeCell, describePattern, describeWhere } from './render-text.ts';
import type { PatternHit, StringsFile, StringsSummary } from './summary.ts';

/** Compares versions by their numeric parts (`0.16.10` after `0.16.5`); null versions last. */
export function compareVersions(a: string | null, b: string | null): number {
	if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
	const pa = a.split(/[^0-9]+/).filter(Boolean).map(Number);
	const pb = b.split(/[^0-9]+/).filter(Boolean).map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? -1) - (pb[i] ?? -1);
		if (d !== 0) return d;
	}
	return a.localeCompare(b);
}

/** The readable inputs, oldest version first (input order among equal or unknown versions). */
export function sortByVersion(files: StringsFile[]): StringsFile[] {
	return files.filter((file) => file.kind !== 'unreadable').sort((a, b) => compareVersions(a.version, b.version));
}

const label = (file: StringsFile) => file.version ?? file.file;
/** Labels of several inputs, each once (a dump and its binary share a version). */
const labels = (files: StringsFile[]) => [...new Set(files.map(label))].join(', ');

/** What one pattern did across the versions, as a finding. */
export function describeAppearance(pattern: Pick<PatternHit, 'pattern' | 'regex'>, index: number, files: StringsFile[]): FindingView {
	const found = files.filter((file) => (file.hits[index]?.count ?? 0) > 0);
	const name = describePattern(pattern);
	const base = { code: 'strings/pattern-appearance', severity: 'info' as const, count: found.length };
	if (found.length === 0) return { ...base, title: `${name}: not found in any of ${files.length} inputs`, detail: `Absent from ${labels(files)}.` };
	if (found.length === files.length) return { ...base, title: `${name}: found in every input (${labels(files)})`, detail: 'No input here predates it; add an older version to see where it appeared.' };
	const first = files.findIndex((file) => (file.hits[index]?.count ?? 0) > 0);
	const steady = files.slice(first).every((file) => (file.hits[index]?.count ?? 0) > 0);
	if (steady && first > 0) {
		return {
			...base,
			title: `${name}: first appears in ${label(files[first]!)} (absent from ${label(files[first - 1]!)})`,
			detail: `Absent from ${labels(files.slice(0, first))}; present in ${labels(files.slice(first))}.`,
		};
	}
	return { ...base, title: `${name}: found in ${labels(found)}`, detail: `Absent from ${labels(files.filter((f) => !found.includes(f)))}.` };
}

function versionsSection(files: StringsFile[], hits: PatternHit[]): ReportSection {
	return {
		id: 'versions',
		title: 'One row per binary',
		text: ['Oldest version first. "found" gives the byte offset of the first match (hex, as strings -t x prints it), or its line in a plain strings dump.'],
		table: {
			columns: [
				{ key: 'version', label: 'Version' },
				{ key: 'source', label: 'Version from' },
				{ key: 'file', label: 'Input' },
				{ key: 'size', label: 'Size (bytes)', numeric: true },
				{ key: 'strings', label: 'Strings', numeric: true },
				...hits.map((hit, i) => ({ key: `p${i}`, label: describePattern(hit) })),
			],
			rows: files.map((file) => ({
				file: file.file,
				version: file.version,
				source: file.versionSource,
				size: file.size,
				strings: file.strings,
				...Object.fromEntries(hits.map((_, i) => [`p${i}`, describeCell(file, file.hits[i])])),
			})),
		},
	};
}

function matchesSection(files: StringsFile[]): ReportSection {
	const rows = files.flatMap((file) =>
		file.hits
			.filter((hit) => hit.count > 0)
			.map((hit) => ({ version: file.version ?? file.file, pattern: describePattern(hit), where: describeWhere(hit), count: hit.count, match: hit.match, string: hit.string })),
	);
	return {
		id: 'matches',
		title: 'What matched',
		text: ['The first string each pattern matched in each input, cut to 60 characters either side of the match. Go and Rust binaries pack many literals into one run, so a match often sits inside unrelated text.'],
		table: {
			columns: [
				{ key: 'version', label: 'Version' },
				{ key: 'pattern', label: 'Pattern' },
				{ key: 'where', label: 'Where' },
				{ key: 'count', label: 'Strings matching', numeric: true },
				{ key: 'match', label: 'Match' },
				{ key: 'string', label: 'In the string' },
			],
			rows,
		},
	};
}

/** The page model of a probe (or of a listing: counts only, the strings stay in the text output). */
export function renderStringsView(result: Result<StringsSummary>): ReportView {
	const files = sortByVersion(result.summary.files);
	const hits = result.summary.files.find((file) => file.hits.length > 0)?.hits ?? [];
	return {
		totals: [
			{ label: 'Inputs', value: result.summary.files.length },
			{ label: 'Patterns', value: hits.length },
			{ label: 'Strings scanned', value: result.summary.files.reduce((sum, file) => sum + file.strings, 0) },
		],
		findings: hits.map((hit, i) => describeAppearance(hit, i, files)),
		sections: hits.length > 0 ? [versionsSection(files, hits), matchesSection(files)] : [versionsSection(files, [])],
	};
}
