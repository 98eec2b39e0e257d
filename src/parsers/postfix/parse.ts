/**
 * The Postfix sink: one pass over the log, pflogsumm 1.1.5's main loop line for line, keyed by
 * queue id. The header is read by hand and the program name found by `startsWith`, so the lines
 * of other programs (dovecot, amavis…) cost a few character reads.
 */
import { UsageError, type Result, type Sink, type SinkContext } from '../contract.ts';
import { addUnparsed, emptyTally } from '../tally.ts';
import { handleCleanupCheck } from './handlers/cleanup.ts';
import { handleMaster, handleProblem } from './handlers/problems.ts';
import { handleQueueLine } from './handlers/queue.ts';
import { handleSmtpdReject } from './handlers/reject.ts';
import { handleSmtpd } from './handlers/smtpd.ts';
import { resolvePostfixOptions, type PostfixOptions } from './options.ts';
import { createProgramReader, type ProgramFields } from './program.ts';
import { createTables, DAEMON, daemonOf, lineSeconds, storeTables, type ParseState } from './state.ts';
import { createRecord, createSmtpdStats, emptyPostfixSummary, type PostfixSummary } from './summary.ts';
import { isInDayRange, parseDateRange } from './day-filter.ts';
import { createStamp, dayPrefixes, inferYear, localClock, readSyslogStamp, type SyslogStamp } from './syslog.ts';

/**
 * Longest line read as a log line (64 KiB). Syslog daemons cut messages far shorter (rsyslog: 8 KiB)
 * and Postfix bounds what a client can make it log; a longer line is damage or an attack, and
 * some of pflogsumm's patterns take quadratic time on it. Such lines are counted, not read.
 */
export const MAX_LOG_LINE = 65536;

/** Solaris syslog's `[ID 197553 mail.info]` tag, which pflogsumm removes first. */
const SOLARIS_ID = /: \[ID \d+ [^\]]+\] /;

function createState(context: SinkContext, options: PostfixOptions): ParseState {
	const summary = emptyPostfixSummary();
	if (options.smtpdStats) summary.smtpd = createSmtpdStats();
	if (options.extended) summary.messageDetail = createRecord();
	return {
		summary, options, clock: options.now ?? localClock(), unparsed: emptyTally(), file: context.file,
		stamp: createStamp(), rest: '', cmd: '', daemon: DAEMON.other, qid: '', lineNo: 0, year: 0, lastDay: 0, dayKey: '', dayRow: undefined,
		messages: new Map(), connects: new Map(), tables: createTables(), carried: new Map(), firstSeconds: Number.NaN, interned: new Map(),
	};
}

/** What a merge with the next piece of the log needs (`carry.ts`): open messages, carried ones. */
function storeCarry(state: ParseState): void {
	const { summary } = state;
	summary.lastDay = state.lastDay;
	summary.startSeconds = Number.isNaN(state.firstSeconds) ? null : state.firstSeconds;
	for (const [qid, m] of state.messages) summary.open[qid] = [m.client ?? null, m.size ?? null, m.deferred ? 1 : 0];
	for (const [qid, ops] of state.carried) summary.carried[qid] = ops;
	if (summary.smtpd) for (const [pid, seconds] of state.connects) summary.smtpd.open[pid] = seconds;
}

/** pflogsumm counts a new day whenever the day of month differs from the previous line's. */
function trackDay(state: ParseState): void {
	const { stamp } = state;
	if (stamp.day === state.lastDay) return;
	state.lastDay = stamp.day;
	if (state.summary.firstDay === 0) state.summary.firstDay = stamp.day;
	state.dayKey = `${state.year}${String(stamp.month).padStart(2, '0')}${String(stamp.day).padStart(2, '0')}`;
	state.dayRow = undefined;
	state.summary.dayCount++;
	if (state.options.zeroFill) {
		const row = (state.summary.days[state.dayKey] ??= []);
		while (row.length < 5) row.push(0);
		row[4] = 0;
	}
}

/** pflogsumm's dispatch on `$qid` and `$cmd`, in its order; whether a branch took the line. */
function dispatch(state: ParseState): boolean {
	const { daemon, qid } = state;
	if (daemon === DAEMON.cleanup && handleCleanupCheck(state)) return true;
	// Every word below starts with one of d f h p r w: a queue id rarely does, and a character
	// test is cheaper than seven string comparisons.
	const first = qid.charCodeAt(0);
	if (first === 100 || first === 102 || first === 104 || first === 112 || first === 114 || first === 119) {
		switch (qid) {
			case 'warning':
			case 'fatal':
			case 'panic':
				handleProblem(state, qid);
				return true;
			case 'reject':
			case 'reject_warning':
			case 'hold':
			case 'discard':
				handleSmtpdReject(state, qid);
				return true;
		}
	}
	if (daemon === DAEMON.master) {
		handleMaster(state);
		return true;
	}
	if (daemon === DAEMON.smtpd || daemon === DAEMON.postscreen) return handleSmtpd(state);
	return handleQueueLine(state);
}

