/**
 * Goldens from Debian's pflogsumm 1.1.5 (tests/fixtures/postfix/<case>/, made by the capture
 * rig's refresh script with the clock pinned): our report must equal each one line for line,
 * except rows pflogsumm leaves in Perl hash order (see tied-rows.ts).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describe, expect, test } from 'vitest';
import { normalizePostfixArgs, postfix, type PostfixOptions, type PostfixSummary } from '../../src/parsers/postfix/index.ts';
import { fileInput, runParser } from '../../src/parsers/run.ts';
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

function readOptions(args: string[], now: string): PostfixOptions {
	const { values } = parseArgs({ args: normalizePostfixArgs(args), options: postfix.cli!.config, allowPositionals: true, strict: true });
	return postfix.cli!.read({ ...values, now });
}

test('finds the golden cases', () => {
	expect(cases.length).toBeGreaterThan(0);
});

describe.each(cases)('%s', (name) => {
	const goldens = JSON.parse(readFileSync(`${fixtures}${name}/goldens.json`, 'utf8')) as Golden[];
	test.each(goldens.map((golden) => [golden.file, golden.args.join(' '), golden] as const))(
		'%s (pflogsumm %s) matches line for line',
		async (_file, _args, golden) => {
			const options = readOptions(golden.args, golden.now);
			const inputs = (Array.isArray(golden.input) ? golden.input : [golden.input]).map((path: string) => fileInput(`${root}${path}`));
			const result = await runParser<PostfixSummary, PostfixOptions>(postfix, inputs, options);
			const actual = postfix.renderText(result, options);
			const expected = readFileSync(`${fixtures}${name}/${golden.file}`, 'utf8');
			const mismatch = compareReports(expected, actual);
			if (KNOWN_DIFFERENCES[`${name}/${golden.file}`]) expect(mismatch).not.toBeNull();
			else expect(mismatch, mismatch ? `line ${mismatch.line}:\n- ${mismatch.expected.join('\n- ')}\n+ ${mismatch.actual.join('\n+ ')}` : '').toBeNull();
		},
	);
});
