/**
 * Strings dumps read back: `strings -a` and `strings -a -t x` output of a real binary, plain and
 * gzip'd, give the probe the same answers as the binary itself.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { parseText } from '../../src/parsers/run.ts';
import { isDumpName, readStringsOptions, strings } from '../../src/parsers/strings/index.ts';
import { bytesInput, chunkedFile, firstDifference, runGnuStrings, runOurs } from './helpers.ts';

const PROBE = { find: ['GNU coreutils', '--color'], 'find-regex': ['LS_[A-Z]+', 'absent-[0-9]+'] };

async function write(name: string, data: Uint8Array): Promise<string> {
	const file = path.join(await mkdtemp(path.join(tmpdir(), 'fieldnotes-strings-')), name);
	await writeFile(file, data);
	return file;
}

describe('a dump of /usr/bin/ls', () => {
	test.each([
		['ls.strings', ['-a'], false],
		['ls.strings.gz', ['-a'], true],
		['ls-tx.strings', ['-a', '-t', 'x'], false],
		['ls-tx.strings.gz', ['-a', '-t', 'x'], true],
	] as const)('%s finds what the binary holds', async (name, args, gzip) => {
		const dump = runGnuStrings([...args, '/usr/bin/ls']);
		const file = await write(name, gzip ? gzipSync(dump) : dump);
		const fromDump = (await runOurs([chunkedFile(file)], PROBE)).result;
		const fromBinary = (await runOurs([chunkedFile('/usr/bin/ls')], PROBE)).result;
		const withOffsets = (args as readonly string[]).includes('-t');
		expect(fromDump.summary.files[0]).toMatchObject({ kind: 'dump', size: null, strings: fromBinary.summary.files[0]!.strings });
		fromDump.summary.files[0]!.hits.forEach((hit, i) => {
			const binaryHit = fromBinary.summary.files[0]!.hits[i]!;
			expect({ ...hit, line: null, offset: withOffsets ? hit.offset : binaryHit.offset }).toEqual(binaryHit);
			if (hit.count > 0) expect(hit.line).toBeGreaterThan(0);
		});
		expect(fromDump.unparsed.total).toBe(0);
		expect(fromDump.messages).toEqual([]);
	});

	test('lists a gzip\'d dump back exactly as strings -a printed it', async () => {
		const dump = runGnuStrings(['-a', '/usr/bin/ls']);
		const file = await write('ls.strings.gz', gzipSync(dump));
		expect(firstDifference((await runOurs([chunkedFile(file)])).stdout, dump)).toBeNull();
	});

	test('probes a dump through the line-fed sink too (the site loader path), in 1-byte chunks', async () => {
		const dump = runGnuStrings(['-a', '-t', 'x', '/usr/bin/ls']);
		const options = readStringsOptions(PROBE);
		const whole = parseText(strings, dump, options, 'ls.strings');
		const { result } = await runOurs([bytesInput('ls.strings', dump, 1)], PROBE);
		expect(whole.summary).toEqual(result.summary);
		expect(whole.summary.files[0]!.hits[0]!.offset).toBe(0x1bbf8);
	});

	test('ignores dump lines shorter than --min-len and says how many', async () => {
		const dump = runGnuStrings(['-a', '/usr/bin/ls']);
		const longer = runGnuStrings(['-a', '-n', '8', '/usr/bin/ls']);
		const { stdout, result } = await runOurs([bytesInput('ls.strings', dump, 4096)], { 'min-len': '8' });
		expect(firstDifference(stdout, longer)).toBeNull();
		expect(result.messages).toMatchObject([{ severity: 'info', code: 'strings/short-dump-lines' }]);
	});
});

test('tallies dump lines strings could not have printed, with their line numbers', () => {
	const text = 'first string\ncaf\u00e9 latte\n\nlast one\n';
	const result = parseText(strings, text, readStringsOptions({ find: ['one'] }), 'odd.strings');
	expect(result.unparsed.reasons['strings/not-a-string']).toEqual({
		count: 2,
		examples: [
			{ file: 'odd.strings', line: 2, text: 'caf\u00e9 latte' },
			{ file: 'odd.strings', line: 3, text: '' },
		],
	});
	expect(result.summary.files[0]!.hits[0]).toMatchObject({ count: 1, line: 4, offset: null });
});

test.each([
	['named.strings', 'auto', true],
	['named.strings.gz', 'auto', true],
	['named.strings.txt.gz', 'auto', true],
	['named', 'auto', false],
	['named.gz', 'auto', false],
	['named', 'dump', true],
	['named.strings', 'binary', false],
] as const)('%s with --input %s is a dump: %s', (name, mode, dump) => {
	expect(isDumpName(name, mode)).toBe(dump);
});