/** The Postfix sink, which also lends the header it read to whatever reads the same line next. */
export interface PostfixSink extends Sink<PostfixSummary> {
	/** The header read from `text` if `text` was the last line and was read as written, else undefined. */
	stampOf(text: string): SyslogStamp | undefined;
}

/** A sink reading a Postfix log (several rotated files in order form one stream). */
export function createPostfixSink(context: SinkContext, partial?: Partial<PostfixOptions>): PostfixSink {
	const options = resolvePostfixOptions(partial);
	const state = createState(context, options);
	const readProgram = createProgramReader(options.syslogName);
	const program: ProgramFields = { cmd: '', qid: '' };
	const day = options.day === undefined ? undefined : dayPrefixes(options.day, state.clock);
	const pinned = options.now !== undefined;
	const parsed = options.dateRange === undefined ? undefined : parseDateRange(options.dateRange, state.clock, options.dow0mon);
	if (typeof parsed === 'string') throw new UsageError(`-d: ${parsed}`);
	const range = parsed;
	// The last line whose header `state.stamp` holds, read from the line as written.
	let stamped: string | undefined;
	const { unprocessed } = options;

	/**
	 * Reads one line: `counted` when a branch of pflogsumm's took it, `unprocessed` when none did
	 * (or it is a Postfix line that cannot be read), `elsewhere` when it is not for this report
	 * (another day with `-d`, another program's line that does not mention Postfix).
	 */
	function take(raw: string, lineNo: number): 'counted' | 'unprocessed' | 'elsewhere' {
		state.lineNo = lineNo;
		stamped = undefined;
		if (day && !raw.startsWith(`${day.classic} `) && !raw.startsWith(`${day.rfc3339}T`)) {
			addUnparsed(state.unparsed, 'postfix/other-day', lineNo, raw, state.file);
			return 'elsewhere';
		}
		if (raw.length > MAX_LOG_LINE) {
			addUnparsed(state.unparsed, 'postfix/line-too-long', lineNo, raw, state.file);
			return raw.includes('postfix') ? 'unprocessed' : 'elsewhere';
		}
		// `[ID` is what SOLARIS_ID needs and the cheapest test for it.
		const text = raw.indexOf('[ID') >= 0 ? raw.replace(SOLARIS_ID, ': ') : raw;
		const { stamp } = state;
		if (!readSyslogStamp(text, stamp)) {
			addUnparsed(state.unparsed, 'postfix/no-syslog-header', lineNo, raw, state.file);
			return raw.includes('postfix') ? 'unprocessed' : 'elsewhere';
		}
		if (text === raw) stamped = raw;
		if (range && !isInDayRange(range, stamp, state.clock)) {
			addUnparsed(state.unparsed, 'postfix/other-day', lineNo, raw, state.file);
			return 'elsewhere';
		}
		if (!readProgram(text, stamp.rest, program)) {
			addUnparsed(state.unparsed, 'postfix/other-program', lineNo, raw, state.file);
			// As pflogsumm 1.3.0: a line of another program is listed only if it mentions Postfix.
			return text.includes('postfix', stamp.rest) ? 'unprocessed' : 'elsewhere';
		}
		state.rest = text.slice(stamp.rest);
		state.cmd = program.cmd;
		state.daemon = daemonOf(program.cmd);
		state.qid = program.qid;
		state.year = pinned || stamp.year < 0 ? inferYear(stamp.month, state.clock) : stamp.year;
		if (Number.isNaN(state.firstSeconds)) state.firstSeconds = lineSeconds(state);
		trackDay(state);
		const unparsed = state.unparsed.total;
		return dispatch(state) && state.unparsed.total === unparsed ? 'counted' : 'unprocessed';
	}

	return {
		beginFile(file) {
			state.file = file;
		},
		line(raw, lineNo) {
			const outcome = take(raw, lineNo);
			if (outcome === 'unprocessed' && unprocessed !== undefined) unprocessed.line(raw, lineNo, state.file);
		},
		stampOf(text) {
			return text === stamped ? state.stamp : undefined;
		},
		end(): Result<PostfixSummary> {
			unprocessed?.flush?.();
			storeTables(state.tables, state.summary);
			state.tables = createTables();
			storeCarry(state);
			return { summary: state.summary, unparsed: state.unparsed, messages: [] };
		},
	};
}
