/**
 * The installed entry point, end to end: `bin/fieldnotes.mjs` in a child process, reading stdin,
 * as `dropwatch -l kas | npx fieldnotes dropwatch` and `zcat maillog.gz | npx fieldnotes postfix`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const capture = readFileSync(`${root}content/samples/dropwatch/blog-capture.txt`);

function fieldnotes(args: string[], input?: Uint8Array) {
	return spawnSync(process.execPath, [`${root}bin/fieldnotes.mjs`, ...args], { input, encoding: 'utf8', cwd: root });
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
