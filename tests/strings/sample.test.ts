/**
 * The committed esbuild sample, read the way the site build reads it (the loader's own
 * functions), with expectations from zcat | grep -n run on the same dumps, not from our code.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { findSampleCases, parseSampleCase } from '../../src/loaders/reports.ts';
import { strings, type StringsSummary } from '../../src/parsers/strings/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = path.join(root, 'content/samples/strings');
const VERSIONS = ['0.16.4', '0.16.5', '0.18.7'];
const dump = (version: string) => path.join(dir, `esbuild-packages-flag.${version}.strings.gz`);

/** Line numbers of the dump lines holding `text`, from zcat | grep -n -F. */
function grepLines(version: string, text: string): number[] {
	const out = execFileSync('sh', ['-c', 'zcat "$1" | grep -n -F -e "$2" || true', 'sh', dump(version), text]).toString();
	return out.split('\n').filter(Boolean).map((line) => Number(line.split(':')[0]));
}

describe('content/samples/strings/esbuild-packages-flag', async () => {
	const { cases, problems } = await findSampleCases(root, [strings]);
	const sample = cases.find((c) => c.id === 'strings/esbuild-packages-flag')!;
	const parsed = await parseSampleCase(sample, root);
	const summary = parsed.result.summary as StringsSummary;

	test('is found by the loader with its three dumps and parses without problems', () => {
		expect(problems).toEqual([]);
		expect(sample.inputs.map((input) => path.basename(input))).toEqual(VERSIONS.map((v) => `esbuild-packages-flag.${v}.strings.gz`));
		expect(parsed.errors).toEqual([]);
		expect(parsed.result.unparsed.total).toBe(0);
	});

	test.each(VERSIONS)('the dump of %s has the sha256 its .md records', (version) => {
		const md = readFileSync(path.join(dir, 'esbuild-packages-flag.md'), 'utf8');
		const row = md.split('\n').find((line) => line.startsWith(`| \`@esbuild/linux-x64\` | ${version} |`))!;
		const sha = createHash('sha256').update(readFileSync(dump(version))).digest('hex');
		expect(row.trim().split('|').at(-2)!.trim()).toBe(`\`${sha}\``);
	});

	test.each(VERSIONS)('in %s, each pattern is found on the lines grep finds, first line first', (version) => {
		const file = summary.files.find((f) => f.version === version)!;
		expect(file).toMatchObject({ kind: 'dump', versionSource: 'file-name' });
		for (const [i, text] of ['--packages=', '--line-limit='].entries()) {
			const lines = grepLines(version, text);
			expect({ count: file.hits[i]!.count, line: file.hits[i]!.line }).toEqual({ count: lines.length, line: lines[0] ?? null });
		}
		const help = grepLines(version, 'Set to "external" to avoid bundling any package');
		expect(file.hits[2]!.line).toBe(help[0] ?? null);
	});

	test('says between which versions each flag appeared', () => {
		expect(parsed.view.findings.map((f: { title: string }) => f.title)).toEqual([
			'--packages=: first appears in 0.16.5 (absent from 0.16.4)',
			'--line-limit=: first appears in 0.18.7 (absent from 0.16.5)',
			'/--packages=\\.\\.\\. +Set to "\\w+"/: first appears in 0.16.5 (absent from 0.16.4)',
		]);
	});
});
