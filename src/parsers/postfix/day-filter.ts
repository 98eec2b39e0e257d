/**
 * Which days a report covers: pflogsumm's `-d today|yesterday` and the newer pflogsumm's `-d`
 * ranges (1.1.12+, checked against 1.3.0), and one predicate over raw lines for everything else
 * that reads the log beside pflogsumm's parser (the findings and the extras), so that a
 * `-d yesterday` report never shows findings from other days.
 */
import { createStamp, dayPrefixes, inferYear, readSyslogStamp, type Clock, type SyslogStamp } from './syslog.ts';

/** A `-d` range of pflogsumm 1.1.12+: first and last calendar day, as day numbers (see dayNumber). */
export interface DayRange {
	from: number;
	to: number;
}

/** Days since 1970-01-01 of a valid calendar date (month from 0); NaN when the date is invalid. */
export function dayNumber(year: number, month: number, day: number): number {
	const time = Date.UTC(year, month, day);
	const date = new Date(time);
	if (year < 0 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return Number.NaN;
	return time / 86_400_000;
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** `YYYY-MM[-DD]` as [first day, last day] (a month alone is the whole month). */
function readIsoDays(text: string): [number, number] {
	const [year, month, day] = text.split('-').map(Number) as [number, number, number | undefined];
	if (day !== undefined) return [dayNumber(year, month - 1, day), dayNumber(year, month - 1, day)];
	return [dayNumber(year, month - 1, 1), dayNumber(year, month - 1, daysInMonth(year, month - 1))];
}

/** `this|last week|month` from the clock's date; weeks start on Sunday, or Monday with `--dow0mon`. */
function readRelativeRange(text: string, today: number, clock: Clock, dow0mon: boolean): DayRange | undefined {
	if (text === 'this week' || text === 'last week') {
		const dow = (today + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday as in localtime
		const sinceStart = dow0mon ? (dow + 6) % 7 : dow;
		const from = today - sinceStart - (text === 'last week' ? 7 : 0);
		return { from, to: from + 6 };
	}
	if (text === 'this month' || text === 'last month') {
		const back = text === 'last month' ? 1 : 0;
		const year = clock.month - back < 0 ? clock.year - 1 : clock.year;
		const month = (clock.month - back + 12) % 12;
		return { from: dayNumber(year, month, 1), to: dayNumber(year, month, daysInMonth(year, month)) };
	}
	return undefined;
}

const ISO_DAY = /^(\d{4}-\d{2}(?:-\d{2})?)$/;
const ISO_RANGE = /^(\d{4}-\d{2}(?:-\d{2})?)\s+(?:(?:to|-)\s+)?(\d{4}-\d{2}(?:-\d{2})?)$/;

/**
 * pflogsumm 1.3.0's `get_dates` for the forms other than today|yesterday: `_` reads as a space;
 * an invalid text, date or a range ending before it starts gives the reason as a string.
 */
export function parseDateRange(raw: string, clock: Clock, dow0mon: boolean): DayRange | string {
	const text = raw.replaceAll('_', ' ');
	const today = dayNumber(clock.year, clock.month, clock.day);
	let range = readRelativeRange(text, today, clock, dow0mon);
	if (!range) {
		const single = ISO_DAY.exec(text);
		const pair = single ? null : ISO_RANGE.exec(text);
		if (!single && !pair) return `invalid date range format: ${JSON.stringify(raw)}`;
		const first = readIsoDays((single ?? pair)![1]!);
		const last = pair ? readIsoDays(pair[2]!) : first;
		range = { from: first[0], to: last[1] };
	}
	if (Number.isNaN(range.from) || Number.isNaN(range.to)) return `no such date in ${JSON.stringify(raw)}`;
	if (range.to < range.from) return `end date precedes start date: ${JSON.stringify(raw)}`;
	return range;
}

/**
 * Whether a line's day lies in a `-d` range, as pflogsumm 1.3.0 decides: an RFC 3339 line by its
 * own year, a classic line by the year rule of {@link inferYear}; an impossible date is outside.
 */
export function isInDayRange(range: DayRange, stamp: SyslogStamp, clock: Clock): boolean {
	const year = stamp.year >= 0 ? stamp.year : inferYear(stamp.month, clock);
	const day = dayNumber(year, stamp.month, stamp.day);
	return day >= range.from && day <= range.to;
}

/** What decides the days: `-d` (today, yesterday or a range) and `--dow0mon`. */
export interface DayOptions {
	day?: 'today' | 'yesterday';
	dateRange?: string;
	dow0mon?: boolean;
}

/**
 * A predicate that is false for a line of a day outside `-d`, the same days the parser keeps;
 * undefined when every day is kept. A line without a syslog header passes (nothing reads it).
 */
export function createDayFilter(options: DayOptions, clock: Clock): ((raw: string) => boolean) | undefined {
	if (options.day !== undefined) {
		const { classic, rfc3339 } = dayPrefixes(options.day, clock);
		return (raw) => raw.startsWith(`${classic} `) || raw.startsWith(`${rfc3339}T`);
	}
	if (options.dateRange === undefined) return undefined;
	const range = parseDateRange(options.dateRange, clock, options.dow0mon ?? false);
	if (typeof range === 'string') return undefined;
	const stamp = createStamp();
	return (raw) => !readSyslogStamp(raw, stamp) || isInDayRange(range, stamp, clock);
}
