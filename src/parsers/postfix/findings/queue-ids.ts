/**
 * Queue ids while reading: which messages are deferred and not yet removed, which began in this
 * piece of the log, and which were removed without beginning here (for the merge). Kept in Maps
 * while reading (record writes and deletes are slow), copied to plain records by `backlogOf`.
 *
 * Both id lists are bounded by {@link CARRY_HORIZON_SECONDS}, as the summary's carried messages
 * are: no message stays in Postfix's queue longer (`maximal_queue_lifetime`), so a message begun
 * longer ago than that and never removed (a client that dropped during DATA, a header_checks
 * REJECT) is forgotten, and only removals that early in a piece can settle an earlier piece's
 * message. Memory stays with the active queue however long the log.
 */
import { CARRY_HORIZON_SECONDS } from '../carry.ts';
import { detach } from '../strings.ts';
import { pastHorizon, secondsBetween, secondsOf, type PostfixLine } from './read-line.ts';
import { record } from './state.ts';
import type { Backlog, Evidence } from './types.ts';

export interface QueueIds {
	pending: Map<string, Evidence>;
	/** Queue id → seconds of the line that began it. */
	live: Map<string, number>;
	/** Queue id → seconds of its `removed` line. */
	orphanRemoved: Map<string, number>;
	/** Seconds of the piece's first line (NaN before it), for the horizon. */
	start: number;
	/** Seconds at which {@link live} is next swept of messages past the horizon. */
	sweepAt: number;
}

export function createQueueIds(): QueueIds {
	return { pending: new Map(), live: new Map(), orphanRemoved: new Map(), start: Number.NaN, sweepAt: Number.NaN };
}

/**
 * The line that begins a message: smtpd's (or qmqpd's) `client=` or pickup's. Messages Postfix
 * makes itself (bounce notices: cleanup first) never look begun, so their removal is always
 * passed on to the merge; a message's later lines (cleanup, qmgr) must not look like a start,
 * or a split between `client=` and `cleanup` would count its beginning twice.
 */
function isStart(line: PostfixLine): boolean {
	if (line.daemon === 'pickup') return true;
	return (line.daemon === 'smtpd' || line.daemon === 'qmqpd') && line.message.startsWith('client=');
}

/** Drops the live ids begun more than the horizon before `now`. */
function sweep(live: Map<string, number>, now: number): void {
	for (const [qid, begun] of live) if (pastHorizon(begun, now)) live.delete(qid);
}

/**
 * Live/removed bookkeeping for one line with a queue id: a message is live from its first line
 * (see {@link isStart}) to its `removed` (qmgr's, or postsuper's). Only those two lines touch
 * the Maps and read the time: the lines between (most of a log) cost two string comparisons.
 */
export function trackQueueId(ids: QueueIds, line: PostfixLine): void {
	if (Number.isNaN(ids.start)) {
		ids.start = secondsOf(line);
		ids.sweepAt = ids.start + CARRY_HORIZON_SECONDS;
	}
	const { qid } = line;
	if (!qid || qid === 'NOQUEUE') return;
	// qmgr's `removed`, or postsuper's when an administrator deleted the message (`postsuper -d`).
	if ((line.daemon === 'qmgr' || line.daemon === 'postsuper') && line.message === 'removed') {
		const seconds = secondsOf(line);
		ids.pending.delete(qid);
		const begun = ids.live.get(qid);
		if (begun !== undefined) {
			ids.live.delete(qid);
			if (!pastHorizon(begun, seconds)) return;
		}
		if (!pastHorizon(ids.start, seconds)) ids.orphanRemoved.set(detach(qid), seconds);
		return;
	}
	if (!isStart(line)) return;
	const seconds = secondsOf(line);
	if (secondsBetween(ids.sweepAt, seconds) >= 0) {
		sweep(ids.live, seconds);
		ids.sweepAt = seconds + 86_400;
	}
	// Kept ids are detached: a slice would keep its whole decoded chunk alive.
	const begun = ids.live.get(qid);
	if (begun === undefined) ids.live.set(detach(qid), seconds);
	else if (pastHorizon(begun, seconds)) ids.live.set(qid, seconds);
}

/** A `status=deferred` line: the message is pending until qmgr removes it. */
export function noteDeferred(ids: QueueIds, qid: string, ref: () => Evidence): void {
	if (qid && qid !== 'NOQUEUE' && !ids.pending.has(qid)) ids.pending.set(detach(qid), ref());
}

/** The plain-JSON backlog of what was read so far; `last`: seconds of the last line. */
export function backlogOf(ids: QueueIds, last: number): Backlog {
	const backlog: Backlog = { pending: record(), live: record(), orphanRemoved: record() };
	for (const [qid, ref] of ids.pending) backlog.pending[qid] = ref;
	for (const [qid, begun] of ids.live) if (!pastHorizon(begun, last)) backlog.live[qid] = begun;
	for (const [qid, removed] of ids.orphanRemoved) backlog.orphanRemoved[qid] = removed;
	return backlog;
}
