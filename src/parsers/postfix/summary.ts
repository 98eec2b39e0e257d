/**
 * The Postfix summary: plain JSON data, everything pflogsumm 1.1.5 prints and nothing it does not
 * need, so it can be merged (rotated files, several hosts) and rendered later.
 *
 * Keys of every record are log text (addresses, reasons), so records are created without a
 * prototype: a hostile `__proto__` in a log line is just another key.
 */

import type { CarriedOp, OpenMessage } from './carry.ts';

/** `record[key]` counts, e.g. reason → count. */
export type Counts = Record<string, number>;
/** Two levels, e.g. daemon → reason → count (pflogsumm's deferral, bounce, warning hashes). */
export type Nested2 = Record<string, Counts>;
/** Three levels, e.g. `RCPT` → reason → client or address → count (reject hashes). */
export type Nested3 = Record<string, Nested2>;

/** `[messages, bytes]` for a sender, recipient or sending domain. */
export type CountSize = [count: number, bytes: number];
/** `[sent, bytes, defers, delaySum, delayMax]` for a recipient domain (delays in seconds). */
export type DomainDelivery = [sent: number, bytes: number, defers: number, delaySum: number, delayMax: number];
/** `[connections, seconds, longest]` for SMTPD connection statistics. */
export type ConnectStats = [connections: number, seconds: number, longest: number];

/** The five per-period columns, in pflogsumm's order. */
export const TRAFFIC_COLUMNS = ['received', 'delivered', 'deferred', 'bounced', 'rejected'] as const;

export interface SmtpdStats {
	/** `smtpd[pid]: disconnect from host` matched with its `connect from`: one per pair. */
	connections: number;
	/** Sum of those connections' durations, seconds. */
	seconds: number;
	/** Per hour of the disconnect (24 rows). */
	perHour: ConnectStats[];
	/** Per day of the disconnect, keyed like {@link PostfixSummary.days}. */
	perDay: Record<string, ConnectStats>;
	/** Per client domain (pflogsumm's `gimme_domain` of the disconnecting host). */
	perDomain: Record<string, ConnectStats>;
	/** smtpd pid → connect time (seconds) of connections open at the end, for a merge. */
	open: Record<string, number>;
	/** Disconnects whose connect was not in this log: `[pid, seconds, hour, day key, domain]`. */
	carried: CarriedDisconnect[];
}

/** A disconnect without its connect: `[pid, seconds, hour, day key, client domain]`. */
export type CarriedDisconnect = [pid: string, seconds: number, hour: number, day: string, domain: string];

