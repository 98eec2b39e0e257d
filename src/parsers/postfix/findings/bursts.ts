/**
 * Hourly rates: sender bursts (a client, SASL user or local sender far above its own baseline
 * and the relay's) and surges of rejects or deferrals. Thresholds: {@link PostfixFindingsOptions}.
 */
import type { PostfixFindingsOptions } from './options.ts';
import { hourOfSeconds, RATE_GROUPS, RATE_KEPT_FROM } from './rates.ts';
import type { Counter, Group, PostfixFindingsState } from './types.ts';

/** Longest span walked hour by hour (400 days); longer logs use the hours that have lines. */
const MAX_HOURS = 24 * 400;

/** Every `MM-DD HH` from the first to the last line, quiet hours included. */
export function hoursOf(state: PostfixFindingsState): string[] {
	const { first, last } = state.span;
	if (!first || !last) return [];
	const from = Math.floor(first.t / 3600);
	const to = Math.floor(last.t / 3600);
	if (to < from || to - from > MAX_HOURS) {
		const seen = new Set<string>();
		for (const name of ['received-hour', 'reject-hour', 'deferral-hour'] as const)
			for (const key of Object.keys(state.groups[name])) seen.add(key);
		return [...seen];
	}
	const hours: string[] = [];
	for (let h = from; h <= to; h++) hours.push(hourOfSeconds(h * 3600));
	return hours;
}

/** Median of `values` padded with zeros to `n` values (the hours without any). */
export function medianWithZeros(values: number[], n: number): number {
	if (n === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	const at = (i: number) => (i < n - sorted.length ? 0 : sorted[i - (n - sorted.length)]!);
	return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

export interface Burst {
	/** `client 192.0.2.9`, `SASL user bob`, `sender root@example.com`, `rejects`. */
	who: string;
	hour: string;
	counter: Counter;
	/** The baseline it was compared with (messages or events per hour). */
	baseline: number;
}

const SASL_PREFIX = /^sasl_username=/;
const LABELS = { 'client-hour': 'client', 'user-hour': 'SASL user', 'sender-hour': 'sender' } as const;

/**
 * (hour, key) pairs over both baselines, busiest first. A key's own baseline for an hour is its
 * mean over the log's other hours, quiet ones included: its total (`client-total`…) less that
 * hour, over the hours less one — the hour itself when the log has only that one. Hours below
 * {@link RATE_KEPT_FROM} are not kept (`rates.ts`), so that is also the least a burst can be.
 */
export function findSenderBursts(
	state: PostfixFindingsState,
	options: PostfixFindingsOptions,
): Burst[] {
	const hours = hoursOf(state).length;
	const { minMessages, factor, relayFactor } = options.burst;
	const received = Object.values(state.groups['received-hour']).map((c) => c.count);
	const relayFloor = relayFactor * Math.max(1, medianWithZeros(received, hours));
	const least = Math.max(minMessages, RATE_KEPT_FROM, relayFloor);
	const bursts: Burst[] = [];
	for (const [group, totals] of RATE_GROUPS) {
		const table = state.groups[group];
		for (const row in table) {
			const counter = table[row]!;
			if (counter.count < least) continue;
			const tab = row.indexOf('\t');
			const key = row.slice(tab + 1);
			// A state without totals (JSON of an older version) has every hour of the key.
			const total = state.groups[totals]?.[key]?.count ?? totalOfRows(table, key);
			const baseline = hours > 1 ? (total - counter.count) / (hours - 1) : counter.count;
			if (counter.count >= Math.max(least, factor * Math.max(1, baseline)))
				bursts.push({ who: `${LABELS[group]} ${key.replace(SASL_PREFIX, '')}`, hour: row.slice(0, tab), counter, baseline });
		}
	}
	return bursts.sort((a, b) => b.counter.count - a.counter.count || a.hour.localeCompare(b.hour));
}

function totalOfRows(table: Group, key: string): number {
	let total = 0;
	for (const row in table) if (row.endsWith(`\t${key}`)) total += table[row]!.count;
	return total;
}

/** Hours whose rejects (or deferrals) are over both the minimum and `factor` × the median. */
export function findSurges(
	state: PostfixFindingsState,
	group: Group,
	who: string,
	options: PostfixFindingsOptions,
): Burst[] {
	const hours = hoursOf(state);
	const counts = Object.values(group).map((c) => c.count);
	const baseline = medianWithZeros(counts, hours.length);
	const floor = Math.max(options.surge.minEvents, options.surge.factor * Math.max(1, baseline));
	return Object.entries(group)
		.filter(([, counter]) => counter.count >= floor)
		.map(([hour, counter]) => ({ who, hour, counter, baseline }))
		.sort((a, b) => b.counter.count - a.counter.count || a.hour.localeCompare(b.hour));
}
