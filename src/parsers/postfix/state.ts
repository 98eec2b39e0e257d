/**
 * What the parser holds while it reads: the summary being filled, the per-line fields every
 * handler reads, and pflogsumm's per-queue-id memory (`%rcvdMsg`, `%msgSizes`, `%msgDfrdFlgs`),
 * which we forget when Postfix logs `QID: removed` — pflogsumm keeps it to the end.
 */
import type { Tally } from '../tally.ts';
import { CARRY_HORIZON_SECONDS, type CarriedOp } from './carry.ts';
import type { PostfixOptions } from './options.ts';
import type { Counts, Nested2, Nested3, PostfixSummary } from './summary.ts';
import { createRecord } from './summary.ts';
import { detach } from './strings.ts';
import type { Clock, SyslogStamp } from './syslog.ts';

export interface ParseState {
	summary: PostfixSummary;
	options: PostfixOptions;
	clock: Clock;
	unparsed: Tally;
	file: string;
	stamp: SyslogStamp;
	/** The current line after the host name (pflogsumm's `$logRmdr`). */
	rest: string;
	/** Program after `postfix/` up to `[` or `:` (pflogsumm's `$cmd`), e.g. `smtpd`. */
	cmd: string;
	/** `cmd` as a number for the daemons the dispatch tests (see {@link DAEMON}). */
	daemon: number;
	/** First word after the program's `: ` (pflogsumm's `$qid`): a queue id, `NOQUEUE`, `warning`… */
	qid: string;
	lineNo: number;
	/** The year pflogsumm gives the current line. */
	year: number;
	/** Day of month of the last line (pflogsumm's `$lastMsgDay`). */
	lastDay: number;
	/** Key of the current day in `summary.days` (pflogsumm's `$revMsgDateStr`). */
	dayKey: string;
	/** `summary.days[dayKey]` once looked up; cleared when the day changes. */
	dayRow: number[] | undefined;
	/**
	 * pflogsumm's three per-queue-id hashes in one Map (one lookup and one copy of the queue id
	 * per message instead of one per hash).
	 */
	messages: Map<string, QueuedMessage>;
	/**
	 * The four per-address tables, kept in Maps while reading (a Map lookup by a fresh string is
	 * cheaper than a dictionary object's) and copied into the summary's records at the end.
	 */
	tables: Tables;
	/** With `--smtpd-stats`: smtpd pid → connect time as seconds since the epoch (UTC fields). */
	connects: Map<string, number>;
	/** Queue id → operations on a message whose first line here was not its start (`carry.ts`). */
	carried: Map<string, CarriedOp[]>;
	/** Seconds of the first line read, for {@link CARRY_HORIZON_SECONDS}; NaN before it. */
	firstSeconds: number;
	/** With `-e`: one kept copy of each address its lists hold (a sender is on thousands). */
	interned: Map<string, string>;
}

/** Seconds since the epoch of the current line's wall-clock fields (year as inferred). */
export function lineSeconds(state: ParseState): number {
	const { stamp } = state;
	return Date.UTC(state.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second) / 1000;
}

/**
 * The list to note the current line's operation in, when the message is carried: its first line
 * here was not its start, and came within {@link CARRY_HORIZON_SECONDS} of the first line.
 * `known`: the parser already holds the message (begun here), so it is not carried.
 */
export function carriedOps(state: ParseState, known: boolean): CarriedOp[] | undefined {
	const ops = state.carried.get(state.qid);
	if (ops !== undefined || known) return ops;
	if (lineSeconds(state) - state.firstSeconds > CARRY_HORIZON_SECONDS) return undefined;
	const created: CarriedOp[] = [['t', lineSeconds(state)]];
	state.carried.set(detach(state.qid), created);
	return created;
}

/**
 * The daemons pflogsumm's dispatch tests by name. A captured name is a new string on every line,
 * and comparing it with a literal is a builtin call; the dispatch compares these numbers instead.
 */
export const DAEMON = { other: 0, cleanup: 1, master: 2, smtpd: 3, postscreen: 4, pickup: 5, smtp: 6, qmgr: 7, postsuper: 8 } as const;

