import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { sumParser } from '../helpers/tally-parser.ts';
import { showControls, showControlsInLines } from '../../src/lib/text.ts';

async function run(argv: string[]) {
	const { status, stdout, stderr } = await runCli(argv, [sumParser]);
	return { status, stdout, stderr };
}

async function files(contents: Record<string, string | Uint8Array>): Promise<Record<string, string>> {
	const dir = await mkdtemp(path.join(tmpdir(), 'fieldnotes-cli-'));
	const paths: Record<string, string> = {};
	for (const [name, data] of Object.entries(contents)) {
		paths[name] = path.join(dir, name);
		await writeFile(paths[name], data);
	}
	return { ...paths, dir };
}

describe('fieldnotes CLI', () => {
	test('prints the report on stdout and exits 0 for clean input', async () => {
		const f = await files({ 'a.txt': '1\n2\n' });
		expect(await run(['sum', f['a.txt']!])).toEqual({ status: 0, stdout: 'lines 2 sum 3\n', stderr: '' });
	});

	test('merges several files, gzip or not', async () => {
		const f = await files({ 'a.txt': '1\n', 'b.gz': gzipSync('2\n3\n') });
		expect((await run(['sum', f['a.txt']!, f['b.gz']!])).stdout).toBe('lines 3 sum 6\n');
	});

	test('prints the summary as JSON with --format json', async () => {
		const f = await files({ 'a.txt': '7\n' });
		const { stdout, status } = await run(['sum', '--format', 'json', f['a.txt']!]);
		expect(status).toBe(0);
		expect(JSON.parse(stdout)).toEqual({ lines: 1, sum: 7, files: [f['a.txt']] });
	});

	test('lists unparsed lines on stderr with file and line, and still exits 0', async () => {
		const f = await files({ 'a.txt': '1\nhello\x1b[31m\n' });
		const { status, stderr } = await run(['sum', f['a.txt']!]);
		expect(status).toBe(0);
		expect(stderr).toBe(`Unparsed lines (1):\n  sum/not-a-number: 1\n    ${f['a.txt']}:2: hello\\x1b[31m\n`);
	});

	test('--quiet leaves the tally out', async () => {
		const f = await files({ 'a.txt': 'x\n' });
		expect((await run(['sum', '--quiet', f['a.txt']!])).stderr).toBe('');
	});

	test('exits 1 and prints file:line: severity code reason when the input has errors', async () => {
		const f = await files({ 'a.txt': '1\nERROR\n' });
		const { status, stderr } = await run(['sum', f['a.txt']!]);
		expect(status).toBe(1);
		expect(stderr).toBe(`${f['a.txt']}:2: error sum/error-line an ERROR line\n`);
	});

	test.each([
		['no arguments', [], /usage: fieldnotes <parser>/],
		['an unknown parser', ['nope'], /unknown parser "nope"/],
		['an unknown option', ['sum', '--bogus'], /Unknown option '--bogus'/],
		['an unknown format', ['sum', '--format', 'xml', '/dev/null'], /unknown --format "xml"/],
	])('exits 2 with usage for %s', async (_name, argv, message) => {
		const { status, stderr } = await run(argv as string[]);
		expect(status).toBe(2);
		expect(stderr).toMatch(message);
	});

	test('exits 2 naming a file that cannot be read', async () => {
		const f = await files({});
		const missing = path.join(f.dir!, 'missing.log');
		const { status, stderr, stdout } = await run(['sum', missing]);
		expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
		expect(stderr).toBe(`fieldnotes sum: ${missing}: no such file\n`);
	});

	test('prints help for a parser on stdout', async () => {
		const { status, stdout } = await run(['sum', '--help']);
		expect(status).toBe(0);
		expect(stdout).toMatch(/usage: fieldnotes sum \[options\]/);
	});
});

describe('showControls', () => {
	test.each([
		['ESC and BEL', 'a\x1b[31mb\x07', 'a\\x1b[31mb\\x07'],
		['NUL and DEL', '\x00\x7f', '\\x00\\x7f'],
		['a C1 CSI', 'x\u009by', 'x\\u009by'],
		['a bidi override', 'abc\u202edef', 'abc\\u202edef'],
		['tab, kept', 'a\tb', 'a\tb'],
		['markup, left to the page to escape', '<b>', '<b>'],
	])('makes %s visible', (_name, input, expected) => {
		expect(showControls(input)).toBe(expected);
		expect(showControlsInLines(input)).toBe(expected);
	});

	test('in lines: as showControls on each line, line feeds kept', () => {
		const text = 'a\x1b[31m\nb\r\n\u202e\n\n';
		expect(showControlsInLines(text)).toBe(text.split('\n').map(showControls).join('\n'));
		const clean = 'nothing\nto\tshow\n';
		expect(showControlsInLines(clean)).toBe(clean);
	});
});
