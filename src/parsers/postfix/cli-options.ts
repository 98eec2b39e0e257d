/**
 * pflogsumm's command line: its option names (Getopt::Long's, with `_` for `-` and the optional
 * value of `--verp-mung`), read into {@link PostfixOptions}. Also reads a sample's frontmatter
 * `options`, which use the same names.
 */
import { UsageError, type CliOptions } from '../contract.ts';
import { parseDateRange } from './day-filter.ts';
import { defaultPostfixOptions, LIMITS, type PostfixOptions } from './options.ts';
import { localClock, parseNow } from './syslog.ts';

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