/** {@link DAEMON}'s number for `cmd` (one string comparison, chosen by length). */
export function daemonOf(cmd: string): number {
	switch (cmd.length) {
		case 4:
			return cmd === 'smtp' ? DAEMON.smtp : cmd === 'qmgr' ? DAEMON.qmgr : DAEMON.other;
		case 5:
			return cmd === 'smtpd' ? DAEMON.smtpd : DAEMON.other;
		case 6:
			return cmd === 'master' ? DAEMON.master : cmd === 'pickup' ? DAEMON.pickup : DAEMON.other;
		case 7:
			return cmd === 'cleanup' ? DAEMON.cleanup : DAEMON.other;
		case 9:
			return cmd === 'postsuper' ? DAEMON.postsuper : DAEMON.other;
		case 10:
			return cmd === 'postscreen' ? DAEMON.postscreen : DAEMON.other;
		default:
			return DAEMON.other;
	}
}

/** What pflogsumm remembers of one queue id. */
export interface QueuedMessage {
	/**
	 * `%rcvdMsg`: client domain or `pickup` from the line that received the message ('' when
	 * gimme_domain found nothing); undefined before that line and once the sender is counted.
	 */
	client: string | undefined;
	/** `%msgSizes`: `size=` text of the first `from=<…>, size=` line. */
	size: string | undefined;
	/** `%msgDfrdFlgs`: already counted as deferred. */
	deferred: boolean;
}

/** The current queue id's entry, created empty on first use. */
export function queued(state: ParseState): QueuedMessage {
	let message = state.messages.get(state.qid);
	if (message === undefined) {
		message = { client: undefined, size: undefined, deferred: false };
		state.messages.set(detach(state.qid), message);
	}
	return message;
}

export interface Tables {
	recipientDomains: Map<string, number[]>;
	senderDomains: Map<string, number[]>;
	senders: Map<string, number[]>;
	recipients: Map<string, number[]>;
}

export function createTables(): Tables {
	return { recipientDomains: new Map(), senderDomains: new Map(), senders: new Map(), recipients: new Map() };
}

/** The row for `key`, created as `width` zeros. */
export function row(table: Map<string, number[]>, key: string, width: number): number[] {
	let found = table.get(key);
	if (found === undefined) {
		found = new Array<number>(width).fill(0);
		table.set(detach(key), found);
	}
	return found;
}

/** Copies the tables into the summary's records, in first-seen order. */
export function storeTables(tables: Tables, summary: PostfixSummary): void {
	for (const name of ['recipientDomains', 'senderDomains', 'senders', 'recipients'] as const) {
		const record = summary[name] as Record<string, number[]>;
		for (const [key, value] of tables[name]) record[key] = value;
	}
}

export function bump(counts: Counts, key: string): void {
	counts[key] = (counts[key] ?? 0) + 1;
}

export function bump2(nested: Nested2, a: string, b: string): void {
	bump((nested[a] ??= createRecord()), b);
}

export function bump3(nested: Nested3, a: string, b: string, c: string): void {
	bump2((nested[a] ??= createRecord()), b, c);
}

/** Column of `summary.days[dayKey]`, as Perl's `++${$msgsPerDay{$key}}[col]` (holes read 0). */
export function bumpDay(state: ParseState, column: number): void {
	const row = (state.dayRow ??= state.summary.days[state.dayKey] ??= []);
	while (row.length <= column) row.push(0);
	row[column]!++;
}

/** One received message (smtpd/postscreen `client=`, pickup `sender=|uid=`). */
export function countReceived(state: ParseState): void {
	const { summary, stamp } = state;
	if (stamp.hour < 24) summary.hours.received[stamp.hour]!++;
	bumpDay(state, 0);
	summary.received++;
}

/**
 * Forgets the current queue id once Postfix is done with it (qmgr's `QID: removed`, or
 * postsuper's when `postsuper -d` deleted it; a cleanup reject or discard). pflogsumm remembers every id to the end; the two differ only if an id is reused.
 */
export function forget(state: ParseState): void {
	carriedOps(state, state.messages.delete(state.qid))?.push(['x']);
}
