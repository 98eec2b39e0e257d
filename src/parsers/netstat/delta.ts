/**
 * Before/after: the change of every counter between two captures, as exact signed decimals.
 * A counter that went down is flagged, never shown as a huge positive (no modular arithmetic):
 * only the person who took the captures knows whether it wrapped or the host rebooted.
 */
import type { Message } from '../contract.ts';
import type { NetstatDelta, NetstatDeltaRow } from './delta-types.ts';
import { GAUGES, SECTION_ORDER } from './mib-lookup.ts';
import type { NetstatSummary } from './summary.ts';

export type { NetstatDelta, NetstatDeltaRow } from './delta-types.ts';

function sectionRank(section: string): number {
	const rank = SECTION_ORDER.indexOf(section);
	return rank === -1 ? SECTION_ORDER.length : rank;
}

/** Orders names by section (kernel file order), then field, then name. */
export function compareCounterNames(a: { section: string; field: string }, b: { section: string; field: string }): number {
	return sectionRank(a.section) - sectionRank(b.section) || a.section.localeCompare(b.section) || a.field.localeCompare(b.field);
}

/** after − before for every counter; a pure function of two summaries. */
export function diffNetstat(
	before: NetstatSummary,
	after: NetstatSummary,
	options: { beforeFile?: string; interval?: number; intervalSource?: NetstatDelta['intervalSource'] } = {},
): NetstatDelta {
	const changed: NetstatDeltaRow[] = [];
	const onlyAfter: Record<string, string> = {};
	const onlyBefore: Record<string, string> = {};
	let unchanged = 0;
	for (const [name, now] of Object.entries(after.counters)) {
		const then = before.counters[name];
		if (!then) {
			onlyAfter[name] = now.value;
			continue;
		}
		const change = BigInt(now.value) - BigInt(then.value);
		if (change === 0n) {
			unchanged++;
			continue;
		}
		const row: NetstatDeltaRow = { name, section: now.section, field: now.field, before: then.value, after: now.value, change: change.toString() };
		const text = now.text ?? then.text;
		if (text !== undefined) row.text = text;
		if (GAUGES.has(name)) row.flag = 'gauge';
		else if (change < 0n) row.flag = 'decreased';
		if (options.interval !== undefined && options.interval > 0) row.rate = Number(change) / options.interval;
		changed.push(row);
	}
	for (const [name, then] of Object.entries(before.counters)) {
		if (!after.counters[name]) onlyBefore[name] = then.value;
	}
	changed.sort(compareCounterNames);
	const delta: NetstatDelta = { changed, unchanged, onlyAfter, onlyBefore };
	if (options.beforeFile !== undefined) delta.beforeFile = options.beforeFile;
	if (options.interval !== undefined) delta.interval = options.interval;
	if (options.interval !== undefined && options.intervalSource !== undefined) delta.intervalSource = options.intervalSource;
	return delta;
}

/** One warning naming the event counters that went down, if any did. */
export function describeDecreases(delta: NetstatDelta, file: string): Message[] {
	const down = delta.changed.filter((row) => row.flag === 'decreased');
	if (down.length === 0) return [];
	const names = down.slice(0, 5).map((row) => `${row.name} ${row.before}→${row.after}`).join(', ');
	return [{
		file,
		severity: 'warning',
		code: 'netstat/counter-decreased',
		reason: `${down.length} counters went down between the captures (reboot, reset, wrap or swapped files): ${names}${down.length > 5 ? ', …' : ''}`,
		url: 'guides/netstat/#before-after',
	}];
}

/**
 * The counter values a delta stands for, as one map: the change for counters in both captures,
 * the after value for counters that appeared (zero lines are omitted by net-tools). Used by
 * findings, which work the same on one capture and on a pair.
 */
export function deltaValues(delta: NetstatDelta): Record<string, string> {
	const values: Record<string, string> = { ...delta.onlyAfter };
	for (const row of delta.changed) if (row.flag !== 'decreased') values[row.name] = row.change;
	return values;
}
