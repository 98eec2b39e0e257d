/**
 * `--jobs`: a file cut at line ends and read by several threads gives the result of one pass —
 * summary, findings (evidence line numbers included) and unparsed lines. The input is the three
 * real Postfix samples one after another (a week, a clean day, an attack day).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { planPieces, runPieces } from '../../src/parsers/parallel.ts';
import { postfix } from '../../src/parsers/postfix/index.ts';
import { fileInput, runParser } from '../../src/parsers/run.ts';
import { runCli } from '../helpers/cli.ts';

let file = '';
let text = '';

beforeAll(async () => {
	const samples = ['relay-week', 'clean-day', 'abuse-day'];
	text = (await Promise.all(samples.map(async (name) => gunzipSync(await readFile(`content/samples/postfix/${name}.log.gz`))))).join('');
	file = path.join(await mkdtemp(path.join(tmpdir(), 'fieldnotes-jobs-')), 'maillog');
	// A line no parser reads, to see the unparsed tally keep its line numbers.
	await writeFile(file, `${text}garbage at the end\n`);
});

/** Delay sums are floats (as in pflogsumm): pieces add them in another order. */
function comparable(summary: { recipientDomains: Record<string, number[]> }) {
	const rows = Object.entries(summary.recipientDomains).map(([key, row]) => [key, row.map((v, i) => (i === 3 ? Math.round(v * 1e6) : v))]);
	return { ...summary, recipientDomains: Object.fromEntries(rows) };
}

describe('reading one file in pieces', () => {
	test.each([2, 3, 5])('with %i pieces gives the result of one pass', async (jobs) => {
		const options = postfix.cli!.read({ now: '2024-12-31 00:00:00', format: 'json', 'smtpd-stats': true, e: true });
		const pieces = await planPieces(file, jobs, 16 << 10);
		expect(pieces).toHaveLength(jobs);
		expect(pieces![0]!.start).toBe(0);
		for (const piece of pieces!.slice(1)) expect(text.slice(0, piece.start).endsWith('\n')).toBe(true);
		const whole = await runParser(postfix, [fileInput(file)], options);
		const parallel = await runPieces(postfix, file, pieces!, options);
		expect(comparable(parallel.summary)).toEqual(comparable(whole.summary));
		expect(parallel.unparsed).toEqual(whole.unparsed);
		expect(parallel.unparsed.reasons['postfix/no-syslog-header']?.examples[0]?.line).toBe(text.split('\n').length);
	});

	test('is not planned for a gzip file, stdin-like input or a small file', async () => {
		expect(await planPieces('content/samples/postfix/relay-week.log.gz', 2, 1)).toBeUndefined();
		expect(await planPieces(file, 2)).toBeUndefined(); // under 2 MiB
		expect(await planPieces(file, 1, 16 << 10)).toBeUndefined();
		expect(await planPieces('/dev/stdin', 2, 1)).toBeUndefined();
	});

	test('--jobs reads a small file in one pass and prints the same report', async () => {
		const one = await runCli(['postfix', '--now', '2024-12-31 00:00:00', file]);
		const four = await runCli(['postfix', '--now', '2024-12-31 00:00:00', '--jobs', '4', file]);
		expect(four).toEqual(one);
	});

	test.each(['0', 'two', '65'])('--jobs %s is a usage error', async (value) => {
		const { status, stderr } = await runCli(['postfix', '--jobs', value, file]);
		expect(status).toBe(2);
		expect(stderr).toMatch(/--jobs: .* is not a number of threads from 1 to 64/);
	});
});
