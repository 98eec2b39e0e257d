/**
 * Byte-for-byte comparison with GNU strings (binutils) run live on ELF files of this machine.
 * Missing binutils fails the test with the install hint; it never skips.
 */
import { readFileSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { bytesInput, chunkedFile, firstDifference, gnuStringsVersion, runGnuStrings, runOurs } from './helpers.ts';

/** Real ELF files of different sizes: small, ~1 MB, ~100 MB (node). */
const FILES = ['/usr/bin/ls', '/bin/bash', '/usr/bin/node'];

/** Our option values beside the `strings` arguments that mean the same. */
const MODES: [string, Record<string, unknown>, string[]][] = [
	['-a', {}, ['-a']],
	['-a -n 6', { 'min-len': '6' }, ['-a', '-n', '6']],
	['-a -n 1', { 'min-len': '1' }, ['-a', '-n', '1']],
	['-a -e l', { encoding: 'utf16le' }, ['-a', '-e', 'l']],
	['-a -e b', { encoding: 'utf16be' }, ['-a', '-e', 'b']],
];

beforeAll(() => {
	expect(gnuStringsVersion()).toMatch(/^GNU strings/);
	for (const file of FILES) expect(statSync(file).isFile(), `${file} exists`).toBe(true);
});

describe.each(FILES)('%s', (file) => {
	test.each(MODES)('prints what strings %s prints, byte for byte', async (_name, values, args) => {
		const theirs = runGnuStrings([...args, file]);
		const { stdout, result } = await runOurs([chunkedFile(file)], values);
		expect(firstDifference(stdout, theirs)).toBeNull();
		expect(result.summary.files[0]).toMatchObject({ kind: 'elf', size: statSync(file).size });
		expect(result.messages).toEqual([]);
	}, 120_000);
});

describe('chunk boundaries', () => {
	const bytes = readFileSync('/bin/bash');
	test.each([[1], [2], [7], [4093]])('joins strings cut by %i-byte chunks (bash; -a, -e l, -e b)', async (size) => {
		const modes = [[{}, ['-a']], [{ encoding: 'utf16le' }, ['-a', '-e', 'l']], [{ encoding: 'utf16be' }, ['-a', '-e', 'b']]] as const;
		for (const [values, args] of modes) {
			const theirs = runGnuStrings([...args, '/bin/bash']);
			const { stdout } = await runOurs([bytesInput('/bin/bash', bytes, size)], values);
			expect(firstDifference(stdout, theirs)).toBeNull();
		}
	}, 60_000);
});

test('prints several files one after the other, as strings -a ls bash does', async () => {
	const theirs = runGnuStrings(['-a', '/usr/bin/ls', '/bin/bash']);
	const { stdout } = await runOurs([chunkedFile('/usr/bin/ls'), chunkedFile('/bin/bash')]);
	expect(firstDifference(stdout, theirs)).toBeNull();
});
