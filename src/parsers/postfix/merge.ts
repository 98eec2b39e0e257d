/**
 * Merging summaries of independent inputs (several hosts, separately parsed files): counts add,
 * maxima take the larger, per-day arrays add column by column. `merge(empty(), s)` equals `s`.
 */
import type { CarriedOp, OpenMessage } from './carry.ts';
import { mergeCarry } from './carry-merge.ts';
import {
	createRecord, createSmtpdStats, emptyPostfixSummary,
	type ConnectStats, type Counts, type Nested2, type Nested3, type PostfixSummary, type SmtpdStats,
} from './summary.ts';

type Rows = Record<string, number[]>;

/** Adds rows column by column; `maxColumns` take the larger value instead. */
function mergeRows<T extends number[]>(a: Record<string, T>, b: Record<string, T>, maxColumns: number[] = []): Record<string, T> {
	const out = createRecord<T>();
	for (const source of [a, b]) {
		for (const key in source) {
			const row = source[key]!;
			const target = out[key];
			if (target === undefined) {
				out[key] = [...row] as T;
				continue;
			}
			for (let i = 0; i < row.length; i++) {
				if (i >= target.length) target.push(row[i]!);
				else target[i] = maxColumns.includes(i) ? Math.max(target[i]!, row[i]!) : target[i]! + row[i]!;
			}
		}
	}
	return out;
}

function mergeCounts(a: Counts, b: Counts): Counts {
	const out = createRecord<number>();
	for (const source of [a, b]) for (const key in source) out[key] = (out[key] ?? 0) + source[key]!;
	return out;
}

function mergeNested2(a: Nested2, b: Nested2): Nested2 {
	const out = createRecord<Counts>();
	for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) out[key] = mergeCounts(a[key] ?? {}, b[key] ?? {});
	return out;
}

function mergeNested3(a: Nested3, b: Nested3): Nested3 {
	const out = createRecord<Nested2>();
	for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) out[key] = mergeNested2(a[key] ?? {}, b[key] ?? {});
	return out;
}

function mergeSmtpd(a: SmtpdStats | null, b: SmtpdStats | null): SmtpdStats | null {
	if (a === null && b === null) return null;
	const x = a ?? createSmtpdStats();
	const y = b ?? createSmtpdStats();
	return {
		connections: x.connections + y.connections,
		seconds: x.seconds + y.seconds,
		perHour: x.perHour.map((row, hour) => mergeRows({ h: row }, { h: y.perHour[hour]! }, [2]).h as ConnectStats),
		perDay: mergeRows(x.perDay, y.perDay, [2]),
		perDomain: mergeRows(x.perDomain, y.perDomain, [2]),
		// Independent logs (relays): side by side; a stream's are settled by mergeCarry.
		open: Object.assign(createRecord<number>(), x.open, y.open),
		carried: [...x.carried, ...y.carried],
	};
}

function mergeDetail(a: Record<string, string[]> | null, b: Record<string, string[]> | null): Record<string, string[]> | null {
	if (a === null && b === null) return null;
	const out = createRecord<string[]>();
	for (const source of [a ?? {}, b ?? {}]) for (const key in source) out[key] = [...(out[key] ?? []), ...source[key]!];
	return out;
}

const SUMS = [
	'received', 'delivered', 'forwarded', 'deferred', 'deferrals', 'bounced', 'rejected', 'rejectWarnings',
	'held', 'discarded', 'bytesReceived', 'bytesDelivered', 'dayCount',
] as const;

/**
 * Two pieces of one log, `a` then `b` (rotated files, a file cut for parallel runs): the summary
 * of one pass over both, exactly (see `carry.ts`).
 */
export function mergePostfixSummary(a: PostfixSummary, b: PostfixSummary): PostfixSummary {
	const out = addPostfixSummaries(a, b);
	mergeCarry(out, a, b);
	return out;
}

/**
 * Logs of different relays: the figures add, and each relay's open and carried messages stay
 * as they are (queue ids of two relays are unrelated; the fleet's day count is the fleet's own).
 */
export function addPostfixSummaries(a: PostfixSummary, b: PostfixSummary): PostfixSummary {
	const out = emptyPostfixSummary();
	for (const key of SUMS) out[key] = a[key] + b[key];
	out.days = mergeRows(a.days as Rows, b.days as Rows);
	for (const key of Object.keys(out.hours) as (keyof PostfixSummary['hours'])[]) {
		out.hours[key] = a.hours[key].map((value, hour) => value + b.hours[key][hour]!);
	}
	out.recipientDomains = mergeRows(a.recipientDomains, b.recipientDomains, [4]);
	out.senderDomains = mergeRows(a.senderDomains, b.senderDomains);
	out.senders = mergeRows(a.senders, b.senders);
	out.recipients = mergeRows(a.recipients, b.recipients);
	out.noSize = Object.assign(createRecord<string>(), a.noSize, b.noSize);
	for (const key of ['deferralDetail', 'bounceDetail', 'smtpFailures', 'warnings', 'fatals', 'panics'] as const) {
		out[key] = mergeNested2(a[key], b[key]);
	}
	for (const key of ['rejectDetail', 'rejectWarningDetail', 'holdDetail', 'discardDetail'] as const) {
		out[key] = mergeNested3(a[key], b[key]);
	}
	out.master = mergeCounts(a.master, b.master);
	out.smtpd = mergeSmtpd(a.smtpd, b.smtpd);
	out.messageDetail = mergeDetail(a.messageDetail, b.messageDetail);
	out.open = Object.assign(createRecord<OpenMessage>(), a.open, b.open);
	out.carried = Object.assign(createRecord<CarriedOp[]>(), a.carried, b.carried);
	out.startSeconds = a.startSeconds ?? b.startSeconds;
	out.firstDay = a.firstDay || b.firstDay;
	out.lastDay = b.lastDay || a.lastDay;
	return out;
}
