/**
 * The counter reference page's data: every counter of the net-tools mapping table and every
 * counter with a description, grouped by kernel section, each with its anchor, MIB and nstat
 * names, the net-tools wordings that print it and what it counts.
 */
import { describeCounter, COUNTER_DOCS, type CounterDoc } from './counter-docs.ts';
import { displayName, GAUGES, SECTION_ORDER, SETTINGS, splitNstatName } from './mib-lookup.ts';
import type { MibKind } from './mib-types.ts';
import { listMibReference, type MibReferenceEntry } from './reference.ts';

/** One counter on the reference page. */
export interface CounterReferenceRow {
	/** Anchor, section and field joined by a hyphen: `TcpExt-SyncookiesFailed`. */
	id: string;
	/** `TcpExt:SyncookiesFailed`. */
	display: string;
	/** Kernel section and field as `/proc` names them: `TcpExt`, `SyncookiesFailed`. */
	section: string;
	field: string;
	/** nstat name, `TcpExtSyncookiesFailed`. */
	nstat: string;
	/** `setting` and `gauge` values are not event counters; everything else is `counter`. */
	kind: 'counter' | 'setting' | 'gauge';
	/** net-tools sentences (`N` where the value goes), newest first; empty for `Name: N` lines. */
	wordings: MibReferenceEntry['wordings'];
	/** What it counts, or not documented. */
	doc: CounterDoc;
}

/** One kernel section (`TcpExt`) and its counters in name order. */
export interface CounterReferenceSection {
	section: string;
	/** Anchor of the section heading: `section-TcpExt`. */
	id: string;
	rows: CounterReferenceRow[];
}

function kindOf(nstat: string, tableKind: MibKind | undefined): CounterReferenceRow['kind'] {
	if (tableKind === 'setting' || SETTINGS.has(nstat)) return 'setting';
	return GAUGES.has(nstat) ? 'gauge' : 'counter';
}

function sectionRank(section: string): number {
	const rank = SECTION_ORDER.indexOf(section);
	return rank === -1 ? SECTION_ORDER.length : rank;
}

/** Every counter the reference page lists, by section in report order. */
export function listCounterReference(): CounterReferenceSection[] {
	const table = new Map(listMibReference().map((entry) => [entry.nstat, entry]));
	const names = new Set([...table.keys(), ...Object.keys(COUNTER_DOCS)]);
	const bySection = new Map<string, CounterReferenceRow[]>();
	for (const nstat of names) {
		const { section, field } = splitNstatName(nstat);
		const entry = table.get(nstat);
		const rows = bySection.get(section) ?? [];
		rows.push({
			id: `${section}-${field}`,
			display: displayName(nstat),
			section,
			field,
			nstat,
			kind: kindOf(nstat, entry?.kind),
			wordings: entry?.wordings ?? [],
			doc: describeCounter(nstat) ?? { documented: false },
		});
		bySection.set(section, rows);
	}
	return [...bySection.entries()]
		.sort(([a], [b]) => sectionRank(a) - sectionRank(b) || a.localeCompare(b))
		.map(([section, rows]) => ({
			section,
			id: `section-${section}`,
			rows: rows.sort((a, b) => a.nstat.localeCompare(b.nstat, 'en')),
		}));
}
