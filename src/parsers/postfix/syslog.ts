/**
 * Syslog headers, read the way pflogsumm 1.1.5 reads them, without a regular expression per line.
 *
 * Classic:  `Jan 27 06:36:56 mail postfix/smtpd[1234]: …`  (pflogsumm: `^(...) {1,2}(\d{1,2})
 * (\d{2}):(\d{2}):(\d{2}) \S+ (.+)$`) — the year is not in the line.
 * RFC 3339: `2021-01-27T06:36:56.123456+01:00 mail postfix/smtpd[1234]: …` (rsyslog
 * high-precision, Postfix's own `maillog_file`); fractions and the offset are read and ignored,
 * the wall-clock fields are used as written.
 */

/** Month abbreviations as syslog writes them; index = month number from 0. */
export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The fields of one header; reused from line to line (the parser allocates nothing per line). */
export interface SyslogStamp {
	/** Month from 0 (RFC 3339 month minus one, as pflogsumm computes it). */
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	/** The year written in an RFC 3339 header; -1 for classic headers. */
	year: number;
	/** Index of the text after the host name (pflogsumm's `$logRmdr`). */
	rest: number;
}

/** Perl's `\s` on byte strings: space, \t, \n, \v, \f, \r. */
export function isSpace(code: number): boolean {
	return code === 32 || (code >= 9 && code <= 13);
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

function twoDigits(text: string, at: number): number {
	const a = text.charCodeAt(at) - 48;
	const b = text.charCodeAt(at + 1) - 48;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Month number from 0 for `Jan`…`Dec`, else -1 (a hash lookup in pflogsumm). */
export function monthNumber(text: string, at: number): number {
	const c0 = text.charCodeAt(at);
	const key = (c0 << 16) | (text.charCodeAt(at + 1) << 8) | text.charCodeAt(at + 2);
	switch (key) {
		case 0x4a616e: return 0; // Jan
		case 0x466562: return 1;
		case 0x4d6172: return 2;
		case 0x417072: return 3;
		case 0x4d6179: return 4;
		case 0x4a756e: return 5;
		case 0x4a756c: return 6;
		case 0x417567: return 7;
		case 0x536570: return 8;
		case 0x4f6374: return 9;
		case 0x4e6f76: return 10;
		case 0x446563: return 11;
		default: return -1;
	}
}

/** `HH:MM:SS`, a space, a host (`\S+`), a space and at least one more character. */
function readClock(text: string, at: number, out: SyslogStamp): number {
	const hour = twoDigits(text, at);
	const minute = twoDigits(text, at + 3);
	const second = twoDigits(text, at + 6);
	if (hour < 0 || minute < 0 || second < 0) return -1;
	if (text.charCodeAt(at + 2) !== 58 || text.charCodeAt(at + 5) !== 58) return -1;
	out.hour = hour;
	out.minute = minute;
	out.second = second;
	return at + 8;
}

/** After the clock: ` host rest` with a non-empty host and a non-empty rest. */
function readHost(text: string, at: number): number {
	if (text.charCodeAt(at) !== 32) return -1;
	let i = at + 1;
	const start = i;
	while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
	if (i === start || text.charCodeAt(i) !== 32 || i + 1 >= text.length) return -1;
	return i + 1;
}

function readClassic(text: string, out: SyslogStamp): boolean {
	if (text.length < 4 || text.charCodeAt(3) !== 32) return false;
	let i = text.charCodeAt(4) === 32 ? 5 : 4;
	if (!isDigit(text.charCodeAt(i))) return false;
	let day = text.charCodeAt(i++) - 48;
	if (isDigit(text.charCodeAt(i))) day = day * 10 + text.charCodeAt(i++) - 48;
	if (text.charCodeAt(i) !== 32) return false;
	const end = readClock(text, i + 1, out);
	if (end < 0) return false;
	const rest = readHost(text, end);
	if (rest < 0) return false;
	// An unknown month name is undef in pflogsumm, which then counts as January (0).
	out.month = Math.max(0, monthNumber(text, 0));
	out.day = day;
	out.year = -1;
	out.rest = rest;
	return true;
}

function readRfc3339(text: string, out: SyslogStamp): boolean {
	const y1 = twoDigits(text, 0);
	const y2 = twoDigits(text, 2);
	const month = twoDigits(text, 5);
	const day = twoDigits(text, 8);
	if (y1 < 0 || y2 < 0 || month < 0 || day < 0) return false;
	if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return false;
	let i = readClock(text, 11, out);
	if (i < 0) return false;
	if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
		i++;
		while (isDigit(text.charCodeAt(i))) i++;
	}
	const zone = text.charCodeAt(i);
	if (zone === 90) i++;
	else if (zone === 43 || zone === 45) {
		if (twoDigits(text, i + 1) < 0 || text.charCodeAt(i + 3) !== 58 || twoDigits(text, i + 4) < 0) return false;
		i += 6;
	} else return false;
	const rest = readHost(text, i);
	if (rest < 0) return false;
	out.year = y1 * 100 + y2;
	out.month = month - 1;
	out.day = day;
	out.rest = rest;
	return true;
}

/** Reads a classic or RFC 3339 header into `out`; false when the line has neither. */
export function readSyslogStamp(text: string, out: SyslogStamp): boolean {
	return readClassic(text, out) || readRfc3339(text, out);
}

/** A blank stamp to reuse. */
export function createStamp(): SyslogStamp {
	return { month: 0, day: 0, hour: 0, minute: 0, second: 0, year: -1, rest: 0 };
}

/** The clock pflogsumm reads once at start: local wall-clock fields. */
export interface Clock {
	year: number;
	/** From 0. */
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/** Parses `--now "YYYY-MM-DD HH:MM:SS"`; undefined when malformed. */
export function parseNow(text: string): Clock | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
	return { year, month: month - 1, day, hour, minute, second };
}

/** The machine's local clock, as pflogsumm's `localtime(time())` sees it. */
export function localClock(date = new Date()): Clock {
	return {
		year: date.getFullYear(),
		month: date.getMonth(),
		day: date.getDate(),
		hour: date.getHours(),
		minute: date.getMinutes(),
		second: date.getSeconds(),
	};
}

/**
 * pflogsumm's year rule: a month later than the current month belongs to last year, which also
 * carries a December log across New Year when read in January. (pflogsumm applies it to RFC 3339
 * lines too, ignoring their year; see `PostfixOptions.now`.)
 */
export function inferYear(month: number, clock: Clock): number {
	return month > clock.month ? clock.year - 1 : clock.year;
}

/**
 * pflogsumm's `-d today|yesterday`: the classic prefix (`Feb  1`) and the RFC 3339 prefix
 * (`2021-02-01`). "yesterday" is now minus (hour + 2) hours, as pflogsumm computes it.
 */
export function dayPrefixes(which: 'today' | 'yesterday', clock: Clock): { classic: string; rfc3339: string } {
	const date = new Date(Date.UTC(clock.year, clock.month, clock.day, clock.hour, clock.minute, clock.second));
	if (which === 'yesterday') date.setTime(date.getTime() - (clock.hour + 2) * 3600_000);
	const day = date.getUTCDate();
	const month = date.getUTCMonth();
	return {
		classic: `${MONTH_NAMES[month]} ${String(day).padStart(2, ' ')}`,
		rfc3339: `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
	};
}
