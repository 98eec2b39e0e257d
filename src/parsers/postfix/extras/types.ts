/**
 * The state of the sections pflogsumm lacks: postscreen, SASL, TLS, delivery delays, reject
 * classes and syslog_name instances. Plain JSON (records without prototype: keys are log text),
 * merged by `mergePostfixExtras`: the state of any split of a log, merged in order, equals the
 * state of the whole log, and two relays' states merge into a fleet's.
 *
 * Memory: nothing is kept per message. Tables keyed by client IP (postscreen, SASL failures) grow
 * with the distinct clients, per-user tables with the SASL logins, delay tables with the
 * destinations times the distinct printed delay values (see `delays.ts` for that bound).
 *
 * Personal data stays in forms `src/lib/redact.ts` rewrites: client IPs as bare addresses,
 * relays as `name[address]:port`, logins as `sasl_username=login`.
 */

/** Printed delay value (`0.07`, `1.5`, `312`) → how many deliveries logged it. */
export type Histogram = Record<string, number>;

/** Histograms of one set of `status=sent` lines: `delay=` and each part of `delays=a/b/c/d`. */
export interface DelayHistograms {
	/** `delay=`: from message arrival to the end of the delivery attempt. */
	total: Histogram;
	/** `a`: from arrival to the last entry into the active queue. */
	a: Histogram;
	/** `b`: from the last active queue entry to the start of connection setup. */
	b: Histogram;
	/** `c`: connection setup (DNS, TCP, EHLO, STARTTLS; or the cached connection's probe). */
	c: Histogram;
	/** `d`: message transmission (with SMTP, from MAIL FROM on). */
	d: Histogram;
}

/** The delay stages in report order. */
export const DELAY_STAGES = ['total', 'a', 'b', 'c', 'd'] as const;
export type DelayStage = (typeof DELAY_STAGES)[number];

/** Counts per syslog_name (`postfix`, `postfix/submission`, `postfix-out`). */
export interface InstanceCounts {
	/** Every line of the instance (any daemon). */
	lines: number;
	/** smtpd/qmqpd `QUEUEID: client=…` and pickup `QUEUEID: uid=… from=<…>` (as pflogsumm counts). */
	received: number;
	/** `status=sent` (one per recipient). */
	delivered: number;
	/** `status=deferred` (one per recipient and attempt). */
	deferred: number;
	/** `status=bounced`. */
	bounced: number;
	/** `status=expired` (qmgr, Postfix 3.x). */
	expired: number;
	/** `reject: ` and `milter-reject: ` lines of any daemon. */
	rejected: number;
}

export interface PostfixExtras {
	/** Postfix lines seen (a syslog header and a `postfix…/daemon` program). */
	lines: number;
	postscreen: {
		/**
		 * Event → lines: `CONNECT`, `PASS NEW`, `PASS OLD`, `DNSBL`, `PREGREET`, `HANGUP`,
		 * `COMMAND PIPELINING`, `COMMAND TIME LIMIT`, `BARE NEWLINE`, `NON-SMTP COMMAND`,
		 * `ALLOWLISTED`/`WHITELISTED`, `DENYLISTED`/`BLACKLISTED`, `… VETO`, `DISCONNECT`,
		 * `reject` (postscreen's `NOQUEUE: reject:`), … — Postfix's words, old and new spellings apart.
		 */
		events: Record<string, number>;
		/** Client IP → event → lines (one table per client: grows with the clients). */
		clients: Record<string, Record<string, number>>;
		/** `DNSBL rank N for [IP]:port` → rank N → lines. */
		ranks: Record<string, number>;
		/** dnsblog `addr IP listed by domain LIST as …` → LIST (lower case) → lines. */
		lists: Record<string, number>;
	};
	sasl: {
		/** Mechanism (upper case) → logins: smtpd `client=…, sasl_method=M, sasl_username=…`. */
		success: Record<string, number>;
		/** Mechanism (upper case) → `warning: host[IP]: SASL M authentication failed: …`. */
		failure: Record<string, number>;
		/** `sasl_username=login` → successful logins (the key is as redaction expects it). */
		users: Record<string, number>;
		/**
		 * `sasl_username=login` → failures that name it (Postfix 3.9 appends `, sasl_username=…` to
		 * the warning; `(unavailable)` is not counted).
		 */
		failedUsers: Record<string, number>;
		/** Client IP → failures. */
		failedClients: Record<string, number>;
	};
	/**
	 * `in|out\tTRUST\tPROTOCOL\tCIPHER` → connections, from smtpd's `… TLS connection established
	 * from …` (in) and smtp's `… established to …` (out), `reused` sessions too. TRUST is the first
	 * word `tls_log_summary()` writes (Anonymous, Untrusted, Trusted, Verified), or `-` when the
	 * line has none (older Postfix).
	 */
	tls: Record<string, number>;
	delays: {
		/** Every `status=sent` line with `delays=`. */
		all: DelayHistograms;
		/** Recipient domain (lower case) → histograms. */
		domains: Record<string, DelayHistograms>;
		/** The `relay=` value as logged: `mx.example.com[192.0.2.1]:25`, `local`, `dovecot`. */
		relays: Record<string, DelayHistograms>;
	};
	/**
	 * `CLASS\tDETAIL\tCODE\tDSN` → rejects. CLASS names the restriction (`dnsbl`,
	 * `relay-access-denied`, `unknown-recipient`, …: see `reject-classes.ts`), DETAIL is a bounded
	 * refinement (the DNSBL, the lookup table) or '', CODE the SMTP reply code or '', DSN the
	 * enhanced status code or ''.
	 */
	rejects: Record<string, number>;
	/** syslog_name → counts. */
	instances: Record<string, InstanceCounts>;
}
