/**
 * Messages per key and hour — per client, SASL user and local sender — which bursts are found
 * from (`bursts.ts`), kept to what a burst can be.
 *
 * A busy MX hears from tens of thousands of clients a day, most of them once or twice: a row per
 * client and hour for a month of log is millions of rows (each ~150 bytes). But a burst is an
 * hour of at least `burst.minMessages` messages, and its baseline needs only the key's total
 * (`bursts.ts`). So an hour with fewer than {@link RATE_KEPT_FROM} messages from a key is counted
 * in the key's total and then dropped — once the log is two hours past it, which lines a little
 * out of order around the hour do not disturb. The first and the last hour of a piece are kept
 * whole: they may continue in the piece before or after it, so a merge of pieces, pruned the same
 * way, equals one pass over the whole log.
 */
import type { Evidence, GroupName, PostfixFindingsState } from './types.ts';

/** `state.ts`'s `addTo` (passed in: state.ts merges with {@link pruneRates}). */
type Add = (state: PostfixFindingsState, group: GroupName, key: string, ref: () => Evidence) => void;

/** An hour with fewer messages from a key than this is kept only in the key's total. */
export const RATE_KEPT_FROM = 10;

/** Each group of messages per key and hour, with its group of totals per key. */
export const RATE_GROUPS = [
	['client-hour', 'client-total'],
	['user-hour', 'user-total'],
	['sender-hour', 'sender-total'],
] as const satisfies readonly (readonly [GroupName, GroupName])[];

export type RateGroup = (typeof RATE_GROUPS)[number];

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `MM-DD HH` of a time in seconds (`Moment.t`), as `hourKey` makes it from a line. */
export function hourOfSeconds(t: number): string {
	const date = new Date(t * 1000);
	return `${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}`;
}

/** A row is `MM-DD HH\tkey`. */
const hourOf = (row: string) => row.slice(0, row.indexOf('\t'));

/** Drops every row under the floor outside the first and last hour of `state`'s span. */
export function pruneRates(state: PostfixFindingsState): void {
	const first = state.span.first && hourOfSeconds(state.span.first.t);
	const last = state.span.last && hourOfSeconds(state.span.last.t);
	for (const [group] of RATE_GROUPS) {
		const table = state.groups[group];
		if (table === undefined) continue;
		for (const row in table) {
			if (table[row]!.count >= RATE_KEPT_FROM) continue;
			const hour = hourOf(row);
			if (hour !== first && hour !== last) delete table[row];
		}
	}
}

/** Counts one message of `key` in `hour`; rows of hours the log has left are pruned as it goes. */
export type RateCounter = (rate: RateGroup, hour: string, key: string, ref: () => Evidence) => void;

/** Rows made in the open hours (at most the last two); the older one is pruned when a third opens. */
export function createRateCounter(state: PostfixFindingsState, addTo: Add): RateCounter {
	const open = new Map<string, [GroupName, string][]>();
	let first: string | undefined;

	function close(hour: string, rows: [GroupName, string][]): void {
		open.delete(hour);
		if (state.span.first !== undefined) first ??= hourOfSeconds(state.span.first.t);
		if (hour === first) return;
		for (const [group, row] of rows) {
			const table = state.groups[group];
			if (table[row] !== undefined && table[row].count < RATE_KEPT_FROM) delete table[row];
		}
	}

	return ([group, total], hour, key, ref) => {
		const row = `${hour}\t${key}`;
		if (state.groups[group][row] === undefined) {
			let rows = open.get(hour);
			if (rows === undefined) {
				open.set(hour, (rows = []));
				if (open.size > 2) {
					const [oldest, made] = open.entries().next().value!;
					close(oldest, made);
				}
			}
			rows.push([group, row]);
		}
		addTo(state, group, row, ref);
		addTo(state, total, key, ref);
	};
}
