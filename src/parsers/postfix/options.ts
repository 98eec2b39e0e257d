/**
 * pflogsumm 1.1.5's options, same names and meaning, plus `--now` to pin its clock, plus the
 * newer pflogsumm's (1.1.12+, read from 1.3.0) whose meaning is clear: `-d` date ranges,
 * `--dow0mon`, `--rej-add-to`, `--use-orig-to`, `--srs-mung`, `--colwidth`. Without them the
 * report is 1.1.5's byte for byte. In pflogsumm a limit of -1 means "all" and 0 means "omit".
 */
import { UsageError, type CliOptions } from '../contract.ts';
import { parseDateRange } from './day-filter.ts';
import { localClock, parseNow, type Clock } from './syslog.ts';

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

const LIMITS = ['bounceDetail', 'deferralDetail', 'smtpDetail', 'smtpdWarningDetail', 'rejectDetail'] as const;

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

const config = {
	d: { type: 'string' },
	'date-range': { type: 'string' },
	dow0mon: { type: 'boolean' },
	'rej-add-to': { type: 'boolean' },
	'use-orig-to': { type: 'boolean' },
	'srs-mung': { type: 'boolean' },
	colwidth: { type: 'string' },
	h: { type: 'string' },
	u: { type: 'string' },
	detail: { type: 'string' },
	'bounce-detail': { type: 'string' },
	'deferral-detail': { type: 'string' },
	'reject-detail': { type: 'string' },
	'smtp-detail': { type: 'string' },
	'smtpd-warning-detail': { type: 'string' },
	'problems-first': { type: 'boolean' },
	'iso-date-time': { type: 'boolean' },
	'zero-fill': { type: 'boolean' },
	'verbose-msg-detail': { type: 'boolean' },
	'ignore-case': { type: 'boolean', short: 'i' },
	'no-no-msg-size': { type: 'boolean' },
	'rej-add-from': { type: 'boolean' },
	'smtpd-stats': { type: 'boolean' },
	'syslog-name': { type: 'string' },
	'verp-mung': { type: 'boolean' },
	'verp-mung-level': { type: 'string' },
	q: { type: 'boolean' },
	'uucp-mung': { type: 'boolean', short: 'm' },
	e: { type: 'boolean' },
	now: { type: 'string' },
	// Deprecated in pflogsumm 1.1.5 but still read: each sets its detail to 0.
	'no-bounce-detail': { type: 'boolean' },
	'no-deferral-detail': { type: 'boolean' },
	'no-reject-detail': { type: 'boolean' },
	'no-smtpd-warnings': { type: 'boolean' },
} as const;

/** pflogsumm's `=i`: an optionally signed integer. */
function readInteger(name: string, value: unknown): number | undefined {
	if (value === undefined || value === null || value === false) return undefined;
	const text = String(value).trim();
	if (!/^[+-]?\d+$/.test(text)) throw new UsageError(`--${name} wants a whole number, not ${JSON.stringify(value)}`);
	return Number(text);
}

function flag(value: unknown): boolean {
	return value === true || value === 'true' || value === 1;
}

/** Reads parsed argv values (or a sample's frontmatter `options`) into {@link PostfixOptions}. */
export function readPostfixOptions(values: Record<string, unknown>): PostfixOptions {
	const options = defaultPostfixOptions();
	readDateOptions(values, options);
	const given: Partial<Record<'hosts' | 'users' | (typeof LIMITS)[number], number>> = {
		hosts: readInteger('h', values.h),
		users: readInteger('u', values.u),
		bounceDetail: readInteger('bounce-detail', values['bounce-detail']),
		deferralDetail: readInteger('deferral-detail', values['deferral-detail']),
		rejectDetail: readInteger('reject-detail', values['reject-detail']),
		smtpDetail: readInteger('smtp-detail', values['smtp-detail']),
		smtpdWarningDetail: readInteger('smtpd-warning-detail', values['smtpd-warning-detail']),
	};
	const detail = readInteger('detail', values.detail);
	for (const key of ['hosts', 'users', ...LIMITS] as const) {
		const value = given[key];
		// pflogsumm: --detail sets every limit still at -1 ("all"), even one given as -1.
		options[key] = value !== undefined && value !== -1 ? value : (detail ?? value ?? -1);
	}
	if (flag(values['no-bounce-detail'])) options.bounceDetail = 0;
	if (flag(values['no-deferral-detail'])) options.deferralDetail = 0;
	if (flag(values['no-reject-detail'])) options.rejectDetail = 0;
	if (flag(values['no-smtpd-warnings'])) {
		options.smtpdWarningDetail = 0;
		options.noSmtpdWarnings = true;
	}
	options.problemsFirst = flag(values['problems-first']);
	options.isoDateTime = flag(values['iso-date-time']);
	options.zeroFill = flag(values['zero-fill']);
	options.verboseMsgDetail = flag(values['verbose-msg-detail']);
	options.ignoreCase = flag(values['ignore-case']) || flag(values.i);
	options.noNoMsgSize = flag(values['no-no-msg-size']);
	options.rejAddFrom = flag(values['rej-add-from']);
	options.rejAddTo = flag(values['rej-add-to']);
	options.useOrigTo = flag(values['use-orig-to']);
	options.srsMung = flag(values['srs-mung']);
	options.colwidth = readInteger('colwidth', values.colwidth) ?? 80;
	options.smtpdStats = flag(values['smtpd-stats']);
	options.quiet = flag(values.q);
	options.uucpMung = flag(values['uucp-mung']) || flag(values.m);
	options.extended = flag(values.e);
	if (typeof values['syslog-name'] === 'string' && values['syslog-name'] !== '') options.syslogName = values['syslog-name'];
	const verp = values['verp-mung'];
	const level = readInteger('verp-mung', values['verp-mung-level'] ?? (typeof verp === 'boolean' ? undefined : verp));
	if (level !== undefined) options.verpMung = level;
	else if (verp === true) options.verpMung = 0;
	return options;
}

