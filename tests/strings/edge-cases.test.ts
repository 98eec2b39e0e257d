/**
 * Small byte sequences that exercise the rules of strings.c, each checked against GNU strings
 * run live on the same bytes (fed on stdin), whole and in 1-byte chunks.
 */
import { describe, expect, test } from 'vitest';
import { createStringScanner } from '../../src/parsers/strings/index.ts';
import { bytesInput, firstDifference, runGnuStrings, runOurs } from './helpers.ts';

const b = (...parts: (string | number[] | Uint8Array)[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));
const le = (text: string) => Buffer.from(text, 'utf16le');
const be = (text: string) => Buffer.from(text, 'utf16le').swap16();

const CASES: [string, Buffer][] = [
	['a string at the very end with no terminator', b([0], 'tail-string')],
	['tabs inside and around a string', b([0], '\tab\tcd\t', [0])],
	['a run of exactly the minimum length, and one shorter', b('abcd', [0], 'abc', [0])],
	['newline, carriage return and form feed end a string', b('line one\r\nline two\x0cthree\x0bfour')],
	['bytes above 0x7e end a string (UTF-8 is not printable)', b('caf\xc3\xa9 bar', [0xff], 'quux', [0x80])],
	['DEL (0x7f) ends a string', b('abcd\x7fefgh')],
	['an empty input', b()],
	['only non-printable bytes', b([0, 1, 2, 0xff, 0x80, 10, 13])],
];

const WIDE: [string, Buffer][] = [
	['UTF-16LE text with a NUL terminator', b([0x41], le('wide string'), [0, 0], le('x'))],
	['UTF-16LE at an odd offset after a stray byte', b([0x99], le('odd offset'), [0xff, 0xff], le('next'))],
	['UTF-16BE text at odd and even offsets', b([0], be('big endian'), [7], be('more'))],
	['a 16-bit run cut by a character above 0xff', b(le('abcd'), [0x41, 0x01], le('efgh'))],
	['an odd trailing byte', b(le('trail'), [0x41])],
];

describe.each([
	['-a', {}, ['-a']],
	['-a -n 1', { 'min-len': '1' }, ['-a', '-n', '1']],
	['-a -n 5', { 'min-len': '5' }, ['-a', '-n', '5']],
] as const)('strings %s', (_name, values, args) => {
	test.each(CASES)('%s: same output as strings', async (_case, bytes) => {
		const theirs = runGnuStrings([...args], bytes);
		for (const size of [bytes.length || 1, 1]) {
			const { stdout } = await runOurs([bytesInput('-', bytes, size)], values);
			expect(firstDifference(stdout, theirs)).toBeNull();
		}
	});
});

describe.each([
	['-e l', { encoding: 'utf16le' }, ['-a', '-e', 'l']],
	['-e b', { encoding: 'utf16be' }, ['-a', '-e', 'b']],
	['-e l -n 2', { encoding: 'utf16le', 'min-len': '2' }, ['-a', '-e', 'l', '-n', '2']],
] as const)('strings %s', (_name, values, args) => {
	test.each([...WIDE, ...CASES])('%s: same output as strings', async (_case, bytes) => {
		const theirs = runGnuStrings([...args], bytes);
		for (const size of [bytes.length || 1, 1, 3]) {
			const { stdout } = await runOurs([bytesInput('-', bytes, size)], values);
			expect(firstDifference(stdout, theirs)).toBeNull();
		}
	});
});

test('reports the offsets strings -t d prints', () => {
	const bytes = b([0, 0], 'first', [0xff], '\tsecond', [0], 'x', [0], 'third-at-end');
	const theirs = runGnuStrings(['-a', '-t', 'd'], bytes).toString('latin1');
	const ours: string[] = [];
	const scanner = createStringScanner(4, 'ascii', (text, offset) => ours.push(`${String(offset).padStart(7)} ${text}\n`));
	for (const byte of bytes) scanner.push(Uint8Array.of(byte));
	scanner.end();
	expect(ours.join('')).toBe(theirs);
});

test('reports 16-bit offsets as strings -e l -t d does, odd ones included', () => {
	const bytes = b([0x99], le('odd offset'), [0xff, 0xff, 0xff], le('next one'));
	const theirs = runGnuStrings(['-a', '-e', 'l', '-t', 'd'], bytes).toString('latin1');
	const ours: string[] = [];
	const scanner = createStringScanner(4, 'utf16le', (text, offset) => ours.push(`${String(offset).padStart(7)} ${text}\n`));
	scanner.push(bytes);
	scanner.end();
	expect(ours.join('')).toBe(theirs);
});

test('refuses a minimum length below 1', () => {
	expect(() => createStringScanner(0, 'ascii', () => {})).toThrow(RangeError);
});

describe('a run longer than the longest piece held at once', () => {
	const run = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(3);
	const bytes = b([0], 'head', [0], run, [0], 'tail');
	test.each([
		['ascii', ['-a', '-t', 'd'], bytes],
		['utf16le', ['-a', '-e', 'l', '-t', 'd'], b(le('head'), [0, 0], le(run), [0, 0], le('tail'))],
	] as const)('%s: comes in pieces that join into what strings -t d prints', (encoding, args, input) => {
		const theirs = runGnuStrings([...args], input).toString('latin1');
		for (const maxRun of [5, 10, 108, 1000]) {
			for (const chunk of [1, 7, input.length]) {
				const lines: string[] = [];
				let open: { offset: number; text: string } | null = null;
				const scanner = createStringScanner(4, encoding, (text, offset, more) => {
					open = open === null ? { offset, text } : { offset: open.offset, text: open.text + text };
					if (!more) {
						lines.push(`${String(open.offset).padStart(7)} ${open.text}\n`);
						open = null;
					}
				}, maxRun);
				for (let i = 0; i < input.length; i += chunk) scanner.push(input.subarray(i, i + chunk));
				scanner.end();
				expect(lines.join(''), `maxRun ${maxRun}, chunks of ${chunk}`).toBe(theirs);
			}
		}
	});
});
