/**
 * `--unprocd-file FILE` (pflogsumm 1.1.12+): the lines no section of the report counts, as
 * `file:line: text`. Compared with the file pflogsumm 1.3.0 writes for the same log
 * (`tests/fixtures/postfix/newer-options/*.unprocd.txt`, `scripts/refresh-newer-goldens.sh`):
 * every line 1.3.0 lists is listed, and the others are lines 1.3.0 has a branch for and 1.1.5 —
 * whose report fieldnotes prints — has not.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const fixture = (name: string) => new URL(`../fixtures/postfix/newer-options/${name}`, import.meta.url);
const sampleLines = (name: string) =>
	gunzipSync(readFileSync(new URL(`../../content/samples/postfix/${name}.log.gz`, import.meta.url)))
		.toString('utf8')
		.split('\n')
		.slice(0, -1);

/**
 * Lines 1.3.0 reads and 1.1.5 passes over, with 1.3.0's reason: its smtpd connection and
 * postscreen-era branches, `status=expired`, Postfix 3's `connect to host[addr]:port: why`, the
 * bounce daemon's notices, `warn:` rejects (1.1.5 knows `reject_warning` only), postfix-script.
 */
const READ_BY_1_3_0_ONLY = [
	/ postfix\/(?:submission\/)?smtpd\[\d+\]: (?:dis)?connect from /,
	/ postfix\/smtpd\[\d+\]: (?:lost connection|improper command pipelining) after /,
	/ postfix\/qmgr\[\d+\]: \w+: from=<[^>]*>, status=expired, returned to sender$/,
	/ postfix\/smtp\[\d+\]: (?:\w+: )?connect to [^ ]+\]:\d+: /,
	/ postfix\/bounce\[\d+\]: \w+: sender non-delivery notification: \w+$/,
	/ postfix\/smtpd\[\d+\]: NOQUEUE: warn: RCPT from /,
	/ postfix\/postfix-script\[\d+\]: /,
	/ postfix-msa\/smtpd\[\d+\]: /,
];

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'fieldnotes-unprocd-'));
});

/** Runs `fieldnotes postfix` with --unprocd-file; the file's lines split into file, line, text. */
async function unprocd(args: string[]) {
	const file = path.join(dir, `out-${Math.random().toString(36).slice(2)}.txt`);
	const run = await runCli(['postfix', '--unprocd-file', file, ...args]);
	expect(run.status, run.stderr).toBe(0);
	const text = await readFile(file, 'utf8');
	return text
		.split('\n')
		.slice(0, -1)
		.map((line) => {
			const [, name, no, rest] = /^(.*?):(\d+): (.*)$/.exec(line)!;
			return { name: name!, no: Number(no), text: rest! };
		});
}

describe.each(['relay-week', 'abuse-day'])('%s', (name) => {
	const log = path.join(path.dirname(new URL(import.meta.url).pathname), `../../content/samples/postfix/${name}.log.gz`);
	const lines = sampleLines(name);
	const theirs = readFileSync(fixture(`${name}.unprocd.txt`), 'utf8')
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => line.replace(/^\[pflogsumm:\d+\]: (?:\(\$svc: "\w+"\) )?/, ''));

	test('lists every line pflogsumm 1.3.0 lists, each under its own line number', async () => {
		const ours = await unprocd([log]);
		for (const { name: file, no, text } of ours) {
			expect(file).toBe(log);
			expect(lines[no - 1]).toBe(text);
		}
		const listed = new Set(ours.map((l) => l.text));
		expect(theirs.length).toBeGreaterThan(100);
		expect(theirs.filter((line) => !listed.has(line))).toEqual([]);
	});

	test('lists other lines only where 1.3.0 has a branch 1.1.5 lacks', async () => {
		const known = new Set(theirs);
		const extra = (await unprocd([log])).filter((l) => !known.has(l.text));
		expect(extra.length).toBeGreaterThan(0);
		expect(extra.filter((l) => !READ_BY_1_3_0_ONLY.some((p) => p.test(l.text)))).toEqual([]);
	});

	test('with --smtpd-stats the connections count, so they are no longer listed', async () => {
		const plain = await unprocd([log]);
		const stats = await unprocd(['--smtpd-stats', log]);
		// grep -cE 'postfix/(submission/)?smtpd\[[0-9]+\]: (dis)?connect from' on the log.
		const connections = lines.filter((l) => /postfix\/(?:submission\/)?smtpd\[\d+\]: (?:dis)?connect from /.test(l)).length;
		expect(connections).toBeGreaterThan(0);
		expect(plain.length - stats.length).toBe(connections);
	});
});

test('counts nothing twice: listed lines and lines the report counts are apart', async () => {
	// relay-week: `client=` lines are counted as received (pflogsumm's `received` is 170).
	const log = new URL('../../content/samples/postfix/relay-week.log.gz', import.meta.url).pathname;
	const listed = await unprocd([log]);
	expect(listed.filter((l) => / postfix\/smtpd\[\d+\]: \w+: client=/.test(l.text))).toEqual([]);
	expect(listed.filter((l) => /, status=sent \(/.test(l.text))).toEqual([]);
});

test('lists a damaged Postfix line and leaves other programs’ and other days’ lines out', async () => {
	const [first, second] = sampleLines('relay-week');
	const input = path.join(dir, 'mixed.log');
	await writeFile(
		input,
		[
			first, // counts nowhere in 1.1.5's report: listed
			second!.slice(7), // its header cut: listed (it mentions Postfix)
			'Jun 28 09:12:00 mx1 dovecot: imap-login: Login: user=<bob>', // another program: left out
			'Jun 29 09:12:00 mx1 postfix/smtpd[1]: connect from unknown[127.0.0.9]', // another day with -d
			'',
		].join('\n'),
	);
	const listed = await unprocd(['--now', '2026-07-06 23:30:00', '-d', '2026-06-28', input]);
	expect(listed.map((l) => l.no)).toEqual([1, 2]);
});

test('is a usage error with --jobs and with --redact; a file that cannot be written is named', async () => {
	const log = new URL('../../content/samples/postfix/clean-day.log.gz', import.meta.url).pathname;
	const file = path.join(dir, 'never.txt');
	for (const extra of [['--jobs', '2'], ['--redact']]) {
		const run = await runCli(['postfix', '--unprocd-file', file, ...extra, log]);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/--unprocd-file .*cannot be combined with --(jobs|redact)/);
	}
	const missing = path.join(dir, 'no/such/dir/out.txt');
	const run = await runCli(['postfix', '--unprocd-file', missing, log]);
	expect(run.status).toBe(2);
	expect(run.stderr).toBe(`fieldnotes postfix: --unprocd-file ${missing}: no such file\n`);
});

test('names the file when writing it fails on the way (a full disk)', async () => {
	const log = new URL('../../content/samples/postfix/relay-week.log.gz', import.meta.url).pathname;
	const run = await runCli(['postfix', '--unprocd-file', '/dev/full', log]);
	expect(run.status).toBe(2);
	// The first write fails (the sample's unprocessed lines are more than one 64 KB piece): the
	// run stops there, and the log is not blamed ("reading stopped early").
	expect(run.stderr).toMatch(/^fieldnotes postfix: --unprocd-file \/dev\/full: [^\n]*ENOSPC[^\n]*\n$/);
	expect(run.stdout).toBe('');
});
