/**
 * Delivery attempts per destination and day (`dest-day`), which the deferral-rate finding shows
 * for the failing destinations on the days they failed, kept to those days.
 *
 * An outbound relay delivers to thousands of domains a day, nearly all of them without a failure:
 * a row per domain and day that no finding reads (10,000 domains over 30 days: 300,000 rows,
 * ~70 MB). So a domain's `sent` row for a day goes once the log is two days past it, unless that
 * day also has the domain's `deferred` or `bounced` row. The first and last day of a piece are
 * kept whole: they may continue in the piece before or after it, and a merge, pruned the same
 * way, equals one pass over the whole log.
 */
import { hourOfSeconds } from './rates.ts';
import type { Evidence, GroupName, PostfixFindingsState } from './types.ts';

type Add = (state: PostfixFindingsState, group: GroupName, key: string, ref: () => Evidence) => void;

/** A row is `MM-DD\tdomain\tsent|deferred|bounced`. */
const SENT = '\tsent';

const dayOf = (t: number) => hourOfSeconds(t).slice(0, 5);

/** Whether the `sent` row `row` has a failure beside it (same day and domain). */
function failedThatDay(table: PostfixFindingsState['groups']['dest-day'], row: string): boolean {
	const stem = row.slice(0, -SENT.length);
	return table[`${stem}\tdeferred`] !== undefined || table[`${stem}\tbounced`] !== undefined;
}

/** Drops every `sent` row without a failure beside it outside the first and last day of `state`. */
export function pruneDestDays(state: PostfixFindingsState): void {
	const table = state.groups['dest-day'];
	if (table === undefined) return;
	const first = state.span.first && dayOf(state.span.first.t);
	const last = state.span.last && dayOf(state.span.last.t);
	for (const row in table) {
		if (!row.endsWith(SENT)) continue;
		const day = row.slice(0, 5);
		if (day !== first && day !== last && !failedThatDay(table, row)) delete table[row];
	}
}

/** Counts one attempt; `sent` rows of days the log has left are pruned as it goes. */
export type DestDayCounter = (day: string, domain: string, word: 'sent' | 'deferred' | 'bounced', ref: () => Evidence) => void;

/** Sent rows made in the open days (at most the last two); the older is pruned when a third opens. */
export function createDestDayCounter(state: PostfixFindingsState, addTo: Add): DestDayCounter {
	const table = state.groups['dest-day'];
	const open = new Map<string, string[]>();
	let first: string | undefined;

	function close(day: string, rows: string[]): void {
		open.delete(day);
		if (state.span.first !== undefined) first ??= dayOf(state.span.first.t);
		if (day === first) return;
		for (const row of rows) if (table[row] !== undefined && !failedThatDay(table, row)) delete table[row];
	}

	return (day, domain, word, ref) => {
		let rows = open.get(day);
		if (rows === undefined) {
			open.set(day, (rows = []));
			if (open.size > 2) {
				const [oldest, made] = open.entries().next().value!;
				close(oldest, made);
			}
		}
		const row = `${day}\t${domain}\t${word}`;
		if (word === 'sent' && table[row] === undefined) rows.push(row);
		addTo(state, 'dest-day', row, ref);
	};
}
