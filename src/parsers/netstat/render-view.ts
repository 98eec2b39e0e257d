/**
 * The report page: findings first, then every counter grouped by section with its MIB name,
 * the original netstat wording and the value; for a pair, a delta table and a bar chart of
 * the largest changes. Values are exact strings with thousands separators (2^64−1 fits no
 * JS number).
 */
import type { ReportSection, ReportView, Result } from '../contract.ts';
import type { NetstatDelta } from './delta.ts';
import { compareCounterNames } from './delta.ts';
import { findNetstatProblems } from './findings.ts';
import { describeInterval } from './interval.ts';
import { SECTION_ORDER, splitNstatName } from './mib-lookup.ts';
import { linkCounterReference } from './reference-links.ts';
import type { NetstatCounter, NetstatSummary } from './summary.ts';

/** `25030820` -> `25,030,820`; `-3` -> `-3`. Exact for any length. */
export function groupDigits(value: string): string {
	const negative = value.startsWith('-');
	const digits = negative ? value.slice(1) : value;
	const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return negative ? `-${grouped}` : grouped;
}

function sectionId(section: string): string {
	return `section-${(section || 'other').toLowerCase()}`;
}

function counterSections(counters: Record<string, NetstatCounter>): ReportSection[] {
	const bySection = new Map<string, [string, NetstatCounter][]>();
	const entries = Object.entries(counters).sort(([, a], [, b]) => compareCounterNames(a, b));
	for (const entry of entries) {
		const list = bySection.get(entry[1].section) ?? [];
		list.push(entry);
		bySection.set(entry[1].section, list);
	}
	return [...bySection.entries()].map(([section, list]) => ({
		id: sectionId(section),
		title: section ? `${section} counters` : 'Other counters',
		table: {
			columns: [
				{ key: 'counter', label: 'Counter', href: 'counterHref' },
				{ key: 'nstat', label: 'nstat name' },
				{ key: 'text', label: 'netstat -s wording' },
				{ key: 'value', label: 'Value', numeric: true },
			],
			rows: list.map(([name, counter]) => ({
				counter: section ? `${section}:${counter.field}` : name,
				counterHref: linkCounterReference(counter),
				nstat: name,
				text: counter.text ?? null,
				value: groupDigits(counter.value),
			})),
		},
	}));
}

function deltaSections(delta: NetstatDelta): ReportSection[] {
	const largest = delta.changed
		.filter((row) => row.flag === undefined)
		.sort((a, b) => (BigInt(b.change) > BigInt(a.change) ? 1 : BigInt(b.change) < BigInt(a.change) ? -1 : 0))
		.slice(0, 12);
	return [{
		id: 'delta',
		title: `Changes against ${delta.beforeFile ?? 'the before capture'}`,
		text: [`${delta.changed.length} counters changed, ${delta.unchanged} unchanged, ${Object.keys(delta.onlyAfter).length} only in the after capture${describeInterval(delta)}.`],
		chart: {
			title: 'Largest increases',
			unit: 'events',
			bars: largest.map((row) => ({ label: `${row.section}:${row.field}`, value: Number(row.change) })),
		},
		table: {
			columns: [
				{ key: 'counter', label: 'Counter', href: 'counterHref' },
				{ key: 'change', label: 'Change', numeric: true },
				...(delta.interval === undefined ? [] : [{ key: 'rate', label: 'Per second', numeric: true }]),
				{ key: 'before', label: 'Before', numeric: true },
				{ key: 'after', label: 'After', numeric: true },
				{ key: 'flag', label: 'Note' },
			],
			rows: delta.changed.map((row) => ({
				counter: `${row.section}:${row.field}`,
				counterHref: linkCounterReference(row),
				change: groupDigits(row.change),
				rate: row.rate === undefined ? null : Number(row.rate.toFixed(2)),
				before: groupDigits(row.before),
				after: groupDigits(row.after),
				flag: row.flag === 'decreased' ? 'went down: reboot, reset or wrap' : row.flag === 'gauge' ? 'gauge' : null,
			})),
		},
	}];
}

export function renderNetstatView(result: Result<NetstatSummary>): ReportView {
	const { summary } = result;
	const findings = findNetstatProblems(summary);
	const sections: ReportSection[] = [];
	if (summary.delta) sections.push(...deltaSections(summary.delta));
	sections.push(...counterSections(summary.counters));
	const settings = Object.entries(summary.settings);
	if (settings.length > 0) {
		sections.push({
			id: 'settings',
			title: 'Settings',
			table: {
				columns: [{ key: 'name', label: 'Setting', href: 'nameHref' }, { key: 'value', label: 'Value' }],
				rows: settings.map(([name, s]) => ({ name, nameHref: linkCounterReference(splitNstatName(name)), value: s.value })),
			},
		});
	}
	if (summary.unknown.length > 0) {
		sections.push({
			id: 'unknown',
			title: `Unknown lines (${summary.unknown.length})`,
			table: { columns: [{ key: 'line', label: 'Line', numeric: true }, { key: 'text', label: 'Text' }], rows: summary.unknown.map((u) => ({ line: u.line, text: u.text })) },
		});
	}
	const present = SECTION_ORDER.filter((section) => Object.values(summary.counters).some((c) => c.section === section));
	return {
		totals: [
			{ label: 'Counters', value: Object.keys(summary.counters).length },
			{ label: 'Sections', value: present.join(', ') || null },
			{ label: 'Unknown lines', value: summary.unknown.length },
			...(summary.delta ? [{ label: 'Counters changed', value: summary.delta.changed.length }] : []),
		],
		findings,
		sections,
	};
}
