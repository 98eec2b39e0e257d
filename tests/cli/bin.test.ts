/**
 * The installed entry point, end to end: `bin/fieldnotes.mjs` in a child process, reading stdin,
 * as `dropwatch -l kas | npx fieldnotes dropwatch` and `zcat maillog.gz | npx fieldnotes postfix`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { planPieces } from '../../src/parsers/parallel.ts';

const root = new URL('../../', import.meta.url).pathname;
const capture = readFileSync(`${root}content/samples/dropwatch/blog-capture.txt`);

function fieldnotes(args: string[], input?: Uint8Array, env: NodeJS.ProcessEnv = {}) {
	return spawnSync(process.execPath, [`${root}bin/fieldnotes.mjs`, ...args], { input, encoding: 'utf8', cwd: root, env: { ...process.env, ...env } });
}

describe('bin/fieldnotes.mjs', () => {
	test('reads stdin when no file is given', () => {
		const run = fieldnotes(['dropwatch', '--format', 'json'], capture);
		expect(run.status).toBe(0);
		expect(JSON.parse(run.stdout).drops).toBe(196);
	});

	test('reads gzip on stdin and `-` as stdin, merged with a file', () => {
		const run = fieldnotes(['dropwatch', '--format', 'json', '-', `${root}content/samples/dropwatch/blog-capture.txt`], gzipSync(capture));
		expect(run.status).toBe(0);
		expect(JSON.parse(run.stdout).drops).toBe(2 * 196);
	});

	test('prints pflogsumm\'s report from a log piped in, as `zcat maillog.gz | fieldnotes postfix`', () => {
		const log = gunzipSync(readFileSync(`${root}content/samples/postfix/clean-day.log.gz`));
		const run = fieldnotes(['postfix', '--now', '2026-07-08 18:00:00'], log);
		expect(run.status).toBe(0);
		expect(run.stdout).toBe(readFileSync(`${root}tests/fixtures/postfix/clean-day/default.txt`, 'utf8'));
	});

	test('is what `npm run fieldnotes -- …` runs', () => {
		const run = spawnSync('npm', ['run', '--silent', 'fieldnotes', '--', 'dropwatch', '--format', 'json'], { input: capture, encoding: 'utf8', cwd: root });
		expect(run.status).toBe(0);
		expect(JSON.parse(run.stdout).drops).toBe(196);
	});

	test('exits 2 and names the file it cannot read', () => {
		const run = fieldnotes(['dropwatch', `${root}no/such/file.txt`]);
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('no/such/file.txt: no such file');
	});

	test('stops quietly when the reader closes the pipe early', () => {
		const run = spawnSync('bash', ['-c', `node ${root}bin/fieldnotes.mjs strings /usr/bin/ls | head -1`], { encoding: 'utf8' });
		expect(run.status).toBe(0);
		expect(run.stderr).toBe('');
	});

	test('loads each module with its own exports object, not esbuild\'s getter-per-key copy', () => {
		// bin/load-typescript.mjs: calls across modules go through the module's own getters.
		const script = `
			import { loadTypeScript } from '${root}bin/load-typescript.mjs';
			const state = loadTypeScript('${root}bin/fieldnotes.mjs')('../src/parsers/postfix/state.ts');
			const getter = Object.getOwnPropertyDescriptor(state, 'row').get;
			console.log(JSON.stringify({ esModule: state.__esModule, getter: String(getter), row: typeof state.row }));`;
		const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: root });
		expect(run.stderr).toBe('');
		expect(JSON.parse(run.stdout)).toEqual({ esModule: true, getter: '()=>row', row: 'function' });
	});
});

describe('bin/load-cli.mjs: the CLI bundled from the sources', () => {
	const cache = () => mkdtempSync(path.join(tmpdir(), 'fieldnotes-cli-'));
	const log = gunzipSync(readFileSync(`${root}content/samples/postfix/clean-day.log.gz`));
	const golden = readFileSync(`${root}tests/fixtures/postfix/clean-day/default.txt`, 'utf8');
	const report = (env: NodeJS.ProcessEnv) => fieldnotes(['postfix', '--now', '2026-07-08 18:00:00'], log, env);
	type Manifest = { root: string; inputs: Record<string, string> };
	const manifestOf = (dir: string): Manifest => JSON.parse(readFileSync(path.join(dir, 'cli.json'), 'utf8'));

	test('is built on first use, with a hash of every source it was made from', () => {
		const dir = cache();
		expect(report({ FIELDNOTES_CACHE: dir }).stdout).toBe(golden);
		const { root: built, inputs } = manifestOf(dir);
		expect(built).toBe(root.replace(/\/$/, ''));
		const source = readFileSync(`${root}src/parsers/postfix/parse.ts`);
		expect(inputs['src/parsers/postfix/parse.ts']).toBe(createHash('sha1').update(source).digest('hex'));
		expect(Object.keys(inputs)).toContain('src/cli/main.ts');
		expect(readFileSync(path.join(dir, 'cli.cjs'), 'utf8')).toContain('sourceMappingURL=cli.cjs.map');
	});

	test('is rebuilt when a source no longer has the content it was made from', () => {
		const dir = cache();
		report({ FIELDNOTES_CACHE: dir });
		const manifest = manifestOf(dir);
		const right = manifest.inputs['src/parsers/postfix/parse.ts'];
		manifest.inputs['src/parsers/postfix/parse.ts'] = '0'.repeat(40);
		// A bundle made from other sources: if it were used, the report would be this text.
		writeFileSync(path.join(dir, 'cli.json'), JSON.stringify(manifest));
		writeFileSync(path.join(dir, 'cli.cjs'), 'exports.main = async (argv, io) => { process.stdout.write("stale\\n"); return 0; };');
		expect(report({ FIELDNOTES_CACHE: dir }).stdout).toBe(golden);
		expect(manifestOf(dir).inputs['src/parsers/postfix/parse.ts']).toBe(right);
	});

	test('is not used when it cannot be written, or with FIELDNOTES_TSX=1: tsx loads the sources', () => {
		for (const env of [{ FIELDNOTES_CACHE: '/dev/null/cache' }, { FIELDNOTES_TSX: '1', FIELDNOTES_CACHE: cache() }]) {
			const run = report(env);
			expect(run.stderr).toBe('');
			expect(run.stdout).toBe(golden);
		}
	});

	test('--jobs 2 workers load it too, and print what one pass through tsx prints', async () => {
		// Two pieces need 2 MiB: the three samples between lines of another program.
		const samples = ['relay-week', 'clean-day', 'abuse-day'].map((name) => gunzipSync(readFileSync(`${root}content/samples/postfix/${name}.log.gz`)));
		const filler = 'Jul  3 00:00:00 mx1 dovecot: imap-login: Login: user=<a>, method=PLAIN\n'.repeat(15_000);
		const file = path.join(cache(), 'maillog');
		writeFileSync(file, [filler, ...samples.map(String), filler].join(''));
		expect(await planPieces(file, 2)).toHaveLength(2);
		const args = ['--now', '2026-12-31 00:00:00', '--smtpd-stats', file];
		const parallel = fieldnotes(['postfix', '--jobs', '2', ...args]);
		const tsx = fieldnotes(['postfix', ...args], undefined, { FIELDNOTES_TSX: '1' });
		expect(parallel.status).toBe(0);
		expect(parallel.stdout).toBe(tsx.stdout);
		expect(parallel.stderr).toBe(tsx.stderr);
		expect(parallel.stdout).toContain('Grand Totals');
	});
});
