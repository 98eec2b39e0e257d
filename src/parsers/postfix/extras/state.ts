/**
 * Creating, filling and merging {@link PostfixExtras}. Every field is a sum of per-line counts,
 * so merging adds: `merge(state(a), state(b))` equals `state(a + b)` for any split of one log,
 * in either order, and two relays' states add up to the fleet's.
 */
import {
	DELAY_STAGES,
	type DelayHistograms,
	type InstanceCounts,
	type PostfixExtras,
} from './types.ts';

/** A record without a prototype: a `__proto__` key from a log line is just a key. */
export function record<T>(): Record<string, T> {
	return Object.create(null) as Record<string, T>;
}

/**
 * Plain objects, not {@link record}s: their keys are numbers as `String` prints them (never
 * `__proto__`, see `delays.ts`), and a relay keeps five per recipient domain — a prototype-less
 * object starts as a hash table, ~10× the size of a plain object with a key or two (10,000
 * domains: 5 MB and a tenth of the run's time, `npm run bench -- postfix --shape outbound`).
 */
export function emptyDelayHistograms(): DelayHistograms {
	return { total: {}, a: {}, b: {}, c: {}, d: {} };
}

export function emptyInstanceCounts(): InstanceCounts {
	return { lines: 0, received: 0, delivered: 0, deferred: 0, bounced: 0, expired: 0, rejected: 0 };
}

/** The state of an empty log. */
export function emptyPostfixExtras(): PostfixExtras {
	return {
		lines: 0,
		postscreen: { events: record(), clients: record(), ranks: record(), lists: record() },
		sasl: {
			success: record(),
			failure: record(),
			users: record(),
			failedUsers: record(),
			failedClients: record(),
		},
		tls: record(),
		delays: { all: emptyDelayHistograms(), domains: record(), relays: record() },
		rejects: record(),
		instances: record(),
	};
}

/** Adds `by` to `table[key]`. */
export function bump(table: Record<string, number>, key: string, by = 1): void {
	table[key] = (table[key] ?? 0) + by;
}

/** A new table with the counts of `a` and `b` added up. */
export function addCounts(
	a: Record<string, number>,
	b: Record<string, number>,
): Record<string, number> {
	const out = record<number>();
	for (const source of [a, b]) for (const key of Object.keys(source)) bump(out, key, source[key]!);
	return out;
}

/** A new table of tables, each pair added up by `addItem` (a missing one counts as `empty()`). */
function addNested<T>(
	a: Record<string, T>,
	b: Record<string, T>,
	addItem: (x: T, y: T) => T,
	empty: () => T,
): Record<string, T> {
	const out = record<T>();
	for (const key of Object.keys(a)) out[key] = addItem(a[key]!, b[key] ?? empty());
	for (const key of Object.keys(b)) out[key] ??= addItem(empty(), b[key]!);
	return out;
}

function addHistograms(a: DelayHistograms, b: DelayHistograms): DelayHistograms {
	const out = emptyDelayHistograms();
	for (const stage of DELAY_STAGES) out[stage] = addCounts(a[stage], b[stage]);
	return out;
}

function addInstances(a: InstanceCounts, b: InstanceCounts): InstanceCounts {
	const out = emptyInstanceCounts();
	for (const key of Object.keys(out) as (keyof InstanceCounts)[]) out[key] = a[key] + b[key];
	return out;
}

/** The state of `a` followed by `b` (or of two relays' logs); neither input is changed. */
export function mergePostfixExtras(a: PostfixExtras, b: PostfixExtras): PostfixExtras {
	const ps = (x: PostfixExtras) => x.postscreen;
	const sasl = (key: keyof PostfixExtras['sasl']) => addCounts(a.sasl[key], b.sasl[key]);
	return {
		lines: a.lines + b.lines,
		postscreen: {
			events: addCounts(ps(a).events, ps(b).events),
			clients: addNested(ps(a).clients, ps(b).clients, addCounts, record<number>),
			ranks: addCounts(ps(a).ranks, ps(b).ranks),
			lists: addCounts(ps(a).lists, ps(b).lists),
		},
		sasl: {
			success: sasl('success'),
			failure: sasl('failure'),
			users: sasl('users'),
			failedUsers: sasl('failedUsers'),
			failedClients: sasl('failedClients'),
		},
		tls: addCounts(a.tls, b.tls),
		delays: {
			all: addHistograms(a.delays.all, b.delays.all),
			domains: addNested(a.delays.domains, b.delays.domains, addHistograms, emptyDelayHistograms),
			relays: addNested(a.delays.relays, b.delays.relays, addHistograms, emptyDelayHistograms),
		},
		rejects: addCounts(a.rejects, b.rejects),
		instances: addNested(a.instances, b.instances, addInstances, emptyInstanceCounts),
	};
}
