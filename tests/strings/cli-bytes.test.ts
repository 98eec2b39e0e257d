/**
 * `fieldnotes strings` on binaries through the real CLI entry. Needs the `readInputs` hook in
 * `contract.ts`, `run.ts` and `src/cli/main.ts`; until then this file is `cli-bytes.pending.ts`,
 * outside the test run (rename it to `cli-bytes.test.ts` with the hook).
 */
import { expect, test } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { strings } from '../../src/parsers/strings/index.ts';
import { firstDifference, runGnuStrings } from './helpers.ts';

async function run(argv: string[]) {
	const out: string[] = [];
	let stderr = '';
	const status = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => (stderr += t) }, [strings]);
	return { status, stdout: Buffer.from(out.join(''), 'latin1'), stderr, writes: out.length };
}

test.each([
	[['/usr/bin/ls'], ['-a', '/usr/bin/ls']],
	[['-n', '6', '/bin/bash', '/usr/bin/ls'], ['-a', '-n', '6', '/bin/bash', '/usr/bin/ls']],
	[['--encoding', 'utf16le', '/bin/bash'], ['-a', '-e', 'l', '/bin/bash']],
	[['-e', 'utf16be', '/bin/bash'], ['-a', '-e', 'b', '/bin/bash']],
])('fieldnotes strings %j prints what strings %j prints, and exits 0', async (ours, theirs) => {
	const { status, stdout, stderr } = await run(['strings', ...ours]);
	expect(firstDifference(stdout, runGnuStrings(theirs))).toBeNull();
	expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
});

test('writes the strings of a large binary as it reads, in blocks, not in one piece at the end', async () => {
	const { stdout, writes } = await run(['strings', '/bin/bash']);
	expect(writes).toBeGreaterThan(stdout.length / 70_000);
});

test('probes binaries and dumps together, and exits 1 naming what it could not read', async () => {
	const dump = 'content/samples/strings/esbuild-packages-flag.0.16.5.strings.gz';
	const { status, stdout, stderr } = await run(['strings', '--find=GNU coreutils', '/usr/bin/ls', dump, '/nonexistent', '/tmp']);
	expect(status).toBe(1);
	const rows = stdout.toString().split('\n');
	expect(rows[1]).toMatch(/^\/usr\/bin\/ls +\? +\d+ +found 0x[0-9a-f]+$/);
	expect(rows[2]).toMatch(/^content\/samples\/strings\/esbuild-packages-flag\.0\.16\.5\.strings\.gz +0\.16\.5 \(file name\) +dump +not found$/);
	expect(stderr).toBe('/nonexistent: error strings/unreadable no such file\n/tmp: error strings/unreadable is a directory, not a file\n');
});
