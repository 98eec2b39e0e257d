import { describe, expect, test } from 'vitest';
import { createStamp, dayPrefixes, inferYear, parseNow, readSyslogStamp } from '../../src/parsers/postfix/syslog.ts';

const host = ' mail postfix/smtpd[1]: x';

describe('syslog headers', () => {
	test.each([
		['Jan 27 06:36:56', { month: 0, day: 27, hour: 6, minute: 36, second: 56, year: -1 }],
		['Feb  1 00:00:00', { month: 1, day: 1, hour: 0, minute: 0, second: 0, year: -1 }],
		['Jul 6 23:59:59', { month: 6, day: 6, hour: 23, minute: 59, second: 59, year: -1 }],
		['2021-01-27T06:36:56.123456+01:00', { month: 0, day: 27, hour: 6, minute: 36, second: 56, year: 2021 }],
		['2020-12-31T23:59:59Z', { month: 11, day: 31, hour: 23, minute: 59, second: 59, year: 2020 }],
		['2021-03-08T07:21:23-05:30', { month: 2, day: 8, hour: 7, minute: 21, second: 23, year: 2021 }],
	])('reads %s as wall-clock fields', (stamp, fields) => {
		const out = createStamp();
		expect(readSyslogStamp(stamp + host, out)).toBe(true);
		expect(out).toMatchObject(fields);
		expect((stamp + host).slice(out.rest)).toBe('postfix/smtpd[1]: x');
	});

	test.each([
		['a header without host and text', 'Jan 27 06:36:56 mail'],
		['a three-digit day', 'Jan 127 06:36:56 mail x'],
		['a tab after the time', 'Jan 27 06:36:56\tmail x'],
		['an RFC 3339 stamp without zone', '2021-01-27T06:36:56 mail x'],
		['a bare date', '2021-01-27 mail x'],
		['an empty line', ''],
	])('rejects %s', (_name, line) => {
		expect(readSyslogStamp(line, createStamp())).toBe(false);
	});

	test('treats an unknown month name as January, as pflogsumm does', () => {
		const out = createStamp();
		expect(readSyslogStamp('Foo 27 06:36:56 mail x', out)).toBe(true);
		expect(out.month).toBe(0);
	});
});

describe('year inference', () => {
	const january = parseNow('2021-01-02 08:00:00')!;
	test.each([
		[11, january, 2020, 'December read on 2 January belongs to last year'],
		[0, january, 2021, 'January read in January is this year'],
		[6, parseNow('2026-11-26 09:00:00')!, 2026, 'an earlier month is this year'],
		[11, parseNow('2026-11-26 09:00:00')!, 2025, 'a later month is last year'],
	])('month %i with now %o is %i: %s', (month, now, year) => {
		expect(inferYear(month, now)).toBe(year);
	});

	test('rejects a malformed --now', () => {
		expect(parseNow('2021-13-01 00:00:00')).toBeUndefined();
		expect(parseNow('yesterday')).toBeUndefined();
	});
});

describe('-d today|yesterday', () => {
	test.each([
		['today', '2021-02-01 12:00:00', 'Feb  1', '2021-02-01'],
		['yesterday', '2021-02-01 12:00:00', 'Jan 31', '2021-01-31'],
		['yesterday', '2021-01-01 00:30:00', 'Dec 31', '2020-12-31'],
		['today', '2021-07-16 23:59:59', 'Jul 16', '2021-07-16'],
	] as const)('%s at %s is %s', (which, now, classic, rfc3339) => {
		expect(dayPrefixes(which, parseNow(now)!)).toEqual({ classic, rfc3339 });
	});
});
