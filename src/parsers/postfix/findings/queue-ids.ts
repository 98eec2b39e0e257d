/**
 * Queue ids while reading: which messages are deferred and not yet removed, which began in this
 * piece of the log, and which were removed without beginning here (for the merge). Kept in Maps
 * while reading (record writes and deletes are slow), copied to plain records by `backlogOf`.
 */
import { detach } from '../strings.ts';
import type { PostfixLine } from './read-line.ts';
import { record } from './state.ts';
import type { Backlog, Evidence } from './types.ts';

export interface QueueIds {
	pending: Map<string, Evidence>;
	live: Map<string, 0 | 1>;
	orphanRemoved: Set<string>;
}

export function createQueueIds(): QueueIds {
	return { pending: new Map(), live: new Map(), orphanRemoved: new Set() };
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

/**
 * Live/removed bookkeeping for one line with a queue id: a message is live from its first line
 * (see {@link isStart}) to qmgr's `removed`. Only those two lines touch the Map: the lines between
 * (most of a log) cost two string comparisons.
 */
export function trackQueueId(ids: QueueIds, line: PostfixLine): void {
	const { qid } = line;
	if (!qid || qid === 'NOQUEUE') return;
	if (line.daemon === 'qmgr' && line.message === 'removed') {
		ids.pending.delete(qid);
		if (!ids.live.delete(qid)) ids.orphanRemoved.add(detach(qid));
		return;
	}
	// Kept ids are detached: a slice would keep its whole decoded chunk alive.
	if (isStart(line) && !ids.live.has(qid)) ids.live.set(detach(qid), 1);
}

/** A `status=deferred` line: the message is pending until qmgr removes it. */
export function noteDeferred(ids: QueueIds, qid: string, ref: () => Evidence): void {
	if (qid && qid !== 'NOQUEUE' && !ids.pending.has(qid)) ids.pending.set(detach(qid), ref());
}

/** The plain-JSON backlog of what was read so far. */
export function backlogOf(ids: QueueIds): Backlog {
	const backlog: Backlog = { pending: record(), live: record(), orphanRemoved: record() };
	for (const [qid, ref] of ids.pending) backlog.pending[qid] = ref;
	for (const [qid, begun] of ids.live) backlog.live[qid] = begun;
	for (const qid of ids.orphanRemoved) backlog.orphanRemoved[qid] = 1;
	return backlog;
}