export interface PostfixSummary {
	/** `smtpd|postscreen: QID: client=…` and `pickup: QID: uid=|sender=…` lines. */
	received: number;
	/** `to=<…>, relay=…, delay=…, status=sent` lines, except those saying `forwarded as`. */
	delivered: number;
	/** `status=sent (… forwarded as …)` lines. */
	forwarded: number;
	/** Queue ids with at least one `status=deferred` line (once per id). */
	deferred: number;
	/** Every `status=deferred` line (pflogsumm's "deferrals"). */
	deferrals: number;
	/** `status=bounced` lines. */
	bounced: number;
	/** smtpd `reject:` lines (one per recipient) and cleanup `reject|milter-reject:` lines. */
	rejected: number;
	/** smtpd and cleanup `reject_warning:` / `warning: header|body` lines. */
	rejectWarnings: number;
	/** smtpd and cleanup `hold:` lines. */
	held: number;
	/** smtpd and cleanup `discard:` lines. */
	discarded: number;
	/** `size=` of qmgr `from=<…>, size=N` lines of messages that were received (client=/pickup). */
	bytesReceived: number;
	/** `size=` of the message, added for every `status=sent` line. */
	bytesDelivered: number;
	/**
	 * Per day, keyed `YYYYMMDD` with the month counted from 0 (pflogsumm's `$revMsgDateStr`): the
	 * five traffic columns as a Perl array — only as long as its highest column touched, unless
	 * `--zero-fill` made it five.
	 */
	days: Record<string, number[]>;
	/** Times the day of month changed between consecutive Postfix lines (pflogsumm's `$dayCnt`). */
	dayCount: number;
	/** Per hour of day (24 each): the five traffic columns. */
	hours: Record<(typeof TRAFFIC_COLUMNS)[number], number[]>;
	/** Recipient domain (address after the first `@`) → delivery figures from `to=` lines. */
	recipientDomains: Record<string, DomainDelivery>;
	/** Sender domain (or client domain, or `pickup` sender) → received messages and bytes. */
	senderDomains: Record<string, CountSize>;
	/** Sender address (`from=<>` for the null sender) → received messages and bytes. */
	senders: Record<string, CountSize>;
	/** Recipient address → `status=sent` lines and the bytes of those messages. */
	recipients: Record<string, CountSize>;
	/** Queue id → recipient, for `status=sent` lines whose message had no `size=` line. */
	noSize: Record<string, string>;
	/** Daemon → reason → count, from `status=deferred (reason)`. */
	deferralDetail: Nested2;
	/** Relay → reason → count, from `status=bounced (reason)`. */
	bounceDetail: Nested2;
	/** `RCPT|MAIL|DATA|CONNECT|…` or `cleanup` → reason → client/address → count. */
	rejectDetail: Nested3;
	/** Same shape, from `reject_warning:` and cleanup `warning:` lines. */
	rejectWarningDetail: Nested3;
	/** Same shape, from `hold:` lines. */
	holdDetail: Nested3;
	/** Same shape, from `discard:` lines. */
	discardDetail: Nested3;
	/** Reason → host → count, from Postfix 2.x smtp `connect to host: reason` lines. */
	smtpFailures: Nested2;
	/** Daemon → text → count, from `daemon[pid]: warning: text`. */
	warnings: Nested2;
	/** Daemon → text → count, from `fatal:` lines. */
	fatals: Nested2;
	/** Daemon → text → count, from `panic:` lines. */
	panics: Nested2;
	/** Text → count, from `master[pid]: text` lines. */
	master: Counts;
	/** With `--smtpd-stats`: SMTPD connection figures; null otherwise. */
	smtpd: SmtpdStats | null;
	/** With `-e`: queue id → [sender, recipients…] as pflogsumm lists them; null otherwise. */
	messageDetail: Record<string, string[]> | null;
	/** Messages not removed by the end: queue id → what pflogsumm remembers of it (`carry.ts`). */
	open: Record<string, OpenMessage>;
	/** Queue id → what this log did with a message it did not see begin (`carry.ts`). */
	carried: Record<string, CarriedOp[]>;
	/** Seconds of the first Postfix line (null: none), for the horizons of `carry.ts`. */
	startSeconds: number | null;
	/** Day of month of the first Postfix line (0: none): a merge counts a day once across a cut. */
	firstDay: number;
	/** Day of month of the last Postfix line (0: none). */
	lastDay: number;
}

/** A record with no prototype, safe for any log text as key. */
export function createRecord<T>(): Record<string, T> {
	return Object.create(null) as Record<string, T>;
}

function zeros(): number[] {
	return new Array<number>(24).fill(0);
}

export function createSmtpdStats(): SmtpdStats {
	return {
		connections: 0,
		seconds: 0,
		perHour: Array.from({ length: 24 }, () => [0, 0, 0] as ConnectStats),
		perDay: createRecord(),
		perDomain: createRecord(),
		open: createRecord(),
		carried: [],
	};
}

/** The summary of no lines. */
export function emptyPostfixSummary(): PostfixSummary {
	return {
		received: 0, delivered: 0, forwarded: 0, deferred: 0, deferrals: 0, bounced: 0,
		rejected: 0, rejectWarnings: 0, held: 0, discarded: 0, bytesReceived: 0, bytesDelivered: 0,
		days: createRecord(),
		dayCount: 0,
		hours: { received: zeros(), delivered: zeros(), deferred: zeros(), bounced: zeros(), rejected: zeros() },
		recipientDomains: createRecord(), senderDomains: createRecord(),
		senders: createRecord(), recipients: createRecord(), noSize: createRecord(),
		deferralDetail: createRecord(), bounceDetail: createRecord(),
		rejectDetail: createRecord(), rejectWarningDetail: createRecord(),
		holdDetail: createRecord(), discardDetail: createRecord(),
		smtpFailures: createRecord(), warnings: createRecord(), fatals: createRecord(),
		panics: createRecord(), master: createRecord(),
		smtpd: null,
		messageDetail: null,
		open: createRecord(),
		carried: createRecord(),
		startSeconds: null,
		firstDay: 0,
		lastDay: 0,
	};
}
