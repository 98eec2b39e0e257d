/**
 * What the findings need from a raw log line: the time, the Postfix program (with any
 * `syslog_name` prefix: `postfix/submission/smtpd`, `postfix-135.97.192.135/smtp`), the queue id
 * and the message. Lines of other programs are not Postfix lines and are skipped here (the
 * summary parser counts them). The reader fills one object per call (no allocation for the
 * time fields); the hour key and the seconds are computed only for lines that need them.
 */
import { CARRY_HORIZON_SECONDS } from '../carry.ts';
import { createStamp, readSyslogStamp, type SyslogStamp } from '../syslog.ts';

export interface PostfixLine {
	/** Year written in an RFC 3339 header; 2000 (a leap year) for classic headers. */
	year: number;
	/** Month from 0. */
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	/** The last part of the program name: `smtpd`, `smtp`, `qmgr`, `postscreen`. */
	daemon: string;
	/** The program name before the daemon: `postfix`, `postfix/submission`, `postfix-out`. */
	instance: string;
	/** Queue id, `NOQUEUE`, or '' when the message has none. */
	qid: string;
	/** The text after `program[pid]: ` and after the queue id. */
	message: string;
}

/**
 * The program is read as `/(postfix[^\s/[:]*(?:\/[^\s/[:]+)*)\/([^\s/[:]+)(?:\[\d+\])?: /y` would
 * read it — `postfix/submission/smtpd[1234]: `, any program whose first part starts with
 * `postfix` — and the queue id as `/^(?:[0-9A-F]{6,}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,}|NOQUEUE): /`
 * (short ids are upper-case hex; long ids, `enable_long_queue_ids`, have no vowels). But
 * `exec`'s match arrays were a fifth of all a default run allocated, so the parts are found with
 * sticky `test`s, which allocate nothing: where each match ends is `lastIndex`, and the daemon
 * starts after the program's last `/`. `tests/postfix-findings/read-line.test.ts` holds the
 * patterns above and checks this reading against them.
 */
const PROGRAM = /postfix[^\s/[:]*(?:\/[^\s/[:]+)+/y;
const PID = /(?:\[\d+\])?: /y;
const QUEUE_ID = /(?:[0-9A-F]{6,}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,}|NOQUEUE): /y;

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The last hour asked for (lines come hour after hour): its fields and its key. */
let lastHour = { month: -1, day: -1, hour: -1, key: '' };

/** `MM-DD HH`: the hour a line belongs to (year-less, as classic syslog is). */
export function hourKey(line: PostfixLine): string {
	const { month, day, hour } = line;
	if (month !== lastHour.month || day !== lastHour.day || hour !== lastHour.hour)
		lastHour = { month, day, hour, key: `${pad(month + 1)}-${pad(day)} ${pad(hour)}` };
	return lastHour.key;
}

/** Seconds since the epoch of the line's wall-clock time (classic lines as if in 2000). */
export function secondsOf(
	line: Pick<PostfixLine, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'>,
): number {
	return Date.UTC(line.year, line.month, line.day, line.hour, line.minute, line.second) / 1000;
}

/**
 * Seconds from `from` to `to`. Classic syslog lines are read as in 2000 (a leap year), so a log
 * that crosses New Year steps back by almost a year: a step back of more than 300 days is taken
 * as one into the next year. A shorter step back (lines out of order, or pasted from elsewhere)
 * stays negative, which every horizon test reads as near.
 */
export function secondsBetween(from: number, to: number): number {
	const gap = to - from;
	return gap < -NEW_YEAR_STEP ? gap + LEAP_YEAR : gap;
}

const NEW_YEAR_STEP = 300 * 86_400;
const LEAP_YEAR = 366 * 86_400;

/** Whether `to` is more than `carry.ts`'s horizon (6 days) after `from`. */
export const pastHorizon = (from: number, to: number) =>
	secondsBetween(from, to) > CARRY_HORIZON_SECONDS;

/**
 * Reads `postfix…/…/daemon[pid]: ` at `at` into `line.instance` and `line.daemon` (the previous
 * line's strings when they are the same, which they mostly are); the index after it, or -1.
 */
function readProgram(text: string, at: number, line: PostfixLine): number {
	PROGRAM.lastIndex = at;
	if (!PROGRAM.test(text)) return -1;
	const end = PROGRAM.lastIndex;
	PID.lastIndex = end;
	if (!PID.test(text)) return -1;
	const slash = text.lastIndexOf('/', end - 1);
	if (line.instance.length !== slash - at || !text.startsWith(line.instance, at)) line.instance = text.slice(at, slash);
	if (line.daemon.length !== end - slash - 1 || !text.startsWith(line.daemon, slash + 1)) line.daemon = text.slice(slash + 1, end);
	return PID.lastIndex;
}

/** The queue id's length at `at` (its `: ` follows), or 0. */
function queueIdLength(text: string, at: number): number {
	QUEUE_ID.lastIndex = at;
	return QUEUE_ID.test(text) ? QUEUE_ID.lastIndex - at - 2 : 0;
}

/**
 * Reads one line into a reused object; undefined when it is not a Postfix line. `read`: the
 * line's header when the caller has read it already (the summary parser's, see `wire.ts`).
 */
export function createLineReader(): (text: string, read?: SyslogStamp) => PostfixLine | undefined {
	const own = createStamp();
	const line: PostfixLine = {
		year: 0,
		month: 0,
		day: 0,
		hour: 0,
		minute: 0,
		second: 0,
		daemon: '',
		instance: '',
		qid: '',
		message: '',
	};
	return (text, read) => {
		let stamp = read;
		if (stamp === undefined) {
			stamp = own;
			if (!readSyslogStamp(text, stamp)) return undefined;
		}
		const start = readProgram(text, stamp.rest, line);
		if (start < 0) return undefined;
		const id = queueIdLength(text, start);
		line.qid = id === 0 ? '' : text.slice(start, start + id);
		line.message = text.slice(id === 0 ? start : start + id + 2);
		line.year = stamp.year < 0 ? 2000 : stamp.year;
		line.month = stamp.month;
		line.day = stamp.day;
		line.hour = stamp.hour;
		line.minute = stamp.minute;
		line.second = stamp.second;
		return line;
	};
}