/** `--now`, then `-d`/`--date-range` (a range is checked against the clock it will be read with). */
function readDateOptions(values: Record<string, unknown>, options: PostfixOptions): void {
	if (values.now !== undefined) {
		const now = parseNow(String(values.now));
		if (!now) throw new UsageError(`--now wants "YYYY-MM-DD HH:MM:SS", not ${JSON.stringify(values.now)}`);
		options.now = now;
	}
	options.dow0mon = flag(values.dow0mon);
	const day = values.d ?? values['date-range'];
	if (day === undefined) return;
	if (day === 'today' || day === 'yesterday') {
		options.day = day;
		return;
	}
	const range = parseDateRange(String(day), options.now ?? localClock(), options.dow0mon);
	if (typeof range === 'string') throw new UsageError(`-d: ${range}`);
	options.dateRange = String(day);
}

/** Whether `--name` or `-n` (no inline value) is one of our options that takes a value. */
function takesValue(arg: string): boolean {
	const name = arg.replace(/^--?/, '') as keyof typeof config;
	return /^(-\w|--[\w-]+)$/.test(arg) && config[name]?.type === 'string';
}

/**
 * pflogsumm takes `--verp-mung` with or without a number (`--verp-mung=2`, `--verp-mung 2`), and
 * `_` for `-` in long names; node's parseArgs cannot express an optional value, so argv is
 * rewritten first: a number after `--verp-mung` becomes `--verp-mung-level=N`. A negative number
 * after an option that takes a value (`-h -1`, `--colwidth -5`; parseArgs would call it ambiguous)
 * is joined to it, as Getopt::Long reads it.
 */
export function normalizePostfixArgs(args: readonly string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < args.length; i++) {
		let arg = args[i]!;
		if (arg === '--') {
			out.push(...args.slice(i));
			break;
		}
		if (/^--\w/.test(arg)) arg = arg.replace(/^([^=]*)/, (name) => name.replaceAll('_', '-'));
		const inline = /^--verp-mung=(.*)$/.exec(arg);
		if (inline) out.push('--verp-mung', `--verp-mung-level=${inline[1]}`);
		else if (arg === '--verp-mung' && /^[+-]?\d+$/.test(args[i + 1] ?? '')) out.push(arg, `--verp-mung-level=${args[++i]}`);
		else if (takesValue(arg) && /^-\d+$/.test(args[i + 1] ?? '')) out.push(arg.startsWith('--') ? `${arg}=${args[++i]}` : `${arg}${args[++i]}`);
		else out.push(arg);
	}
	return out;
}

export const postfixCli: CliOptions<PostfixOptions> = {
	config,
	read: readPostfixOptions,
	normalizeArgs: normalizePostfixArgs,
	help: [
		'-d today|yesterday        only that day\'s lines',
		'-d|--date-range "this week"|"last week"|"this month"|"last month"|YYYY-MM[-DD]',
		'   |"YYYY-MM[-DD] [to|-] YYYY-MM[-DD]"   only those days\' lines; --dow0mon: weeks from Monday',
		'--rej-add-to  --use-orig-to  --srs-mung  --colwidth N   (pflogsumm 1.1.7+; ranges 1.1.12+)',
		'-h N, -u N, --detail N    host/domain, user and detail list lengths (0 omits)',
		'--bounce-detail N  --deferral-detail N  --reject-detail N  --smtp-detail N',
		'--smtpd-warning-detail N  --problems-first  --iso-date-time  --zero-fill',
		'--verbose-msg-detail  -i|--ignore-case  --no-no-msg-size  --rej-add-from',
		'-m|--uucp-mung  --smtpd-stats  --syslog-name NAME  --verp-mung[=2]  -q  -e',
		'--now "YYYY-MM-DD HH:MM:SS"   the clock pflogsumm would have read (year inference, -d)',
	],
};
