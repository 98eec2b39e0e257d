/**
 * Creating, filling and merging {@link PostfixFindingsState}. Merging is exact for pieces of one
 * log given in order (`merge(state(a), state(b))` equals `state(a + b)`; only the evidence lines
 * of a group's keys past its first EVIDENCE_KEYS can differ) and also combines the logs of
 * several relays.
 */
import {
	EVIDENCE_KEYS,
	EVIDENCE_LATE_FROM,
	EVIDENCE_LIMITS,
	EVIDENCE_PER_KEY,
	EVIDENCE_TEXT_MAX,
	GROUPS,
	type Backlog,
	type Counter,
	type Evidence,
	type Group,
	type GroupName,
	type Moment,
	type PostfixFindingsState,
} from './types.ts';
import { detach } from '../strings.ts';
import { pastHorizon } from './read-line.ts';
import { pruneDestDays } from './dest-days.ts';
import { pruneRates, RATE_GROUPS } from './rates.ts';

/** A record without a prototype: a `__proto__` key from a log line is just a key. */
export function record<T>(): Record<string, T> {
	return Object.create(null) as Record<string, T>;
}

export function emptyPostfixFindings(): PostfixFindingsState {
	const groups = record<Group>() as Record<GroupName, Group>;
	for (const name of GROUPS) groups[name] = record<Counter>();
	return {
		lines: 0,
		groups,
		backlog: { pending: record(), live: record(), orphanRemoved: record() },
		span: {},
		deliveries: {},
	};
}

/** The evidence for a line: file (when known), line number, text cut to a sane length. */
export function evidenceOf(text: string, line: number, file?: string): Evidence {
	// detach: a line is a slice of a large decoded chunk, which a kept slice would keep alive.
	const kept = detach(cut(text));
	return file === undefined ? { line, text: kept } : { file, line, text: kept };
}

function cut(text: string): string {
	return text.length > EVIDENCE_TEXT_MAX ? `${text.slice(0, EVIDENCE_TEXT_MAX)}…` : text;
}

/** The evidence of a key that keeps none (shared; frozen, so a push on it fails loudly). */
const NO_EVIDENCE: Evidence[] = Object.freeze([]) as unknown as Evidence[];

/** Groups whose keys all may keep lines: the messages per hour, which `rates.ts` prunes. */
const UNBUDGETED = new Set<GroupName>(RATE_GROUPS.map(([hours]) => hours));

/** Keys given their first line as evidence so far, per table (see EVIDENCE_KEYS). */
const evidenced = new WeakMap<Group, number>();

/**
 * Counts the line under `key` in `group`, keeping its evidence (made by `ref` only then) while
 * the key has fewer lines than the limit: from its first line for the group's first
 * EVIDENCE_KEYS keys, from its EVIDENCE_LATE_FROM-th for the keys after them.
 */
export function addTo(
	state: PostfixFindingsState,
	group: GroupName,
	key: string,
	ref: () => Evidence,
	by = 1,
): void {
	const table = state.groups[group];
	const limit = EVIDENCE_LIMITS[group] ?? EVIDENCE_PER_KEY;
	const counter = table[key];
	if (counter !== undefined) {
		const before = counter.count;
		counter.count += by;
		if (counter.evidence !== NO_EVIDENCE) {
			if (counter.evidence.length < limit) counter.evidence.push(ref());
		} else if (limit > 0 && before < EVIDENCE_LATE_FROM && counter.count >= EVIDENCE_LATE_FROM) counter.evidence = [ref()];
		return;
	}
	const keys = evidenced.get(table) ?? 0;
	if (limit === 0 || (keys >= EVIDENCE_KEYS && !UNBUDGETED.has(group))) {
		table[key] = { count: by, evidence: NO_EVIDENCE };
		return;
	}
	evidenced.set(table, keys + 1);
	// Made with its one line: an empty array grown by `push` gets room for 17 (~150 bytes).
	table[key] = { count: by, evidence: [ref()] };
}

/**
 * `a` then `b`; a group absent from either (JSON of an older version) is empty. Exact for the
 * counts; for the lines of keys past the first EVIDENCE_KEYS, a merge keeps the lines each piece
 * kept, which can be other lines than one pass keeps.
 */
