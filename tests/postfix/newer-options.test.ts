/**
 * The newer pflogsumm's options (1.1.7–1.1.12+, reference: pflogsumm 1.3.0 in
 * tests/fixtures/postfix/newer-options/, see its SOURCE.md) on top of 1.1.5's report. 1.3.0's
 * report differs from 1.1.5's elsewhere, so each test compares what its option changes: the
 * reject detail blocks --rej-add-to rewrites, the recipient and sender lists of --use-orig-to and
 * --srs-mung, the trimmed detail rows of --colwidth, the days -d keeps. Tied rows are compared
 * as sets (tied-rows.ts), as the 1.1.5 golden test does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { UsageError } from '../../src/parsers/contract.ts';
import { postfix } from '../../src/parsers/postfix/index.ts';
import { readPostfixOptions } from '../../src/parsers/postfix/cli-options.ts';
import { parseText } from '../../src/parsers/run.ts';
import { compareReports } from './tied-rows.ts';

interface Reference {
	file: string;
	input: string;
	now: string;
	args: string[];
}

const root = new URL('../../', import.meta.url).pathname;
const fixtures = new URL('../fixtures/postfix/newer-options/', import.meta.url).pathname;
const references = JSON.parse(readFileSync(`${fixtures}references.json`, 'utf8')) as Reference[];

function reference(file: string): Reference & { text: string } {
	const found = references.find((entry) => entry.file === `${file}.txt`);
	if (!found) throw new Error(`no reference ${file}.txt`);
	return { ...found, text: readFileSync(`${fixtures}${found.file}`, 'utf8') };
}

/** `fieldnotes postfix --now … <args> <input>` for a reference's input and clock. */
async function ours(ref: Reference, args = ref.args, format = 'pflogsumm'): Promise<string> {
	const argv = ['postfix', '--quiet', '--format', format, '--now', ref.now, ...args, `${root}${ref.input}`];
	const { status, stdout } = await runCli(argv);
	expect(status).toBe(0);
	return stdout;
}

/** The section whose title starts with `title`: its rows, up to the blank line that ends it. */
function section(report: string, title: string): string[] {
	const lines = report.split('\n');
	const start = lines.findIndex((line) => line.startsWith(title));
	if (start < 0) return [];
	const end = lines.indexOf('', start);
	return lines.slice(start + 2, end < 0 ? undefined : end);
}

/** Rows of a section under one title, for compareReports (which needs a titled list). */
function titled(title: string, rows: string[]): string {
	return [title, '-'.repeat(title.length), ...rows].join('\n');
}

/** 1.3.0 counts a reason `(N)`, 1.1.5 `(total: N)`. */
function totalAsOld(line: string): string {
	return line.replace(/ \((\d+)\)$/, ' (total: $1)');
}

/** A detail section's blocks: `type / reason` → the reason line and its rows. */
function blocks(report: string, title: string): Map<string, string[]> {
	const out = new Map<string, string[]>();
	let type = '';
	let rows: string[] = [];
	for (const line of section(report, title).map(totalAsOld)) {
		if (/^ {2}\S/.test(line)) type = line.trim();
		else if (/^ {4}\S/.test(line)) out.set(`${type} / ${line.trim().replace(/ \(total: \d+\)$/, '')}`, (rows = [line]));
		else rows.push(line);
	}
	return out;
}

const DETAIL = ['message reject detail', 'message reject warning detail', 'message hold detail', 'message discard detail'];

/** The blocks an option changes: those of `after` whose rows differ from `before`'s. */
function changedBlocks(before: string, after: string): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const title of DETAIL) {
		const old = blocks(before, title);
		for (const [key, rows] of blocks(after, title)) {
			if (old.get(key)?.join('\n') !== rows.join('\n')) out.set(`${title} / ${key}`, rows);
		}
	}
	return out;
}

