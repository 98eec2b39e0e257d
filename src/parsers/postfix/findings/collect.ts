/**
 * The findings collector: a line observer the Postfix sink (or anything else) feeds every raw
 * log line. It reads what it needs itself — time, program, queue id, message — and keeps a
 * mergeable {@link PostfixFindingsState}; `listPostfixFindings` turns that into findings.
 *
 * ```ts
 * const findings = createPostfixFindings();
 * for (const [i, text] of lines.entries()) findings.line(text, i + 1, 'maillog');
 * const state = findings.end();
 * ```
 */
import { observeStatus, loopKind, type CompiledOptions } from './observe-delivery.ts';
import { observeSmtpd, type Ref } from './observe-smtpd.ts';
import { resolvePostfixFindingsOptions, type PostfixFindingsOptions } from './options.ts';
import { createDestDayCounter, pruneDestDays } from './dest-days.ts';
import { backlogOf, createQueueIds, trackQueueId } from './queue-ids.ts';
import { createRateCounter, pruneRates } from './rates.ts';
import { createLineReader, secondsOf, type PostfixLine } from './read-line.ts';
import { addTo, emptyPostfixFindings, evidenceOf } from './state.ts';
import type { Evidence, PostfixFindingsState } from './types.ts';
import type { SyslogStamp } from '../syslog.ts';

export interface PostfixFindingsCollector {
	/**
	 * One raw line (no terminator), its 1-based number, the input's name when known, and its
	 * header when the caller has read it already.
	 */
	line(text: string, lineNo: number, file?: string, stamp?: SyslogStamp): void;
	/** The state so far; the collector can go on after it. */
	end(): PostfixFindingsState;
}

// warning: database /etc/postfix/transport.db is older than source file /etc/postfix/transport
const STALE_MAP = /^warning: database (\S+) is older than source file (\S+)/;

function compile(options: PostfixFindingsOptions): CompiledOptions {
	const compiled = options.matchers.map(({ id, pattern }) => ({
		id,
		pattern: new RegExp(pattern, 'i'),
	}));
	return { ...options, compiled };
}

function observeWarning(state: PostfixFindingsState, line: PostfixLine, ref: Ref): void {
	const stale = STALE_MAP.exec(line.message);
	if (stale) return addTo(state, 'stale-map', stale[2]!, ref);
	// warning: mailer loop: best MX host for example.com is local
	if (line.message.startsWith('warning: mailer loop'))
		addTo(state, 'loop', loopKind(line.message)!, ref);
}

/**
 * A collector with the given options (defaults for the rest). `observe`, when given, is handed
 * every Postfix line as read here (the extras observer), so that no line is parsed twice.
 */
export function createPostfixFindings(
	partial?: Parameters<typeof resolvePostfixFindingsOptions>[0],
	observe?: (line: PostfixLine) => void,
): PostfixFindingsCollector {
	const options = compile(resolvePostfixFindingsOptions(partial));
	const state = emptyPostfixFindings();
	const read = createLineReader();
	const ids = createQueueIds();
	const rates = createRateCounter(state, addTo);
	const destDays = createDestDayCounter(state, addTo);
	// The line being read, and its evidence once something asked for it.
	let text = '';
	let lineNo = 0;
	let file: string | undefined;
	let evidence: Evidence | undefined;
	const ref = () => (evidence ??= evidenceOf(text, lineNo, file));
	// The last Postfix line's time; the span's end is made from it in end().
	let lastText: string | undefined;
	let lastNo = 0;
	let lastFile: string | undefined;
	const lastTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
	return {
		line(raw, number, name, stamp) {
			const line = read(raw, stamp);
			if (!line) return;
			observe?.(line);
			text = raw;
			lineNo = number;
			file = name;
			evidence = undefined;
			state.lines++;
			state.span.first ??= { t: secondsOf(line), ref: ref() };
			lastTime.year = line.year;
			lastTime.month = line.month;
			lastTime.day = line.day;
			lastTime.hour = line.hour;
			lastTime.minute = line.minute;
			lastTime.second = line.second;
			lastText = raw;
			lastNo = number;
			lastFile = name;
			trackQueueId(ids, line);
			const { message, daemon } = line;
			if (message.startsWith('warning: ')) observeWarning(state, line, ref);
			if (message.includes('status=')) observeStatus(state, options, line, ref, ids, destDays);
			else if (
				daemon === 'smtpd' ||
				daemon === 'postscreen' ||
				daemon === 'pickup' ||
				daemon === 'cleanup'
			)
				observeSmtpd(state, line, ref, rates);
		},
		end() {
			state.backlog = backlogOf(ids, secondsOf(lastTime));
			if (lastText !== undefined)
				state.span.last = { t: secondsOf(lastTime), ref: evidenceOf(lastText, lastNo, lastFile) };
			pruneRates(state);
			destDays.flush();
			pruneDestDays(state);
			return state;
		},
	};
}
