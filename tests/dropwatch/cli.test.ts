import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { dropwatch } from '../../src/parsers/dropwatch/index.ts';
import { BLOG_CAPTURE } from './helpers.ts';

async function run(argv: string[]) {
	const { status, stdout, stderr } = await runCli(argv, [dropwatch]);
	return { status, stdout, stderr };
}

async function write(name: string, data: string | Uint8Array): Promise<string> {
	const file = path.join(await mkdtemp(path.join(tmpdir(), 'fieldnotes-dropwatch-')), name);
	await writeFile(file, data);
	return file;
}

describe('fieldnotes dropwatch', () => {
	test('prints the text report for a capture file and exits 0', async () => {
		const { status, stdout, stderr } = await run(['dropwatch', await write('blog.txt', BLOG_CAPTURE)]);
		expect(status).toBe(0);
		expect(stdout).toMatch(/^Drops {2,}196$/m);
		expect(stderr).toBe('');
	});

	test('prints the summary as JSON: totals, sites, layers, reasons', async () => {
		const { stdout } = await run(['dropwatch', '--format', 'json', await write('blog.txt', BLOG_CAPTURE)]);
		const json = JSON.parse(stdout);
		expect(json.drops).toBe(196);
		expect(json.sites[0]).toMatchObject({ name: 'unix_stream_recvmsg', count: 151, layer: 'unix' });
		expect(json.layers).toEqual({ unix: 151, ip: 38, other: 6, netlink: 1 });
		expect(json.reasons).toEqual([]);
	});

	test('reads a gzip-compressed capture and merges it with a plain one', async () => {
		const plain = await write('a.txt', BLOG_CAPTURE);
		const gz = await write('b.txt.gz', gzipSync(BLOG_CAPTURE));
		const json = JSON.parse((await run(['dropwatch', '--format', 'json', plain, gz])).stdout);
		expect(json.drops).toBe(392);
		expect(json.sites[1]).toMatchObject({ name: 'ip_local_deliver', count: 72 });
	});

	test('exits 1 and names file and line when the input is not dropwatch output', async () => {
		const file = await write('notes.txt', 'hello\nworld\n');
		const { status, stderr } = await run(['dropwatch', '--quiet', file]);
		expect(status).toBe(1);
		expect(stderr).toBe(`${file}:1: error dropwatch/not-dropwatch-output none of 2 non-blank lines looks like dropwatch output\n`);
	});

	test.each([['0'], ['-3'], ['many']])('rejects --top %s with exit 2', async (value) => {
		const { status, stderr } = await run(['dropwatch', `--top=${value}`, await write('blog.txt', BLOG_CAPTURE)]);
		expect(status).toBe(2);
		expect(stderr).toContain('--top expects a positive whole number');
	});

	test('takes --top from the command line', async () => {
		const { stdout } = await run(['dropwatch', '--top', '1', await write('blog.txt', BLOG_CAPTURE)]);
		expect(stdout).toMatch(/^Top 1 of 6 drop sites$/m);
	});

	test('prints the --top option in its help', async () => {
		expect((await run(['dropwatch', '--help'])).stdout).toContain('--top N');
	});

	test('reads the samples the site publishes without errors', async () => {
		for (const name of ['blog-capture.txt', 'hostile.txt']) {
			const file = new URL(`../../content/samples/dropwatch/${name}`, import.meta.url);
			expect((await readFile(file)).length).toBeGreaterThan(0);
			expect((await run(['dropwatch', '--quiet', file.pathname])).status).toBe(0);
		}
	});
});
