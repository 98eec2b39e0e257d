/**
 * Hourly rates: sender bursts (a client, SASL user or local sender far above its own baseline
 * and the relay's) and surges of rejects or deferrals. Thresholds: {@link PostfixFindingsOptions}.
 */
import type { PostfixFindingsOptions } from './options.ts';
import type { Counter, Group, PostfixFindingsState } from './types.ts';

const pad = (n: number) => String(n).padStart(2, '0');
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
	for (let h = from; h <= to; h++) {
		const date = new Date(h * 3600_000);
		hours.push(
			`${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}`,
		);
	}
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
const KINDS = [
	['client-hour', 'client'],
	['user-hour', 'SASL user'],
	['sender-hour', 'sender'],
] as const;

/**
 * (hour, key) pairs over both baselines, busiest first. Only keys with an hour of at least
 * `minMessages` can burst, so only their rows are gathered: a relay that hears from a hundred
 * thousand clients an hour, each once or twice, needs no second copy of its table here.
 */
export function findSenderBursts(
	state: PostfixFindingsState,
	options: PostfixFindingsOptions,
): Burst[] {
	const hours = hoursOf(state);
	const { minMessages, factor, relayFactor } = options.burst;
	const received = Object.values(state.groups['received-hour']).map((c) => c.count);
	const relayFloor = relayFactor * Math.max(1, medianWithZeros(received, hours.length));
	const bursts: Burst[] = [];
	for (const [group, label] of KINDS) {
		const table = state.groups[group];
		const busy = new Set<string>();
		for (const composite in table)
			if (table[composite]!.count >= minMessages) busy.add(composite.slice(composite.indexOf('\t') + 1));
		if (busy.size === 0) continue;
		const byKey = new Map<string, [string, Counter][]>();
		for (const composite in table) {
			const tab = composite.indexOf('\t');
			const key = composite.slice(tab + 1);
			if (!busy.has(key)) continue;
			const rows = byKey.get(key);
			const row: [string, Counter] = [composite.slice(0, tab), table[composite]!];
			if (rows) rows.push(row);
			else byKey.set(key, [row]);
		}
		for (const [key, rows] of byKey) {
			const baseline = medianWithZeros(
				rows.map(([, c]) => c.count),
				hours.length,
			);
			const floor = Math.max(minMessages, factor * Math.max(1, baseline), relayFloor);
			for (const [hour, counter] of rows)
				if (counter.count >= floor)
					bursts.push({ who: `${label} ${key.replace(SASL_PREFIX, '')}`, hour, counter, baseline });
		}
	}
	return bursts.sort((a, b) => b.counter.count - a.counter.count || a.hour.localeCompare(b.hour));
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
