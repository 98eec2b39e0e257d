/**
 * `-d`: the findings and the extras read the same days as pflogsumm's report, so a daily
 * `-d yesterday` run never shows trouble from the days before. Expected counts come from the raw
 * sample lines (a date prefix and a `postfix…/daemon[pid]: ` program), not from our parser.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const SAMPLE = 'content/samples/postfix/relay-week.log.gz';
const POSTFIX_PROGRAM = / postfix[^\s/[:]*(?:\/[^\s/[:]+)+\[\d+\]: /;
let lines: string[] = [];

beforeAll(async () => {
	lines = gunzipSync(await readFile(SAMPLE)).toString('utf8').split('\n').filter(Boolean);
});

async function json(args: string[]) {
	const { status, stdout } = await runCli(['postfix', '--format', 'json', ...args, SAMPLE]);
	expect(status).toBe(0);
	return JSON.parse(stdout);
}

const postfixLinesOf = (days: string[]) =>
	lines.filter((line) => days.some((day) => line.startsWith(`${day} `)) && POSTFIX_PROGRAM.test(line)).length;

describe('findings and extras under -d', () => {
	test.each([
		['-d yesterday', ['--now', '2024-07-04 10:00:00', '-d', 'yesterday'], ['Jul  3']],
		['-d today', ['--now', '2024-06-30 23:00:00', '-d', 'today'], ['Jun 30']],
		['a -d range', ['--now', '2024-12-31 00:00:00', '-d', '2024-06-29 2024-06-30'], ['Jun 29', 'Jun 30']],
	])('%s: read only the lines of the days the report covers', async (_, args, days) => {
		const report = await json(args);
		expect(report.findingsState.lines).toBe(postfixLinesOf(days));
		expect(report.extras.lines).toBe(postfixLinesOf(days));
		const evidence = report.findings.flatMap((f: { evidence: { text: string }[] }) => f.evidence);
		for (const { text } of evidence) expect(days.some((day) => text.startsWith(day))).toBe(true);
	});

	test('without -d, read every Postfix line', async () => {
		const report = await json(['--now', '2024-12-31 00:00:00']);
		expect(report.findingsState.lines).toBe(lines.filter((line) => POSTFIX_PROGRAM.test(line)).length);
	});
});
