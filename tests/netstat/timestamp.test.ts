/**
 * Timestamps from a `date` line at the top of a capture: every form GNU date printed on this
 * machine (tests/fixtures/netstat/timestamps/date-forms.tsv, expected epochs from `date -d @N`),
 * and lines that are not timestamps.
 */
import { describe, expect, test } from 'vitest';
import { readTimestamp } from '../../src/parsers/netstat/timestamp.ts';
import { parseNetstat, readFixture } from './helpers.ts';

const forms = readFixture('timestamps/date-forms.tsv')
	.split('\n')
	.filter((line) => line !== '' && !line.startsWith('#'))
	.map((line) => line.split('\t') as [string, string, string]);

describe('readTimestamp on real date output', () => {
	test.each(forms.filter(([expected]) => expected !== 'unplaced'))('epoch %s from `%s`: %s', (expected, _command, output) => {
		const reading = readTimestamp(output);
		expect(reading).toBeDefined();
		expect('epoch' in reading! && reading.epoch).toBeCloseTo(Number(expected), 6);
	});

	test.each(forms.filter(([expected]) => expected === 'unplaced'))('%s: `%s` (%s) names no offset we can know', (_expected, _command, output) => {
		expect(readTimestamp(output)).toHaveProperty('unplaced');
	});

	test('covers UTC, numeric zones, ISO 8601, RFC 3339, RFC 5322 and epoch forms', () => {
		expect(forms.length).toBeGreaterThanOrEqual(20);
	});
});

describe('readTimestamp on lines that are not timestamps', () => {
	test.each([
		['Ip:'],
		['    25030820 total packets received'],
		['#kernel'],
		['12345'],
		['Thu Nov 31 12:13:09 UTC 2026'],
		['Fri Nov 26 12:13:09 UTC 2026'],
		['Do 26. Nov 13:13:11 CET 2026'],
		['2026-13-26T12:13:09+00:00'],
		['Thu Nov 26 25:13:09 UTC 2026'],
	])('%j', (line) => expect(readTimestamp(line)).toBeUndefined());
});

describe('a capture whose first line is a timestamp', () => {
	test('keeps the timestamp and reports no unknown line', () => {
		const result = parseNetstat(readFixture('timestamps/date.before.txt'), 'date.before.txt');
		expect(result.summary.capturedAt).toEqual({ epoch: 1795695304, text: 'Thu Nov 26 12:15:04 UTC 2026', line: 1, file: 'date.before.txt' });
		expect(result.summary.unknown).toEqual([]);
		expect(result.summary.counters.TcpAttemptFails?.value).toBe('379');
	});

	test.each([
		['timestamps/rfc3339.proc.txt', 'proc-pairs'],
		['timestamps/rfc5322.txt', 'netstat-s'],
		['timestamps/epoch.before.txt', 'nstat'],
	])('%s: timestamp read, rest parsed as %s', (file, kind) => {
		const result = parseNetstat(readFixture(file), file);
		expect(result.summary.capturedAt?.line).toBe(1);
		expect(result.summary.kinds).toEqual([kind]);
		expect(result.summary.unknown).toEqual([]);
	});

	test('a zone name like CET gives no timestamp and a warning, not an unknown line', () => {
		const result = parseNetstat(readFixture('timestamps/cet.before.txt'), 'cet.before.txt');
		expect(result.summary.capturedAt).toBeUndefined();
		expect(result.summary.unknown).toEqual([]);
		expect(result.messages).toMatchObject([{ line: 1, severity: 'warning', code: 'netstat/timestamp-zone-unknown' }]);
		expect(result.messages[0]!.reason).toContain('CET');
	});

	test('a date line anywhere but first is not a timestamp', () => {
		const result = parseNetstat('Ip:\n    5 total packets received\nThu Nov 26 12:15:04 UTC 2026\n');
		expect(result.summary.capturedAt).toBeUndefined();
		expect(result.summary.unknown.map((entry) => entry.line)).toEqual([3]);
	});
});