function expectSameRows(expected: string[], actual: string[], title = 'rows'): void {
	const mismatch = compareReports(titled(title, expected), titled(title, actual));
	expect(mismatch, mismatch ? `- ${mismatch.expected.join('\n- ')}\n+ ${mismatch.actual.join('\n+ ')}` : '').toBeNull();
}

describe('--rej-add-to', () => {
	test.each([
		['relay-week', 'relay-week-rej-add-to'],
		['relay-week', 'relay-week-rej-add-from-to'],
		['abuse-day', 'abuse-day-rej-add-to'],
		['abuse-day', 'abuse-day-rej-add-from-to'],
	])('rewrites the reject detail blocks pflogsumm 1.3.0 rewrites from %s to %s, row for row', async (base, name) => {
		const [refBase, ref] = [reference(base), reference(name)];
		const expected = changedBlocks(refBase.text, ref.text);
		const actual = changedBlocks(await ours(refBase), await ours(ref));
		expect(expected.size).toBeGreaterThan(0);
		expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
		for (const [key, rows] of expected) expectSameRows(rows, actual.get(key)!, 'message reject detail');
	});
});

describe.each([
	['--use-orig-to', 'relay-week', 'relay-week-use-orig-to', ['Recipients by message count', 'Recipients by message size']],
	['--srs-mung', 'srs', 'srs-mung', ['Senders by message count', 'Senders by message size']],
])('%s', (_option, base, name, titles) => {
	test.each(titles)('lists "%s" as pflogsumm 1.3.0 does', async (title) => {
		const [refBase, ref] = [reference(base), reference(name)];
		expect(section(ref.text, title)).not.toEqual(section(refBase.text, title));
		expectSameRows(section(ref.text, title), section(await ours(ref), title), title);
	});
});

test('--srs-mung with --rej-add-from names the original sender of a recipient reject', async () => {
	const ref = reference('srs-mung-rej-add-from');
	const key = 'RCPT / Recipient address rejected: User unknown in local recipient table';
	const expected = blocks(ref.text, 'message reject detail').get(key);
	expect(expected?.join('\n')).toContain('(support@sender.example.com)');
	expect(blocks(await ours(ref), 'message reject detail').get(key)).toEqual(expected);
});

/** Detail rows (indented count, three spaces, text) of the whole report, which trimming cuts. */
function detailRows(report: string): string[] {
	return report.split('\n').filter((line) => /^ {8,}\d+ {3}/.test(line)).sort();
}

describe('--colwidth', () => {
	test.each(['colwidth', 'colwidth-100', 'colwidth-60', 'colwidth-0', 'colwidth-60-verbose', 'colwidth-negative'])(
		'trims warnings and cleanup checks as pflogsumm 1.3.0 does (%s)',
		async (name) => {
			const ref = reference(name);
			expect(detailRows(await ours(ref))).toEqual(detailRows(ref.text));
		},
	);

	test('widens a real sample\'s long warning as pflogsumm 1.3.0 does', async () => {
		const ref = reference('relay-week-colwidth-100');
		const row = (report: string) => report.split('\n').find((line) => line.includes('sender_access.db is'));
		expect(row(ref.text)!.length).toBeGreaterThan(row(reference('relay-week').text)!.length);
		expect(row(await ours(ref))).toBe(row(ref.text));
	});
});

/** 1.3.0's heading `for Sun, Jul 5 2026 through Mon, Jul 6 2026` as day keys (YYYYMMDD, month from 0). */
function headingDays(report: string): string[] {
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	return [...report.split('\n', 1)[0]!.matchAll(/(\w{3}) (\d+) (\d{4})/g)].map(
		([, month, day, year]) => `${year}${String(months.indexOf(month!)).padStart(2, '0')}${day!.padStart(2, '0')}`,
	);
}

