/** `fieldnotes strings` options: defaults, aliases of strings' own letters, and bad values. */
import { parseArgs } from 'node:util';
import { expect, test } from 'vitest';
import { UsageError } from '../../src/parsers/contract.ts';
import { readStringsOptions, strings } from '../../src/parsers/strings/index.ts';

test('defaults to strings -a: minimum length 4, 7-bit ASCII, no patterns, input by name', () => {
	expect(readStringsOptions({})).toEqual({ minLen: 4, encoding: 'ascii', patterns: [], input: 'auto' });
});

test('reads the command line, patterns in the order given, literal ones first', () => {
	const { values } = parseArgs({
		args: ['-n', '6', '--encoding', 'l', '--find=--packages=', '--find-regex', 'tcp-[a-z-]+', '--find', 'edns-udp-size'],
		options: strings.cli!.config,
		allowPositionals: true,
	});
	expect(readStringsOptions(values)).toEqual({
		minLen: 6,
		encoding: 'utf16le',
		input: 'auto',
		patterns: [
			{ source: '--packages=', regex: false },
			{ source: 'edns-udp-size', regex: false },
			{ source: 'tcp-[a-z-]+', regex: true },
		],
	});
});

test('reads sample frontmatter values: numbers and single strings', () => {
	expect(readStringsOptions({ 'min-len': 8, find: 'edns-udp-size', input: 'dump' })).toMatchObject({ minLen: 8, input: 'dump', patterns: [{ source: 'edns-udp-size', regex: false }] });
});

test.each([
	[{ 'min-len': '0' }, '--min-len expects a whole number ≥ 1, got "0"'],
	[{ 'min-len': 'four' }, '--min-len expects a whole number ≥ 1, got "four"'],
	[{ encoding: 'S' }, '--encoding expects ascii, utf16le or utf16be, got "S"'],
	[{ input: 'elf' }, '--input expects auto, binary or dump, got "elf"'],
	[{ find: [''] }, '--find expects a non-empty text'],
	[{ 'find-regex': ['tcp-[a-z'] }, '--find-regex "tcp-[a-z" is not a valid regular expression: Invalid regular expression: /tcp-[a-z/: Unterminated character class'],
])('rejects %o with a usage error', (values, message) => {
	expect(() => readStringsOptions(values)).toThrow(new UsageError(message));
});
