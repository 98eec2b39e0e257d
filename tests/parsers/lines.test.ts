import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { gunzipIfNeeded, LineSplitter, MAX_LINE_LENGTH, splitLines } from '../../src/parsers/lines.ts';

interface Collected {
	lines: [number, string][];
	overlong: [number, number, string][];
}

function collect(chunks: Uint8Array[], maxLength?: number): Collected {
	const out: Collected = { lines: [], overlong: [] };
	const splitter = new LineSplitter(
		(text, lineNo) => out.lines.push([lineNo, text]),
		(lineNo, length, head) => out.overlong.push([lineNo, length, head]),
		maxLength,
	);
	for (const chunk of chunks) splitter.push(chunk);
	splitter.end();
	return out;
}

const bytes = (text: string) => new TextEncoder().encode(text);

/** Every way of cutting `data` into pieces of `size` bytes. */
function chunked(data: Uint8Array, size: number): Uint8Array[] {
	const chunks: Uint8Array[] = [];
	for (let i = 0; i < data.length; i += size) chunks.push(data.subarray(i, i + size));
	return chunks;
}

describe('LineSplitter', () => {
	test.each([
		['an empty input has no lines', '', []],
		['a last line without a newline is kept', 'a\nb', ['a', 'b']],
		['a final newline ends the last line and adds none', 'a\nb\n', ['a', 'b']],
		['blank lines are lines', 'a\n\nb\n', ['a', '', 'b']],
		['CRLF endings lose their CR', 'a\r\nb\r\n', ['a', 'b']],
		['a lone CR inside a line is kept', 'a\rb\n', ['a\rb']],
		['a lone newline is one empty line', '\n', ['']],
	])('%s', (_name, input, expected) => {
		expect(collect([bytes(input)]).lines.map(([, text]) => text)).toEqual(expected);
	});

	test('numbers lines from 1', () => {
		expect(collect([bytes('x\ny\nz')]).lines).toEqual([
			[1, 'x'],
			[2, 'y'],
			[3, 'z'],
		]);
	});

	const sample = 'Jul  3 04:02:01 relay postfix/smtpd[1]: connect from ünïcode.example[127.0.0.2]\r\n日本語 → ok\n\nlast';
	test.each([1, 2, 3, 5, 7, 64])('gives the same lines whatever the chunk size (%i bytes), split UTF-8 included', (size) => {
		expect(collect(chunked(bytes(sample), size))).toEqual(collect([bytes(sample)]));
	});

	test('joins a CRLF split between two chunks', () => {
		expect(collect([bytes('a\r'), bytes('\nb')]).lines.map(([, t]) => t)).toEqual(['a', 'b']);
	});

	test('turns invalid UTF-8 into U+FFFD instead of throwing', () => {
		expect(collect([new Uint8Array([0x61, 0xff, 0xfe, 0x0a, 0x62])]).lines).toEqual([
			[1, 'a\ufffd\ufffd'],
			[2, 'b'],
		]);
	});

	test('reports a line over the limit with its length and head, and keeps counting lines after it', () => {
		const long = 'x'.repeat(50);
		const out = collect(chunked(bytes(`ok\n${long}\nnext\n`), 7), 20);
		expect(out.lines).toEqual([
			[1, 'ok'],
			[3, 'next'],
		]);
		expect(out.overlong).toEqual([[2, 50, 'x'.repeat(50).slice(0, 200)]]);
	});

	test('does not buffer a 5 MB line: it is reported, not emitted', () => {
		const huge = new Uint8Array(5 * 1024 * 1024).fill(0x41);
		const out = collect([...chunked(huge, 65536), bytes('\nafter')]);
		expect(out.lines).toEqual([[2, 'after']]);
		expect(out.overlong).toHaveLength(1);
		expect(out.overlong[0]![0]).toBe(1);
		expect(out.overlong[0]![1]).toBe(5 * 1024 * 1024);
		expect(out.overlong[0]![1]).toBeGreaterThan(MAX_LINE_LENGTH);
	});

	test('any chunking of any text gives the same lines as the whole text', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }), (text, sizes) => {
				const data = bytes(text);
				const chunks: Uint8Array[] = [];
				for (let i = 0, k = 0; i < data.length; k++) {
					const size = sizes[k % sizes.length]!;
					chunks.push(data.subarray(i, i + size));
					i += size;
				}
				const whole: string[] = [];
				splitLines(text, (line) => whole.push(line));
				expect(collect(chunks).lines.map(([, t]) => t)).toEqual(whole);
			}),
		);
	});
});

async function drain(source: AsyncIterable<Uint8Array>): Promise<string> {
	const parts: Buffer[] = [];
	for await (const chunk of source) parts.push(Buffer.from(chunk));
	return Buffer.concat(parts).toString('utf8');
}

async function* from(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
	for (const chunk of chunks) yield chunk;
}

describe('gunzipIfNeeded', () => {
	const text = 'line one\nline two\n'.repeat(100);

	test('passes plain bytes through unchanged', async () => {
		expect(await drain(gunzipIfNeeded(from(chunked(bytes(text), 1))))).toBe(text);
	});

	test('recognises gzip by its magic bytes, even when they arrive one byte at a time', async () => {
		expect(await drain(gunzipIfNeeded(from(chunked(gzipSync(text), 1))))).toBe(text);
	});

	test('reads concatenated gzip members as one stream, like zcat', async () => {
		const both = Buffer.concat([gzipSync('a\n'), gzipSync('b\n')]);
		expect(await drain(gunzipIfNeeded(from([both])))).toBe('a\nb\n');
	});

	test('passes a one-byte input through', async () => {
		expect(await drain(gunzipIfNeeded(from([bytes('x')])))).toBe('x');
	});

	test('throws on a truncated gzip stream instead of ending quietly', async () => {
		const cut = gzipSync(text).subarray(0, 30);
		await expect(drain(gunzipIfNeeded(from([cut])))).rejects.toThrow(/unexpected end/i);
	});
});
