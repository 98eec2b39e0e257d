import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { findSampleCases, parseSampleCase, splitFrontmatter } from '../../src/loaders/reports.ts';
import { sumParser } from '../helpers/tally-parser.ts';

const good = `---
title: Two numbers
description: A sample.
captured: 2026-11-26
tool: seq 1 2
source: generated here
---
Made with \`seq\`.
`;

async function project(files: Record<string, string>): Promise<string> {
	const root = await mkdtemp(path.join(tmpdir(), 'fieldnotes-loader-'));
	for (const [name, text] of Object.entries(files)) {
		const file = path.join(root, 'content/samples', name);
		await mkdir(path.dirname(file), { recursive: true });
		await writeFile(file, text);
	}
	return root;
}

describe('reports loader', () => {
	test('finds a case from its .md and the inputs named <case>.*, in name order', async () => {
		const root = await project({ 'sum/two.md': good, 'sum/two.b.txt': '2\n', 'sum/two.a.txt': '1\n' });
		const { cases, problems } = await findSampleCases(root, [sumParser]);
		expect(problems).toEqual([]);
		expect(cases.map((c) => [c.id, c.inputs])).toEqual([['sum/two', ['content/samples/sum/two.a.txt', 'content/samples/sum/two.b.txt']]]);
		const { result, errors } = await parseSampleCase(cases[0]!, root);
		expect(errors).toEqual([]);
		expect(result.summary).toMatchObject({ sum: 3, files: ['content/samples/sum/two.a.txt', 'content/samples/sum/two.b.txt'] });
	});

	test('takes the inputs and their order from an inputs: list', async () => {
		const md = good.replace('source:', 'inputs: [z.txt, a.txt]\nsource:');
		const root = await project({ 'sum/pair.md': md, 'sum/z.txt': '5\n', 'sum/a.txt': '6\n' });
		const { cases, problems } = await findSampleCases(root, [sumParser]);
		expect(problems).toEqual([]);
		expect(cases[0]!.inputs).toEqual(['content/samples/sum/z.txt', 'content/samples/sum/a.txt']);
	});

	test('reports every problem at once: bad frontmatter, a missing input, an undescribed log', async () => {
		const root = await project({
			'sum/bad.md': '---\ntitle: ""\ncolour: red\n---\n',
			'sum/bad.txt': '1\n',
			'sum/lost.md': good.replace('source:', 'inputs: [gone.txt]\nsource:'),
			'sum/orphan.log': '1\n',
		});
		const { problems } = await findSampleCases(root, [sumParser]);
		expect(problems.join('\n')).toMatchInlineSnapshot(`
			"content/samples/sum/bad.md: invalid frontmatter
			  title: String must contain at least 1 character(s)
			  description: Required
			  captured: Invalid date
			  tool: Required
			  source: Required
			  (top): Unrecognized key(s) in object: 'colour'
			content/samples/sum/lost.md: input gone.txt does not exist
			content/samples/sum/orphan.log: sample has no <case>.md describing it"
		`);
	});

	test('turns error messages from the parser into build problems with file and line', async () => {
		const root = await project({ 'sum/err.md': good, 'sum/err.txt': '1\nERROR\n' });
		const { cases } = await findSampleCases(root, [sumParser]);
		const { errors } = await parseSampleCase(cases[0]!, root);
		expect(errors).toEqual(['content/samples/sum/err.txt:2: error sum/error-line an ERROR line']);
	});

	test('reads frontmatter and body apart', () => {
		expect(splitFrontmatter('---\na: 1\n---\nbody\n')).toEqual({ data: { a: 1 }, body: 'body\n' });
		expect(splitFrontmatter('no frontmatter')).toBeUndefined();
	});
});
