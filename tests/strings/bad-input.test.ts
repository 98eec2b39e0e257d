/** Inputs that are not binaries, or not there: a clear message each, never an exception. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { formatMessage } from '../../src/cli/report-stderr.ts';
import { parseText } from '../../src/parsers/run.ts';
import { readStringsOptions, strings } from '../../src/parsers/strings/index.ts';
import { bytesInput, chunkedFile, runOurs } from './helpers.ts';

async function tempDir(): Promise<string> {
	return mkdtemp(path.join(tmpdir(), 'fieldnotes-strings-bad-'));
}

const PROBE = { find: ['edns-udp-size'] };

test('a directory is reported as one, and the next file is still read', async () => {
	const dir = await tempDir();
	const { stdout, result } = await runOurs([chunkedFile(dir), chunkedFile('/usr/bin/ls')], PROBE);
	expect(result.messages.map(formatMessage)).toEqual([`${dir}: error strings/unreadable is a directory, not a file`]);
	expect(result.summary.files.map((file) => file.kind)).toEqual(['unreadable', 'elf']);
	expect(stdout.toString().split('\n')[1]).toMatch(new RegExp(`^${dir} +\\? +- +-$`));
});

test('a missing file is reported as missing', async () => {
	const file = path.join(await tempDir(), 'named');
	const { result } = await runOurs([chunkedFile(file)], PROBE);
	expect(result.messages.map(formatMessage)).toEqual([`${file}: error strings/unreadable no such file`]);
});

test('a file the kernel refuses to read (/proc/self/mem at offset 0) is reported with the reason', async () => {
	const { result } = await runOurs([chunkedFile('/proc/self/mem')], PROBE);
	expect(result.messages).toMatchObject([{ file: '/proc/self/mem', severity: 'error', code: 'strings/unreadable' }]);
	expect(result.messages[0]!.reason).toMatch(/^cannot be read: EIO/);
});

test('a file without read permission is reported as such', async () => {
	// Running as root, chmod 000 does not stop reads; the error is the one open() gives a user.
	const denied = Object.assign(new Error("EACCES: permission denied, open 'named'"), { code: 'EACCES' });
	const input = { name: 'named', open: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(denied) }) }) };
	const { result } = await runOurs([input], PROBE);
	expect(result.messages.map(formatMessage)).toEqual(['named: error strings/unreadable cannot be read: permission denied']);
});

test('an empty file gives no strings and a warning', async () => {
	const file = path.join(await tempDir(), 'empty');
	await writeFile(file, '');
	const { stdout, result } = await runOurs([chunkedFile(file)]);
	expect(stdout.length).toBe(0);
	expect(result.summary.files[0]).toMatchObject({ kind: 'empty', size: 0, strings: 0 });
	expect(result.messages.map(formatMessage)).toEqual([`${file}: warning strings/empty-file the file is empty: no strings`]);
});

test('a text file that is not ELF is scanned like strings -a does, with a warning', async () => {
	const file = path.join(await tempDir(), 'named.conf');
	await writeFile(file, 'options {\n\tedns-udp-size 1232;\n};\n');
	const { stdout, result } = await runOurs([chunkedFile(file)], PROBE);
	expect(result.summary.files[0]).toMatchObject({ kind: 'text', hits: [{ count: 1, offset: 11, match: 'edns-udp-size' }] });
	expect(result.messages).toMatchObject([{ file, severity: 'warning', code: 'strings/not-elf' }]);
	expect(result.messages[0]!.reason).toContain('not an ELF binary');
	expect(stdout.toString()).toContain('found 0xb');
});

test('other binary data (a gzip file) is scanned, with a note naming its first bytes', async () => {
	const bytes = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, ...Buffer.from('edns-udp-size'));
	const { result } = await runOurs([bytesInput('named.gz', bytes)], PROBE);
	expect(result.summary.files[0]).toMatchObject({ kind: 'binary', hits: [{ count: 1, offset: 10 }] });
	expect(result.messages.map(formatMessage)).toEqual(['named.gz: info strings/not-elf not an ELF file (it starts with 1f 8b 08 00); scanned byte by byte, as strings -a does']);
});

test('a binary read as a dump is refused with one message, not thousands of unparsed lines', async () => {
	const { result } = await runOurs([chunkedFile('/usr/bin/ls')], { ...PROBE, input: 'dump' });
	expect(result.messages.map(formatMessage)).toEqual(['/usr/bin/ls:1: error strings/binary-as-dump this is binary data, not a strings dump (one string per line); give the binary itself, without --input dump']);
	expect(result.unparsed.total).toBe(0);
});

test('the line-fed sink refuses a binary the same way (a CLI without the byte hook)', async () => {
	const { readFileSync } = await import('node:fs');
	const result = parseText(strings, readFileSync('/usr/bin/ls'), readStringsOptions(PROBE), '/usr/bin/ls');
	expect(result.messages).toMatchObject([{ code: 'strings/binary-as-dump', line: 1 }]);
});

test('an empty dump and a directory named like a dump are reported', async () => {
	const dir = await tempDir();
	const empty = path.join(dir, 'empty.strings');
	await writeFile(empty, '');
	const folder = path.join(dir, 'folder.strings');
	await mkdir(folder);
	const { result } = await runOurs([chunkedFile(empty), chunkedFile(folder)], PROBE);
	expect(result.messages.map(formatMessage)).toEqual([
		`${empty}: warning strings/empty-file the dump is empty: no strings to probe`,
		`${folder}: error strings/unreadable is a directory, not a file`,
	]);
});

test('a truncated gzip dump is probed as far as it goes, with an error naming the line', async () => {
	const { gzipSync } = await import('node:zlib');
	const whole = gzipSync(Buffer.from('first string\nedns-udp-size yes\n'.repeat(2000)));
	const { result } = await runOurs([bytesInput('named.strings.gz', whole.subarray(0, whole.length - 40))], PROBE);
	expect(result.summary.files[0]).toMatchObject({ kind: 'dump', hits: [{ count: expect.any(Number), line: 2 }] });
	expect(result.messages).toMatchObject([{ file: 'named.strings.gz', severity: 'error', code: 'strings/read-error' }]);
	expect(result.messages[0]!.reason).toMatch(/^reading stopped early: /);
});
