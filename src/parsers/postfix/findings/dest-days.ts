/**
 * Delivery attempts per destination and day (`dest-day`), which the deferral-rate finding shows
 * for the failing destinations on the days they failed, kept to those days.
 *
 * An outbound relay delivers to thousands of domains a day, nearly all of them without a failure:
 * a row per domain and day that no finding reads (10,000 domains over 30 days: 300,000 rows,
 * ~70 MB). So a domain's `sent` attempts of a day are kept only if that day also has its
 * `deferred` or `bounced` row, decided once the log is two days past it. The first and last day of a piece are
 * kept whole: they may continue in the piece before or after it, and a merge, pruned the same
 * way, equals one pass over the whole log.
 */
import { hourOfSeconds } from './rates.ts';
import type { Evidence, GroupName, PostfixFindingsState } from './types.ts';

type Add = (state: PostfixFindingsState, group: GroupName, key: string, ref: () => Evidence, by?: number) => void;

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
export interface DestDayCounter {
	(day: string, domain: string, word: 'sent' | 'deferred' | 'bounced', ref: () => Evidence): void;
	/** Writes the open days' `sent` rows into the state (before `pruneDestDays`). */
	flush(): void;
}

/** An open day: its `sent` counts by domain (not in the table yet), the domains that failed. */
interface OpenDay {
	sent: Map<string, number>;
	failed: Set<string>;
	/** The day was closed before (lines out of order): failures may be in the table only. */
	again: boolean;
}

const NO_REF = (): Evidence => {
	throw new Error('dest-day keeps no evidence');
};

/**
 * The open days (at most the last two) count their `sent` attempts aside; when a third day opens,
 * the oldest writes the rows it keeps into the table. A healthy domain's row is never made, which
 * a table of ten thousand rows made and deleted each day cost in time and garbage.
 */
export function createDestDayCounter(state: PostfixFindingsState, addTo: Add): DestDayCounter {
	const table = state.groups['dest-day'];
	const open = new Map<string, OpenDay>();
	const closed = new Set<string>();
	let first: string | undefined;

	function close(day: string, { sent, failed, again }: OpenDay, whole: boolean): void {
		open.delete(day);
		closed.add(day);
		if (state.span.first !== undefined) first ??= dayOf(state.span.first.t);
		const keep = whole || day === first;
		for (const [domain, count] of sent) {
			const row = `${day}\t${domain}${SENT}`;
			if (keep || failed.has(domain) || (again && failedThatDay(table, row))) addTo(state, 'dest-day', row, NO_REF, count);
		}
	}

	const count = ((day, domain, word, ref) => {
		let made = open.get(day);
		if (made === undefined) {
			open.set(day, (made = { sent: new Map(), failed: new Set(), again: closed.has(day) }));
			if (open.size > 2) {
				const [oldest, itsDay] = open.entries().next().value!;
				close(oldest, itsDay, false);
			}
		}
		if (word === 'sent') {
			made.sent.set(domain, (made.sent.get(domain) ?? 0) + 1);
			return;
		}
		made.failed.add(domain);
		addTo(state, 'dest-day', `${day}\t${domain}\t${word}`, ref);
	}) as DestDayCounter;
	count.flush = () => {
		for (const [day, made] of [...open]) close(day, made, true);
	};
	return count;
}