describe('-d date ranges', () => {
	const ranges = references.filter((entry) => entry.file.startsWith('d-')).map((entry) => entry.file.slice(0, -4));
	test.each(ranges)('keeps the days pflogsumm 1.3.0 keeps (%s)', async (name) => {
		const ref = reference(name);
		// With --zero-fill every day with a line has a Per-Day row; the dates must agree (some
		// counts differ between the versions, e.g. 1.3.0 counts fewer reject warnings).
		const dates = (report: string) => section(report, 'Per-Day Traffic Summary').map((line) => line.slice(0, 15));
		expect(dates(await ours(ref))).toEqual(dates(ref.text));
		// First and last day read: 1.3.0 names them in its heading. With --now our years follow
		// 1.1.5's rule (an RFC 3339 line's year is ignored), so month and day are compared, and
		// the senders show which year's message was kept.
		const days = Object.keys((JSON.parse(await ours(ref, ref.args, 'json')) as { days: object }).days).sort();
		const [first, last] = headingDays(ref.text).map((key) => key.slice(4));
		expect(days.length ? [days[0]!.slice(4), days.at(-1)!.slice(4)] : []).toEqual(first ? [first, last ?? first] : []);
		if (ref.input.endsWith('rfc3339.log')) {
			expect(section(await ours(ref), 'Senders by message count')).toEqual(section(ref.text, 'Senders by message count'));
		}
	});
});

describe('usage errors', () => {
	test.each([
		[{ d: 'next week' }, '-d: invalid date range format: "next week"'],
		[{ d: '2026-07-05 2026-07-01' }, '-d: end date precedes start date: "2026-07-05 2026-07-01"'],
		[{ d: '2026-02-31' }, '-d: no such date in "2026-02-31"'],
		[{ d: '2026-13' }, '-d: no such date in "2026-13"'],
		[{ 'date-range': '2026-07-01 until 2026-07-02' }, '-d: invalid date range format: "2026-07-01 until 2026-07-02"'],
		[{ colwidth: 'wide' }, '--colwidth wants a whole number, not "wide"'],
	])('%o is refused: %s', (values, message) => {
		expect(() => readPostfixOptions(values)).toThrow(UsageError);
		expect(() => readPostfixOptions(values)).toThrow(message);
	});

	test('the CLI exits non-zero on a bad -d range and names it', async () => {
		const { status, stderr } = await runCli(['postfix', '-d', 'fortnight', `${fixtures}srs.log`]);
		expect(status).not.toBe(0);
		expect(stderr).toContain('invalid date range format: "fortnight"');
	});
});

test('hostile SRS-like and orig_to addresses under every new option are read without a throw, quickly', () => {
	const long = (unit: string) => unit.repeat(20_000);
	const lines = [
		`Jul  7 10:00:01 mx1 postfix/qmgr[1]: 48rT2v1hQrz: from=<SRS0=${long('a=')}x@y>, size=1, nrcpt=1 (queue active)`,
		`Jul  7 10:00:02 mx1 postfix/qmgr[1]: 48rT2v1hQrz: from=<SRS1=h=d==${long('a@b.')}!>, size=1, nrcpt=1 (queue active)`,
		`Jul  7 10:00:03 mx1 postfix/local[2]: 48rT2v1hQrz: to=<a@b>, orig_to=<${long('x')}>, relay=local, delay=1, status=sent (ok)`,
		`Jul  7 10:00:04 mx1 postfix/smtpd[3]: NOQUEUE: reject: RCPT from h[192.0.2.1]: 554 5.7.1 x; from=<SRS0=${long('=')}> to=<${long('<')}> proto=ESMTP`,
	];
	const options = postfix.cli!.read({ 'rej-add-to': true, 'rej-add-from': true, 'use-orig-to': true, 'srs-mung': true, colwidth: '0', d: 'this_month', now: '2026-07-08 00:00:00' });
	const started = performance.now();
	const result = parseText(postfix, lines.join('\n'), options);
	expect(performance.now() - started).toBeLessThan(2000);
	expect(result.summary.rejected).toBe(1);
});
