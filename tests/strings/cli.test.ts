/** `fieldnotes strings` through the real CLI entry, on the committed dumps (no byte hook needed). */
import { expect, test } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { strings } from '../../src/parsers/strings/index.ts';

const DUMPS = ['0.16.4', '0.16.5', '0.18.7'].map((v) => `content/samples/strings/esbuild-packages-flag.${v}.strings.gz`);

const run = async (argv: string[]) => {
	const { status, stdout, stderr } = await runCli(argv, [strings]);
	return { status, stdout, stderr };
};

test('prints the probe table for dumps, one row per version, and exits 0', async () => {
	const { status, stdout, stderr } = await run(['strings', '--find=--packages=', '--find-regex', 'line-limit=?', ...DUMPS]);
	expect(status).toBe(0);
	expect(stderr).toBe('');
	const rows = stdout.split('\n').slice(0, 4);
	expect(rows[0]).toMatch(/^FILE +VERSION +SIZE +--packages= +\/line-limit=\?\/$/);
	expect(rows.slice(1).map((row) => row.split(/ {2,}/).slice(1))).toEqual([
		['0.16.4 (file name)', 'dump', 'not found', 'not found'],
		['0.16.5 (file name)', 'dump', 'found line 81676', 'not found'],
		['0.18.7 (file name)', 'dump', 'found line 85938', 'found line 85949'],
	]);
});

test('prints the summary as JSON with --format json', async () => {
	const { stdout } = await run(['strings', '--format', 'json', '--find=--packages=', DUMPS[1]!]);
	expect(JSON.parse(stdout).files[0]).toMatchObject({ kind: 'dump', version: '0.16.5', hits: [{ pattern: '--packages=', count: 2, line: 81676, offset: null }] });
});

test('rejects a bad regular expression with exit 2 and the usage', async () => {
	const { status, stderr } = await run(['strings', '--find-regex', 'tcp-[a-z', DUMPS[0]!]);
	expect(status).toBe(2);
	expect(stderr).toContain('--find-regex "tcp-[a-z" is not a valid regular expression');
	expect(stderr).toContain('usage: fieldnotes strings');
});
