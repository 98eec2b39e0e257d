/**
 * `--find` / `--find-regex` on real ELF files: where each pattern first occurs, checked against
 * `strings -a -t x` run live; versions and build ids checked against `readelf -n` (binutils).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createVersionSniffer, programName, versionFromPath } from '../../src/parsers/strings/index.ts';
import { chunkedFile, runGnuStrings, runOurs } from './helpers.ts';

/** Every `strings -a -t x` line as { offset, text }. */
function gnuStringsWithOffsets(file: string, args: string[] = []): { offset: number; text: string }[] {
	return runGnuStrings(['-a', '-t', 'x', ...args, file])
		.toString('latin1')
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const found = /^ *([0-9a-f]+) ([\s\S]*)$/.exec(line)!;
			return { offset: Number.parseInt(found[1]!, 16), text: found[2]! };
		});
}

/** What the probe should say for a pattern, computed from the reference tool's output. */
function expectedHit(file: string, test: (text: string) => RegExpExecArray | null, args: string[] = [], width = 1) {
	const all = gnuStringsWithOffsets(file, args);
	const matching = all.filter((entry) => test(entry.text) !== null);
	const first = matching[0];
	if (!first) return { count: 0, offset: null, match: null };
	const found = test(first.text)!;
	return { count: matching.length, offset: first.offset + found.index * width, match: found[0] };
}

const literal = (text: string) => (s: string) => {
	const index = s.indexOf(text);
	return index < 0 ? null : Object.assign([text], { index, input: s }) as unknown as RegExpExecArray;
};

describe('on /usr/bin/ls', () => {
	test.each([
		['--find', 'GNU coreutils'],
		['--find', '--color'],
		['--find', 'no such text anywhere 1234'],
		['--find-regex', 'LS_[A-Z]+'],
		['--find-regex', 'tcp-[a-z-]+'],
	])('%s %s: first offset, match and count agree with strings -a -t x', async (flag, pattern) => {
		const values = flag === '--find' ? { find: [pattern] } : { 'find-regex': [pattern] };
		const { result } = await runOurs([chunkedFile('/usr/bin/ls')], values);
		const hit = result.summary.files[0]!.hits[0]!;
		const test = flag === '--find' ? literal(pattern) : (s: string) => new RegExp(pattern).exec(s);
		expect({ count: hit.count, offset: hit.offset, match: hit.match }).toEqual(expectedHit('/usr/bin/ls', test));
		if (hit.count > 0) expect(hit.string).toContain(hit.match);
	});

	test('prints a table with one row per binary and the first matches below it', async () => {
		const { stdout } = await runOurs([chunkedFile('/usr/bin/ls'), chunkedFile('/bin/bash')], { find: ['GNU coreutils'], 'find-regex': ['tcp-[a-z-]+'] });
		const lines = stdout.toString().split('\n');
		expect(lines[0]).toMatch(/^FILE +VERSION +SIZE +GNU coreutils +\/tcp-\[a-z-\]\+\/$/);
		expect(lines[1]).toMatch(new RegExp(`^/usr/bin/ls +\\S.* +${statSync('/usr/bin/ls').size} +found 0x1bbf8 +not found$`));
		expect(lines[2]).toMatch(/^\/bin\/bash .* not found +not found$/);
		expect(lines).toContain('/usr/bin/ls: GNU coreutils at 0x1bbf8 (1 string): GNU coreutils');
	});

	test('reads the GNU build id from the ELF note, as readelf -n shows it', async () => {
		const readelf = execFileSync('readelf', ['-n', '/usr/bin/ls']).toString();
		const { result } = await runOurs([chunkedFile('/usr/bin/ls')], { find: ['x'] });
		expect(result.summary.files[0]!.buildId).toBe(/Build ID: ([0-9a-f]+)/.exec(readelf)![1]);
	});
});

test('offsets of 16-bit matches count two bytes per character (bash, -e l)', async () => {
	const { result } = await runOurs([chunkedFile('/bin/bash')], { encoding: 'utf16le', 'find-regex': ['[0-9]{4}'] });
	const hit = result.summary.files[0]!.hits[0]!;
	const expected = expectedHit('/bin/bash', (s) => /[0-9]{4}/.exec(s), ['-e', 'l'], 2);
	expect(expected.count).toBeGreaterThan(0);
	expect({ count: hit.count, offset: hit.offset, match: hit.match }).toEqual(expected);
});

test('takes the version from the FDO packaging-metadata ELF note (systemd helper, as readelf -n shows)', async () => {
	// systemd's helpers carry the note on Debian 12 (udev, systemd packages).
	const candidates = ['/usr/lib/udev/fido_id', '/usr/lib/udev/scsi_id', '/usr/lib/systemd/systemd', '/usr/bin/systemctl'];
	const file = candidates.find((path) => existsSync(path) && /Packaging Metadata/.test(execFileSync('readelf', ['-n', path]).toString()));
	expect(file, `a binary with an FDO packaging note, one of ${candidates.join(', ')} (apt-get install udev)`).toBeDefined();
	const note = /Packaging Metadata: (\{.*\})/.exec(execFileSync('readelf', ['-n', file!]).toString());
	const { result } = await runOurs([chunkedFile(file!)], { find: ['x'] });
	expect(result.summary.files[0]).toMatchObject({ version: JSON.parse(note![1]!).version, versionSource: 'elf-note' });
});

test('takes the version from a --version-like string naming the program (curl/7.88.1)', async () => {
	const printed = execFileSync('curl', ['--version']).toString();
	const { result } = await runOurs([chunkedFile('/usr/bin/curl')], { find: ['x'] });
	expect(result.summary.files[0]).toMatchObject({ version: /^curl (\S+)/.exec(printed)![1], versionSource: 'string' });
});

test.each([
	['content/samples/strings/esbuild-0.16.5.strings.gz', '0.16.5', 'esbuild'],
	['/tmp/pkgs/0.16.5/package/bin/esbuild', '0.16.5', 'esbuild'],
	['rhel4/bind-9.2.4-22/named', '9.2.4-22', 'named'],
	['named-9.3.4-P1', '9.3.4-P1', 'named'],
	['/usr/bin/ls', null, 'ls'],
	['content/samples/strings/esbuild-packages-flag.0.16.5.strings.gz', '0.16.5', 'esbuild-packages-flag'],
])('finds the version in the path %s', (file, version, name) => {
	expect(versionFromPath(file)).toBe(version);
	expect(programName(file)).toBe(name);
});

test.each([
	['named', ['named 9.2.4'], '9.2.4'],
	['esbuild', ['esbuild v0.16.5'], '0.16.5'],
	['named', ['BIND 9', 'named version: 9.3.4-P1 (extended)'], '9.3.4-P1'],
	['node', ['    // Compat. Before node v10.12.0 stdio used to throw an error so'], null],
	['tar', ['GNU tar 1.13.x format'], null],
	['tar', ['tar 1.13.x format'], null],
])('a string starting with the program name gives %s its version: %j', (file, texts, version) => {
	const sniffer = createVersionSniffer(file);
	for (const text of texts) sniffer.add(text);
	expect(sniffer.result(null)).toEqual(version === null ? null : { version, source: 'string' });
});
