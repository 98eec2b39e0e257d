/**
 * Goldens from Debian's pflogsumm 1.1.5 (tests/fixtures/postfix/<case>/, made by the capture
 * rig's refresh script with the clock pinned): `fieldnotes postfix` with the same options must
 * print each one line for line,
 * except rows pflogsumm leaves in Perl hash order (see tied-rows.ts).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { compareReports } from './tied-rows.ts';

interface Golden {
	file: string;
	args: string[];
	now: string;
	input: string;
}

const root = new URL('../../', import.meta.url).pathname;
const fixtures = new URL('../fixtures/postfix/', import.meta.url).pathname;
const cases = readdirSync(fixtures, { withFileTypes: true })
	.filter((entry) => entry.isDirectory() && existsSync(`${fixtures}${entry.name}/goldens.json`))
	.map((entry) => entry.name)
	.sort();

/**
 * Where we differ from pflogsumm on purpose: `<case>/<golden file>` → reason and evidence. None
 * of the goldens needs one today. Differences no golden shows (see src/parsers/postfix/index.ts):
 * a queue id is forgotten after `removed` (pflogsumm keeps every id, which only matters when an
 * id is reused); a CR before LF is dropped by the line splitter (pflogsumm keeps it in texts);
 * reasons are cut at 64/66 UTF-16 units, not bytes, when they hold non-ASCII text.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {};

/** Runs the real CLI, as `fieldnotes postfix --now … <args> <input>`; returns stdout. */
async function report(args: string[], now: string, inputs: string[]): Promise<string> {
	const { status, stdout } = await runCli(['postfix', '--quiet', '--now', now, ...args, ...inputs]);
	expect(status).toBe(0);
	return stdout;
}

test('finds the golden cases', () => {
	expect(cases.length).toBeGreaterThan(0);
});

describe.each(cases)('%s', (name) => {
	const goldens = JSON.parse(readFileSync(`${fixtures}${name}/goldens.json`, 'utf8')) as Golden[];
	test.each(goldens.map((golden) => [golden.file, golden.args.join(' '), golden] as const))(
		'%s (pflogsumm %s) matches line for line',
		async (_file, _args, golden) => {
			const inputs = (Array.isArray(golden.input) ? golden.input : [golden.input]).map((path: string) => `${root}${path}`);
			const actual = await report(golden.args, golden.now, inputs);
			const expected = readFileSync(`${fixtures}${name}/${golden.file}`, 'utf8');
			const mismatch = compareReports(expected, actual);
			if (KNOWN_DIFFERENCES[`${name}/${golden.file}`]) expect(mismatch).not.toBeNull();
			else expect(mismatch, mismatch ? `line ${mismatch.line}:\n- ${mismatch.expected.join('\n- ')}\n+ ${mismatch.actual.join('\n+ ')}` : '').toBeNull();
		},
	);
});
