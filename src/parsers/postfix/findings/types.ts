/**
 * The findings collector's state: plain JSON, merged by {@link mergePostfixFindings} so that the
 * state of any split of one log, merged in order, equals the state of the whole log (evidence
 * lines of keys past a group's first {@link EVIDENCE_KEYS} excepted).
 *
 * Almost everything is a {@link Group}: a named table of key → count plus the first few evidence
 * lines. Keys are log text (addresses, list names, reasons), so records have no prototype.
 */
import type { Severity } from '../../contract.ts';

/** One log line shown as evidence. */
export interface Evidence {
	/** The input's name as the user gave it, when known. */
	file?: string;
	/** 1-based line number in that file. */
	line: number;
	/** The line as read, cut to {@link EVIDENCE_TEXT_MAX} characters. */
	text: string;
}

/** A count and the first few lines that made it. */
export interface Counter {
	count: number;
	/** The first {@link EVIDENCE_PER_KEY} lines, in input order. */
	evidence: Evidence[];
}

/** Key → counter, e.g. RBL name → rejects. */
export type Group = Record<string, Counter>;

/** A moment in the log and the line that carries it. */
export interface Moment {
	/** Seconds: classic syslog stamps as if in the year 2000 (leap), RFC 3339 stamps in their year. */
	t: number;
	ref: Evidence;
}

/** The group names the collector fills. The key of each is given beside it. */
export const GROUPS = [
	'blocklisted', // matcher id and the line's DSN: `microsoft-banned-ip dsn=5.7.606`
	'blocklisted-domain', // recipient domain
	'blocklisted-ip', // our sending IP (from the reply or the instance name), `unknown`
	'rbl', // DNSBL named by our own reject (`blocked using zen.spamhaus.org`)
	'loop', // loop kind: forwarding-loop, loops-back, too-many-hops, too-many-received, dsn
	'non-smtp', // client
	'pipelining', // client
	'pregreet', // client
	'sasl-failed', // client
	'sasl-user-ip', // `sasl_username=user\tclient IP` of a successful SASL login
	'connect-lost', // client
	'relay-denied', // client
	'dest-sent', // recipient domain
	'dest-deferred', // recipient domain
	'dest-bounced', // recipient domain
	'dest-day', // `MM-DD\trecipient domain\tsent|deferred|bounced`: `sent` only beside a failure (`dest-days.ts`)
	'deferral-reason', // reason, host names and addresses removed
	'expired', // sender
	'stale-map', // database file
	'received-hour', // `MM-DD HH`
	'reject-hour', // `MM-DD HH`
	'deferral-hour', // `MM-DD HH`
	// Messages per hour of a key: only hours with RATE_KEPT_FROM messages or more, and the first
	// and last hour of the log, whatever their count (`rates.ts`).
	'client-hour', // `MM-DD HH\tclient`
	'user-hour', // `MM-DD HH\tsasl_username=user`
	'sender-hour', // `MM-DD HH\tlocal sender` (pickup)
	// Messages of a key over the whole log: the baseline of its hours.
	'client-total', // client
	'user-total', // `sasl_username=user`
	'sender-total', // local sender (pickup)
] as const;

export type GroupName = (typeof GROUPS)[number];

/** Deferred messages, tracked by queue id until qmgr logs `removed`. */
export interface Backlog {
	/** Queue id → its first `status=deferred` line, for ids not `removed` later in this piece. */
	pending: Record<string, Evidence>;
	/**
	 * Queue ids whose message began in this piece and was not removed yet → seconds of the line
	 * that began it; only those begun within the horizon of the piece's last line (`queue-ids.ts`).
	 */
	live: Record<string, number>;
	/**
	 * Queue ids removed in this piece whose message did not begin in it → seconds of the removal;
	 * only removals within the horizon of the piece's first line.
	 */
	orphanRemoved: Record<string, number>;
}

export interface PostfixFindingsState {
	/** Lines with a syslog header and a `postfix…/daemon` program. */
	lines: number;
	groups: Record<GroupName, Group>;
	backlog: Backlog;
	/** First and last Postfix line with a time. */
	span: { first?: Moment; last?: Moment };
	/** Deliveries (`status=sent`): the first, the last and the longest gap between two. */
	deliveries: { first?: Moment; last?: Moment; gap?: { from: Moment; to: Moment } };
}

/** One finding as `--format json` carries it and the report shows it. */
export interface PostfixFinding {
	/** Stable code, `postfix/kebab-name`. */
	code: string;
	severity: Severity;
	/** What the count counts is said in `detail`. */
	count: number;
	/** One line for a person. */
	title: string;
	/** The numbers behind it: top keys, thresholds used. */
	detail: string;
	/** The busiest keys (domain, client, list…) with their counts. */
	top: { key: string; count: number }[];
	/** The first few lines, with line numbers. */
	evidence: Evidence[];
	/** Site-relative link into the relay-health guide. */
	explain?: string;
}

/** Evidence lines kept per key. */
export const EVIDENCE_PER_KEY = 3;

/**
 * Groups that keep fewer evidence lines per key: those with a key per client, sender or
 * destination (thousands on a busy relay) keep one line or none, so memory follows the number
 * of keys, not of lines.
 */
export const EVIDENCE_LIMITS: Partial<Record<GroupName, number>> = {
	'blocklisted-domain': 0,
	'blocklisted-ip': 0,
	'dest-sent': 0,
	'dest-day': 0,
	'dest-bounced': 0,
	'dest-deferred': 1,
	'deferral-reason': 1,
	'client-hour': 1,
	'user-hour': 1,
	'sender-hour': 1,
	'client-total': 0,
	'user-total': 0,
	'sender-total': 0,
	'sasl-user-ip': 1,
};
/**
 * Keys of a group that keep their first lines as evidence: the first this many (in input order).
 * A relay probed by a botnet logs a few lines from each of a hundred thousand addresses, and
 * three kept lines per address and group came to ~1 GB for a 300 MB log. The groups of messages
 * per hour are left out: `rates.ts` keeps them small.
 */
export const EVIDENCE_KEYS = 1000;
/**
 * A later key keeps lines from its this-many-th on: the flood or the brute force that starts
 * after a thousand scanners still shows its lines, and a key seen a few times keeps none.
 * Findings show the busiest keys' lines, then those of the keys after them.
 */
export const EVIDENCE_LATE_FROM = 10;

/** Evidence lines shown per finding. */
export const EVIDENCE_PER_FINDING = 5;
/** Evidence lines longer than this are cut and end in `…`. */
export const EVIDENCE_TEXT_MAX = 300;
