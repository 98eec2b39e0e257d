/**
 * The merge side of `carry.ts`: after the figures of two pieces are added, the messages the
 * second piece carried are done again from the first piece's open messages, and the difference
 * goes into the figures; open messages, carried operations, smtpd connections and the day count
 * become those of one pass over both pieces.
 */
import {
	CARRY_HORIZON_SECONDS,
	DISCONNECT_HORIZON_SECONDS,
	replayOps,
	type CarriedOp,
	type Effects,
	type OpenMessage,
} from './carry.ts';

/** Whether `seconds` is within `horizon` of the first line of `a` (always, when `a` has none). */
const within = (a: PostfixSummary, seconds: number, horizon: number) =>
	a.startSeconds === null || seconds - a.startSeconds <= horizon;
import { createRecord, type CountSize, type PostfixSummary, type SmtpdStats } from './summary.ts';

function adjustRows(rows: Record<string, CountSize>, plus: Map<string, CountSize>, minus: Map<string, CountSize>): void {
	for (const [key, [count, bytes]] of plus) {
		const row = (rows[key] ??= [0, 0]);
		row[0] += count;
		row[1] += bytes;
	}
	for (const [key, [count, bytes]] of minus) {
		const row = rows[key]!;
		row[0] -= count;
		row[1] -= bytes;
		// Rows exist only for what was counted: one the other side alone made is gone.
		if (row[0] === 0) delete rows[key];
	}
}

function adjustBytes(rows: Record<string, number[]>, plus: Map<string, number>, minus: Map<string, number>): void {
	for (const [key, bytes] of plus) rows[key]![1]! += bytes;
	for (const [key, bytes] of minus) rows[key]![1]! -= bytes;
}

/** Puts `withPrior` in place of `alone` (what the second piece counted) for message `qid`. */
function applyDifference(out: PostfixSummary, a: PostfixSummary, qid: string, withPrior: Effects, alone: Effects): void {
	out.bytesReceived += withPrior.bytesReceived - alone.bytesReceived;
	out.bytesDelivered += withPrior.bytesDelivered - alone.bytesDelivered;
	out.deferred += withPrior.deferred - alone.deferred;
	adjustRows(out.senders, withPrior.senders, alone.senders);
	adjustRows(out.senderDomains, withPrior.senderDomains, alone.senderDomains);
	adjustBytes(out.recipientDomains, withPrior.domainBytes, alone.domainBytes);
	adjustBytes(out.recipients, withPrior.recipientBytes, alone.recipientBytes);
	const noSize = withPrior.noSize ?? a.noSize[qid];
	if (noSize === undefined) delete out.noSize[qid];
	else out.noSize[qid] = noSize;
	if (out.messageDetail) {
		const detail = [...(a.messageDetail?.[qid] ?? []), ...withPrior.detail];
		if (detail.length > 0) out.messageDetail[qid] = detail;
		else delete out.messageDetail[qid];
	}
}

/** Open messages and carried operations of `a` then `b`, with `b`'s carried messages redone. */
function mergeMessages(out: PostfixSummary, a: PostfixSummary, b: PostfixSummary): void {
	const open = Object.assign(createRecord<OpenMessage>(), a.open);
	const carried = Object.assign(createRecord<CarriedOp[]>(), a.carried);
	for (const qid of Object.keys(b.carried)) {
		const ops = b.carried[qid]!;
		const prior = a.open[qid];
		if (prior !== undefined) {
			const withPrior = replayOps(prior, ops);
			applyDifference(out, a, qid, withPrior, replayOps(undefined, ops));
			if (withPrior.state) open[qid] = withPrior.state;
			else delete open[qid];
		} else if (b.open[qid]) open[qid] = b.open[qid]!;
		// Still carried when `a` did not see it begin either; settled when `a` did. One pass would
		// not have carried a message first seen past the horizon from `a`'s start.
		if (a.carried[qid]) carried[qid] = [...a.carried[qid]!, ...ops.slice(1)];
		else if (prior === undefined && within(a, ops[0]![1] as number, CARRY_HORIZON_SECONDS)) carried[qid] = ops;
	}
	for (const qid of Object.keys(b.open)) if (!b.carried[qid]) open[qid] = b.open[qid]!;
	out.open = open;
	out.carried = carried;
}

function addConnection(stats: SmtpdStats, [, seconds, hour, day, domain]: SmtpdStats['carried'][number], start: number): void {
	const duration = seconds - start;
	for (const row of [stats.perHour[hour], (stats.perDay[day] ??= [0, 0, 0]), (stats.perDomain[domain] ??= [0, 0, 0])]) {
		if (!row) continue;
		row[0]++;
		row[1] += duration;
		if (duration > row[2]) row[2] = duration;
	}
	stats.connections++;
	stats.seconds += duration;
}

/** smtpd connections open at the end of `first` (whose stats are `a`) that `b` disconnects. */
function mergeConnections(out: SmtpdStats, first: PostfixSummary, a: SmtpdStats | null, b: SmtpdStats | null): void {
	const open = Object.assign(createRecord<number>(), a?.open, b?.open);
	const carried = [...(a?.carried ?? [])];
	for (const disconnect of b?.carried ?? []) {
		const connected = a?.open[disconnect[0]];
		if (connected === undefined) {
			if (within(first, disconnect[1], DISCONNECT_HORIZON_SECONDS)) carried.push(disconnect);
		} else {
			addConnection(out, disconnect, connected);
			if (b?.open[disconnect[0]] === undefined) delete open[disconnect[0]];
		}
	}
	out.open = open;
	out.carried = carried;
}

/**
 * Makes `out` (the figures of `a` and `b` added) the summary of one pass over `a` then `b`.
 * pflogsumm counts a day whenever the day of month changes, so a day cut in two counts once.
 */
export function mergeCarry(out: PostfixSummary, a: PostfixSummary, b: PostfixSummary): void {
	mergeMessages(out, a, b);
	if (out.smtpd) mergeConnections(out.smtpd, a, a.smtpd, b.smtpd);
	if (a.lastDay !== 0 && a.lastDay === b.firstDay) out.dayCount--;
	out.firstDay = a.firstDay || b.firstDay;
	out.lastDay = b.lastDay || a.lastDay;
}
