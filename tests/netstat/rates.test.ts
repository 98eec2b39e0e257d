/**
 * Rates from the files' own timestamps: a before/after pair of real `(date; netstat -s)` captures
 * gets per-second rates without --interval; --interval overrides; one timestamp, a later
 * before, or a zone we cannot place give a message and no rates. Expected intervals and values
 * were computed with GNU date and grep (tests/fixtures/netstat/timestamps/SOURCE.md).
 */
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { compareNetstat } from '../../src/parsers/netstat/compare.ts';
import { netstat } from '../../src/parsers/netstat/index.ts';
import { fixturePath, parseFixture } from './helpers.ts';

function pair(before: string, after: string, interval?: number) {
	const load = (name: string) => ({ file: name, result: parseFixture(`timestamps/${name}`) });
	return compareNetstat(load(before), load(after), interval);
}

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	const { status: code, stdout, stderr } = await runCli(['netstat', ...argv]);
	return { code, stdout, stderr };
}

describe('a pair of timestamped captures', () => {
	test.each([
		['date', 3, 50],
		['iso', 2, 40],
		['iso-kolkata', 2, 30],
		['epoch', 3, 20],
	])('%s: %i s apart from the timestamps, Tcp:AttemptFails +%i', (name, seconds, attempts) => {
		const result = pair(`${name}.before.txt`, `${name}.after.txt`);
		const delta = result.summary.delta!;
		expect(delta.interval).toBe(seconds);
		expect(delta.intervalSource).toBe('timestamps');
		const row = delta.changed.find((r) => r.name === 'TcpAttemptFails')!;
		expect(row.change).toBe(String(attempts));
		expect(row.rate).toBeCloseTo(attempts / seconds, 9);
		expect(result.messages.filter((m) => m.code.startsWith('netstat/timestamp'))).toEqual([]);
		expect(result.messages).toContainEqual(expect.objectContaining({ severity: 'info', code: 'netstat/rates-from-timestamps' }));
	});

	test('--interval overrides the timestamps and says so when they disagree', () => {
		const result = pair('date.before.txt', 'date.after.txt', 10);
		expect(result.summary.delta).toMatchObject({ interval: 10, intervalSource: 'option' });
		expect(result.summary.delta!.changed.find((r) => r.name === 'TcpAttemptFails')!.rate).toBe(5);
		expect(result.messages).toMatchObject([{ severity: 'info', code: 'netstat/interval-overrides-timestamps' }]);
		expect(result.messages[0]!.reason).toBe("rates use --interval 10 s; the files' timestamps are 3 s apart");
	});

	test('an after capture that is not later than the before one gives a warning and no rates', () => {
		const result = pair('date.after.txt', 'date.before.txt');
		expect(result.summary.delta!.interval).toBeUndefined();
		expect(result.summary.delta!.changed.every((row) => row.rate === undefined)).toBe(true);
		expect(result.messages.map((m) => m.code)).toContain('netstat/timestamps-not-increasing');
	});

	test('only one timestamp: a warning naming the file without one, no rates', () => {
		const before = { file: 'loopback-before', result: parseFixture('loopback/before/netstat-s.txt') };
		const after = { file: 'date.after.txt', result: parseFixture('timestamps/date.after.txt') };
		const result = compareNetstat(before, after);
		expect(result.summary.delta!.interval).toBeUndefined();
		const message = result.messages.find((m) => m.code === 'netstat/timestamp-missing');
		expect(message).toMatchObject({ file: 'loopback-before', severity: 'warning' });
		expect(message!.reason).toContain('only date.after.txt starts with a usable timestamp');
	});

	test('CET timestamps are not used: no rates, a warning for each file', () => {
		const result = pair('cet.before.txt', 'cet.after.txt');
		expect(result.summary.delta!.interval).toBeUndefined();
		expect(result.messages.filter((m) => m.code === 'netstat/timestamp-zone-unknown').map((m) => m.file)).toEqual(['timestamps/cet.before.txt', 'timestamps/cet.after.txt']);
		expect(result.summary.unknown).toEqual([]);
	});

	test('the page shows a per-second column and says where the interval came from', () => {
		const view = netstat.renderView(pair('date.before.txt', 'date.after.txt'));
		const delta = view.sections.find((section) => section.id === 'delta')!;
		expect(delta.text![0]).toContain("rates per second over 3 s (from the files' timestamps)");
		expect(delta.table!.columns.map((c) => c.key)).toContain('rate');
		expect(delta.table!.rows.find((r) => r.counter === 'Tcp:AttemptFails')!.rate).toBe(16.67);
	});
});

describe('fieldnotes netstat BEFORE AFTER with timestamps (CLI)', () => {
	test('prints rates from the timestamps', async () => {
		const { code, stdout, stderr } = await run(fixturePath('timestamps/date.before.txt'), fixturePath('timestamps/date.after.txt'));
		expect(code).toBe(0);
		expect(stdout).toMatch(/Tcp:AttemptFails +\+50 \(16\.7\/s\) {2}379 -> 429/);
		expect(stderr).toContain('info netstat/rates-from-timestamps rates per second use the files\' timestamps, 3 s apart ("Thu Nov 26 12:15:04 UTC 2026" → "Thu Nov 26 12:15:07 UTC 2026")');
		expect(stderr).not.toContain('unknown');
	});

	test('--interval wins over the timestamps', async () => {
		const { stdout, stderr } = await run('--interval', '10', fixturePath('timestamps/iso.before.txt'), fixturePath('timestamps/iso.after.txt'));
		expect(stdout).toMatch(/Tcp:AttemptFails +\+40 \(4\.0\/s\)/);
		expect(stderr).toContain('info netstat/interval-overrides-timestamps');
	});

	test('--before with timestamps gives the same JSON as two files', async () => {
		const [before, after] = [fixturePath('timestamps/epoch.before.txt'), fixturePath('timestamps/epoch.after.txt')];
		const two = JSON.parse((await run('--format', 'json', before, after)).stdout);
		const flag = JSON.parse((await run('--format', 'json', '--before', before, after)).stdout);
		expect(two).toEqual(flag);
		expect(two.delta.interval).toBe(3);
	});

	test('CET timestamps: a warning on stderr with file and line, no rates', async () => {
		const { code, stdout, stderr } = await run(fixturePath('timestamps/cet.before.txt'), fixturePath('timestamps/cet.after.txt'));
		expect(code).toBe(0);
		expect(stdout).not.toMatch(/\/s\)/);
		expect(stderr).toMatch(/cet\.before\.txt:1: warning netstat\/timestamp-zone-unknown/);
	});
});
