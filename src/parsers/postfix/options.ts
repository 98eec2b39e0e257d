/**
 * pflogsumm 1.1.5's options, same names and meaning, plus `--now` to pin its clock, plus the
 * newer pflogsumm's (1.1.12+, read from 1.3.0) whose meaning is clear: `-d` date ranges,
 * `--dow0mon`, `--rej-add-to`, `--use-orig-to`, `--srs-mung`, `--colwidth`, `--unprocd-file`.
 * Without them the report is 1.1.5's byte for byte. In pflogsumm a limit of -1 means "all" and 0
 * means "omit". The command line that sets them: `cli-options.ts`.
 */
import type { Clock } from './syslog.ts';

export interface PostfixOptions {
	/** `-d today|yesterday`: only lines of that day (by the clock, see `now`). */
	day?: 'today' | 'yesterday';
	/**
	 * pflogsumm 1.1.12+ `-d|--date-range` other than today|yesterday, as given: `this week`,
	 * `last week`, `this month`, `last month` (or with `_`), `YYYY-MM[-DD]`, or two of those
	 * separated by a space, ` - ` or ` to `. Only lines of those calendar days are read.
	 */
	dateRange?: string;
	/** pflogsumm 1.1.12+ `--dow0mon`: weeks of `-d this|last week` start on Monday, not Sunday. */
	dow0mon: boolean;
	/** pflogsumm 1.1.7+ `--rej-add-to`: reject detail rows name the recipient (see handlers/reject.ts). */
	rejAddTo: boolean;
	/** pflogsumm 1.1.7+ `--use-orig-to`: a delivery's `orig_to=` address counts instead of its `to=`. */
	useOrigTo: boolean;
	/** pflogsumm 1.1.8+ `--srs-mung`: `SRS0=hash=tt=domain=user@forwarder` senders read as `user@domain`. */
	srsMung: boolean;
	/**
	 * pflogsumm 1.1.7+ `--colwidth N`: string_trimmer's limits (64, 66) grow by N − 80 when N > 80
	 * or shrink when 0 < N < 80; 0 means no trimming. Default 80 (1.1.5's limits).
	 */
	colwidth: number;
	/** `-h N`: host/domain summaries' length; -1 all, 0 none. */
	hosts: number;
	/** `-u N`: sender/recipient lists' length; -1 all, 0 none. */
	users: number;
	/** `--bounce-detail N`. */
	bounceDetail: number;
	/** `--deferral-detail N`. */
	deferralDetail: number;
	/** `--reject-detail N` (also hold, discard and reject-warning detail). */
	rejectDetail: number;
	/** `--smtp-detail N`. */
	smtpDetail: number;
	/** `--smtpd-warning-detail N` (the whole "Warnings" section). */
	smtpdWarningDetail: number;
	problemsFirst: boolean;
	isoDateTime: boolean;
	zeroFill: boolean;
	verboseMsgDetail: boolean;
	ignoreCase: boolean;
	noNoMsgSize: boolean;
	rejAddFrom: boolean;
	smtpdStats: boolean;
	/** `--syslog-name`: a second program-name prefix besides `postfix` (a regex in pflogsumm). */
	syslogName: string;
	/** `--verp-mung[=N]`: null when absent; 0 or 1 the mild form, 2 and more the aggressive one. */
	verpMung: number | null;
	/** `-q`: omit sections that would say "none". */
	quiet: boolean;
	/** `-e`: per-message detail. */
	extended: boolean;
	/** `-m|--uucp-mung`: `a!b!user@host` addresses rewritten as pflogsumm does. */
	uucpMung: boolean;
	/** Deprecated `--no-smtpd-warnings`: smtpd's warnings are not counted at all. */
	noSmtpdWarnings: boolean;
	/**
	 * `--now "YYYY-MM-DD HH:MM:SS"`: the moment pflogsumm would have started. When set, years are
	 * inferred exactly as pflogsumm does (month after now's month → last year), for RFC 3339 lines
	 * too. When absent, the machine's clock is used and RFC 3339 lines keep their own year.
	 */
	now?: Clock;
	/**
	 * pflogsumm 1.1.12+ `--unprocd-file`: receives every line no branch of pflogsumm's took (see
	 * `parse.ts`), in log order; `flush` is called when the sink ends.
	 */
	unprocessed?: UnprocessedLines;
}

/** Where the lines that count nowhere in the report go (`--unprocd-file`). */
export interface UnprocessedLines {
	line(text: string, lineNo: number, file: string): void;
	flush?(): void;
}

export const LIMITS = ['bounceDetail', 'deferralDetail', 'smtpDetail', 'smtpdWarningDetail', 'rejectDetail'] as const;

/** pflogsumm's defaults: everything, nothing optional. */
export function defaultPostfixOptions(): PostfixOptions {
	return {
		hosts: -1, users: -1, bounceDetail: -1, deferralDetail: -1, rejectDetail: -1, smtpDetail: -1,
		smtpdWarningDetail: -1, problemsFirst: false, isoDateTime: false, zeroFill: false,
		verboseMsgDetail: false, ignoreCase: false, noNoMsgSize: false, rejAddFrom: false,
		smtpdStats: false, syslogName: 'postfix', verpMung: null, quiet: false, extended: false, uucpMung: false, noSmtpdWarnings: false,
		dow0mon: false, rejAddTo: false, useOrigTo: false, srsMung: false, colwidth: 80,
	};
}

/** Fills unset options with defaults (the loader and tests may pass a partial object). */
export function resolvePostfixOptions(options?: Partial<PostfixOptions>): PostfixOptions {
	return { ...defaultPostfixOptions(), ...(options ?? {}) };
}
