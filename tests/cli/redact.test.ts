/** `--redact`, `--redact-salt` and `--keep-domains`: every parser, every output, stderr too. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { parsers } from '../../src/parsers/registry.ts';
import { sumParser } from '../helpers/tally-parser.ts';

const RELAY_WEEK = 'content/samples/postfix/relay-week.log.gz';
const LEAK = /alice@fieldnotes\.test|127\.0\.0\.\d/;

async function run(argv: string[], env: Record<string, string> = {}) {
	let stdout = '';
	let stderr = '';
	const saved = process.env.FIELDNOTES_REDACT_SALT;
	if (env.FIELDNOTES_REDACT_SALT === undefined) delete process.env.FIELDNOTES_REDACT_SALT;
	else process.env.FIELDNOTES_REDACT_SALT = env.FIELDNOTES_REDACT_SALT;
	try {
		const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) };
		const status = await main(argv, io, [...parsers, sumParser]);
		return { status, stdout, stderr };
	} finally {
		if (saved === undefined) delete process.env.FIELDNOTES_REDACT_SALT;
		else process.env.FIELDNOTES_REDACT_SALT = saved;
	}
}

const pseudonyms = (text: string) =>
	[...new Set(text.match(/(?:user|ip4|ip6|host)-[0-9a-f]{12}/g))].sort();

describe('fieldnotes --redact', () => {
	test('prints the Postfix report with addresses as they are without it', async () => {
		const { stdout } = await run(['postfix', RELAY_WEEK]);
		expect(stdout).toMatch(LEAK);
	});

	test.each([['text'], ['json'], ['markdown']])('leaves no address in --format %s', async (fmt) => {
		const argv = ['postfix', '--redact', '--format', fmt, RELAY_WEEK];
		const { status, stdout, stderr } = await run(argv);
		expect(status).toBe(0);
		expect(stdout).not.toMatch(LEAK);
		expect(stderr).not.toMatch(LEAK);
		expect(stdout).toMatch(/user-[0-9a-f]{12}@redacted\.invalid/);
	});

	test('redacts the example lines of the unparsed-lines tally on stderr', async () => {
		const input = await file('1\nfrom 192.0.2.7 <bob@example.com>\n');
		const { stdout, stderr } = await run(['sum', '--redact', input]);
		expect(stdout).toBe('lines 1 sum 1\n');
		expect(stderr).toMatch(/from ip4-[0-9a-f]{12} <user-[0-9a-f]{12}@redacted\.invalid>/);
		expect(stderr).not.toMatch(/192\.0\.2\.7|bob@/);
	});

	test('redacts the report a byte parser streams as it reads', async () => {
		const text = 'hello world\nmail alice@example.com from 192.0.2.7\n';
		const dump = await file(text, '192.0.2.7.strings');
		const { stdout } = await run(['strings', '--redact', '--find', 'alice', dump]);
		expect(stdout).toContain('found line 2');
		expect(stdout).toMatch(/mail user-[0-9a-f]{12}@redacted\.invalid from ip4-[0-9a-f]{12}/);
		expect(stdout).not.toMatch(/alice@|192\.0\.2\.7/);
	});

	test('takes the salt from --redact-salt, else the environment, else a default', async () => {
		const byDefault = pseudonyms((await run(['postfix', '--redact', RELAY_WEEK])).stdout);
		const env = { FIELDNOTES_REDACT_SALT: 'env' };
		const byEnv = pseudonyms((await run(['postfix', '--redact', RELAY_WEEK], env)).stdout);
		const byOption = (await run(['postfix', '--redact-salt', 'env', RELAY_WEEK])).stdout;
		expect(byDefault.length).toBeGreaterThan(20);
		expect(byEnv.filter((p) => byDefault.includes(p))).toEqual([]);
		expect(pseudonyms(byOption)).toEqual(byEnv);
		expect(byOption).not.toMatch(LEAK);
	});

	test('keeps the domains with --keep-domains, which implies --redact', async () => {
		const { stdout } = await run(['postfix', '--keep-domains', RELAY_WEEK]);
		expect(stdout).toMatch(/user-[0-9a-f]{12}@fieldnotes\.test/);
		expect(stdout).not.toMatch(LEAK);
	});

	test('rejects an empty --redact-salt with exit 2 and the usage', async () => {
		const { status, stderr } = await run(['postfix', '--redact-salt', '', RELAY_WEEK]);
		expect(status).toBe(2);
		expect(stderr).toContain('--redact-salt needs a non-empty salt');
		expect(stderr).toContain('--redact ');
	});
});

async function file(text: string, name = 'input.txt'): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), 'fieldnotes-redact-'));
	await writeFile(path.join(dir, name), text);
	return path.join(dir, name);
}
