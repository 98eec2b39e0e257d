/**
 * `fieldnotes postfix` in a terminal: the findings come first, on stderr, and stdout stays
 * exactly pflogsumm's report (scripts that read it keep working; cron mails both, findings first).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const NOW = ['--now', '2024-12-31 00:00:00'];
const sample = (name: string) => `content/samples/postfix/${name}.log.gz`;

const run = runCli;

describe('the findings of the terminal report', () => {
	test('come on stderr before the report, which stays byte for byte the one without them', async () => {
		const withFindings = await run(['postfix', ...NOW, '-q', sample('abuse-day')]);
		const without = await run(['postfix', ...NOW, '-q', '--no-findings', sample('abuse-day')]);
		expect(withFindings.status).toBe(0);
		expect(withFindings.stdout).toBe(without.stdout);
		expect(withFindings.order[0]).toBe('err');
		expect(withFindings.stderr).toMatch(/^Findings \(\d+\)\n-+\n/);
		for (const code of ['postfix/sasl-brute-force', 'postfix/sasl-user-many-ips', 'postfix/relay-probe']) {
			expect(withFindings.stderr).toContain(code);
		}
		expect(without.stderr).not.toContain('Findings');
	});

	test('show each evidence line once, with its file and line number', async () => {
		const { stderr } = await run(['postfix', ...NOW, sample('abuse-day')]);
		const evidence = stderr.split('\n').filter((line) => /^ {8}\S+\.log\.gz:\d+: /.test(line));
		expect(evidence.length).toBeGreaterThan(5);
		for (const block of stderr.split(/\n(?=\S)/)) {
			const lines = block.split('\n').filter((line) => /^ {8}\S+\.log\.gz:\d+: /.test(line));
			expect(new Set(lines).size).toBe(lines.length);
		}
	});

	test('are absent for a clean log', async () => {
		const { status, stderr } = await run(['postfix', ...NOW, sample('clean-day')]);
		expect(status).toBe(0);
		expect(stderr).not.toContain('Findings');
	});

	test('escape control characters a hostile log line carries', async () => {
		// A real abuse-day relay probe, with an escape sequence put into the client's name.
		const real = gunzipSync(await readFile(sample('abuse-day')))
			.toString('utf8')
			.split('\n')
			.filter((line) => line.includes('Relay access denied'));
		const hostile = real.map((line) => line.replace('unknown[', 'evil\x1b]0;pwned\x07['));
		const dir = await mkdtemp(path.join(tmpdir(), 'fieldnotes-preamble-'));
		await writeFile(path.join(dir, 'hostile.log'), `${hostile.join('\n')}\n`);
		const { stderr } = await run(['postfix', ...NOW, path.join(dir, 'hostile.log')]);
		expect(stderr).toContain('postfix/relay-probe');
		expect(stderr).toContain('evil\\x1b]0;pwned\\x07[');
		expect(stderr).not.toContain('\x1b');
	});
});