function mergeGroup(a: Group | undefined, b: Group | undefined, limit: number): Group {
	const out = record<Counter>();
	for (const source of [a, b]) {
		if (source === undefined) continue;
		for (const key of Object.keys(source)) {
			const counter = source[key]!;
			const target = (out[key] ??= { count: 0, evidence: limit === 0 ? NO_EVIDENCE : [] });
			target.count += counter.count;
			if (limit > 0 && counter.evidence.length > 0) target.evidence = [...target.evidence, ...counter.evidence].slice(0, limit);
		}
	}
	return out;
}

function copy<T>(source: Record<string, T>): Record<string, T> {
	return Object.assign(record<T>(), source);
}

/**
 * The backlog of `a` then `b`: b's orphan removals settle a's pending and live ids. Exact when
 * each message's first line is its `client=` or pickup line and a queue id is not reused while
 * its message is still queued (Postfix's own guarantee); as in one pass, ids are kept only
 * within the horizon (`queue-ids.ts`): live ones of the merged last line (`last`), orphan
 * removals of the merged first line (`start`, a's).
 */
function mergeBacklog(a: Backlog, b: Backlog, start: number | undefined, last: number | undefined): Backlog {
	const pending = copy(a.pending);
	const live = copy(a.live);
	const orphanRemoved = copy(a.orphanRemoved);
	for (const qid of Object.keys(b.orphanRemoved)) {
		const removed = b.orphanRemoved[qid]!;
		delete pending[qid];
		const begun = live[qid];
		delete live[qid];
		if (begun !== undefined && !pastHorizon(begun, removed)) continue;
		if (start === undefined || !pastHorizon(start, removed)) orphanRemoved[qid] = removed;
	}
	for (const qid of Object.keys(b.pending)) pending[qid] ??= b.pending[qid]!;
	// As one pass would: an id already live keeps the time of its first line, unless that was
	// past the horizon when b began it again.
	for (const qid of Object.keys(b.live)) {
		const begun = live[qid];
		if (begun === undefined || pastHorizon(begun, b.live[qid]!)) live[qid] = b.live[qid]!;
	}
	if (last !== undefined) for (const qid of Object.keys(live)) if (pastHorizon(live[qid]!, last)) delete live[qid];
	return { pending, live, orphanRemoved };
}

const earlier = (x?: Moment, y?: Moment) => (x === undefined ? y : x);
const later = (x?: Moment, y?: Moment) => (y === undefined ? x : y);
const gapOf = (g?: { from: Moment; to: Moment }) => (g ? g.to.t - g.from.t : -1);

/** Longest gap between deliveries: a's, the one across the seam, then b's; first wins ties. */
function mergeDeliveries(
	a: PostfixFindingsState['deliveries'],
	b: PostfixFindingsState['deliveries'],
) {
	let gap = a.gap;
	if (a.last && b.first && b.first.t - a.last.t > gapOf(gap)) gap = { from: a.last, to: b.first };
	if (gapOf(b.gap) > gapOf(gap)) gap = b.gap;
	const out: PostfixFindingsState['deliveries'] = {};
	const first = earlier(a.first, b.first);
	const last = later(a.last, b.last);
	if (first) out.first = first;
	if (last) out.last = last;
	if (gap) out.gap = gap;
	return out;
}

/** The state of `a` followed by `b` (or of two relays' logs). */
export function mergePostfixFindings(
	a: PostfixFindingsState,
	b: PostfixFindingsState,
): PostfixFindingsState {
	const groups = record<Group>() as Record<GroupName, Group>;
	for (const name of GROUPS)
		groups[name] = mergeGroup(
			a.groups[name],
			b.groups[name],
			EVIDENCE_LIMITS[name] ?? EVIDENCE_PER_KEY,
		);
	const span: PostfixFindingsState['span'] = {};
	const first = earlier(a.span.first, b.span.first);
	const last = later(a.span.last, b.span.last);
	if (first) span.first = first;
	if (last) span.last = last;
	const merged = {
		lines: a.lines + b.lines,
		groups,
		backlog: mergeBacklog(a.backlog, b.backlog, first?.t, last?.t),
		span,
		deliveries: mergeDeliveries(a.deliveries, b.deliveries),
	};
	// The seam's hours are inside the merged log now: pruned as one pass prunes them.
	pruneRates(merged);
	pruneDestDays(merged);
	return merged;
}
