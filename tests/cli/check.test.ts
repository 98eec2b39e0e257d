/** `fieldnotes postfix --check`, end to end through the CLI: the Nagios plugin contract. */
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { postfix } from '../../src/parsers/postfix/index.ts';

const samples = new URL('../../content/samples/postfix/', import.meta.url).pathname;

async function check(...args: string[]) {
	const { status, stdout, stderr } = await runCli(['postfix', '--check', '--now', '2026-07-09 23:00:00', ...args]);
	return { status, stdout, stderr };
}

describe('fieldnotes postfix --check', () => {
	test.each([
		['clean-day', 0, 'POSTFIX OK - '],
		['relay-week', 1, 'POSTFIX WARNING - '],
		['abuse-day', 2, 'POSTFIX CRITICAL - '],
	])('exits with the plugin status of the %s sample (%i) and prints one status line with perfdata first', async (name, status, head) => {
		const run = await check(`${samples}${name}.log.gz`);
		expect(run.status).toBe(status);
		const [first] = run.stdout.split('\n');
		expect(first!.startsWith(head)).toBe(true);
		expect(first).toMatch(/ \| lines=\d+;;;0; /);
	});

	test('says UNKNOWN and exits 3 for a config file it cannot use, naming the bad field', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'fieldnotes-check-'));
		await writeFile(path.join(dir, 'bad.json'), '{ "thresholds": 5 }');
		const run = await check('--config', path.join(dir, 'bad.json'), `${samples}clean-day.log.gz`);
		expect(run).toMatchObject({ status: 3 });
		expect(run.stdout).toMatch(/^POSTFIX UNKNOWN - .*bad\.json: invalid postfix check config: thresholds: expected an object, got 5\n$/);
	});

	test('prints addresses as pseudonyms with --redact', async () => {
		const plain = await check(`${samples}abuse-day.log.gz`);
		const redacted = await check('--redact', `${samples}abuse-day.log.gz`);
		expect(redacted.status).toBe(plain.status);
		expect(plain.stdout).toMatch(/127\.0\.0\.\d+/);
		expect(redacted.stdout).not.toMatch(/127\.0\.0\.\d+/);
	});
});

describe('when the postfix findings are collected', () => {
	test.each([
		['pflogsumm text from the CLI (findings go to stderr first)', { format: 'text' }, true],
		['--format pflogsumm', { format: 'pflogsumm' }, true],
		['pflogsumm text with --no-findings', { format: 'text', 'no-findings': true }, false],
		['--format pflogsumm --no-findings', { format: 'pflogsumm', 'no-findings': true }, false],
		['--format json ignores --no-findings (the JSON carries them)', { format: 'json', 'no-findings': true }, true],
		['--check with the text format', { format: 'text', check: true }, true],
		['--format json', { format: 'json' }, true],
		['a sample page (frontmatter options carry no format)', {}, true],
	])('%s: %s', (_name, values, expected) => {
		expect(postfix.cli!.read(values).collectFindings).toBe(expected);
	});
});
