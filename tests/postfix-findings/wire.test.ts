/**
 * The findings composed with the real Postfix parser the way the spec will compose them: the
 * summary sink and the collector see the same lines, the findings ride in the summary, merge
 * with it, and reach the report page, the JSON and `--check`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { ParserSpec } from '../../src/parsers/contract.ts';
import {
	createPostfixSink,
	mergePostfixSummary,
	postfix,
	type PostfixOptions,
	type PostfixSummary,
} from '../../src/parsers/postfix/index.ts';
import {
	mergeWithFindings,
	postfixFindingViews,
	readPostfixCheckConfigFile,
	readPostfixCheckConfigFileSync,
	renderPostfixFindingsJson,
	renderPostfixFindingsText,
	runPostfixCheck,
	withPostfixFindings,
	type WithFindings,
} from '../../src/parsers/postfix/findings/index.ts';
import { fileInput, runParser } from '../../src/parsers/run.ts';
import { plain, readLines, stateOf } from './collect.ts';

const composed: ParserSpec<WithFindings<PostfixSummary>, PostfixOptions> = {
	...postfix,
	createSink: (context, options) =>
		withPostfixFindings(createPostfixSink(context, options), context),
	merge: mergeWithFindings(mergePostfixSummary),
};
const sample = (name: string) =>
	new URL(`../../content/samples/postfix/${name}`, import.meta.url).pathname;

describe('the Postfix parser with findings', () => {
	test('keeps the pflogsumm summary exactly as the parser alone makes it', async () => {
		const summaryOnly = { ...postfix, createSink: createPostfixSink, merge: mergePostfixSummary };
		const alone = await runParser(summaryOnly, [fileInput(sample('relay-week.log.gz'))]);
		const both = await runParser(composed, [fileInput(sample('relay-week.log.gz'))]);
		const { findings, extras, ...summary } = both.summary;
		expect(plain(summary)).toEqual(plain(alone.summary));
		expect(findings?.lines).toBe(1327);
		expect(extras?.lines).toBe(1327);
	});

	test('lends the collector the headers it read: the findings are the collector’s alone', async () => {
		const week = readLines(new URL('../../content/samples/postfix/relay-week.log.gz', import.meta.url));
		// The same lines with RFC 3339 headers, and with Solaris' `[ID n mail.info]` tag (the
		// parser reads those after removing the tag, so the collector reads them itself).
		const rfc3339 = week.map((l) => l.replace(/^Jun (\d\d) /, '2026-06-$1T').replace(/^Jul  ?(\d\d?) /, (_m, d: string) => `2026-07-${d.padStart(2, '0')}T`));
		const solaris = week.map((l) => l.replace(/\]: /, ']: [ID 197553 mail.info] '));
		for (const lines of [week, rfc3339, solaris]) {
			const sink = withPostfixFindings(createPostfixSink({ file: 'log' }), { file: 'log' });
			lines.forEach((text, i) => sink.line(text, i + 1));
			expect(plain(sink.end().summary.findings)).toEqual(plain(stateOf(lines, 'log')));
		}
		expect(rfc3339[0]).toMatch(/^2026-06-28T09:12:00 mx1 /);
	});

	test('gives the report page its findings with guide links', async () => {
		const { summary } = await runParser(composed, [fileInput(sample('relay-week.log.gz'))]);
		const views = postfixFindingViews(summary.findings);
		expect(views.map((v) => v.code)).toEqual([
			'postfix/non-smtp-command',
			'postfix/command-pipelining',
			'postfix/relay-probe',
			'postfix/deferral-rate',
			'postfix/expired',
			'postfix/mail-inactivity',
			'postfix/stale-map',
		]);
		expect(views[0]).toMatchObject({
			severity: 'warning',
			count: 1,
			explain: 'guides/relay-health/#exploit-attempts',
		});
	});

	test('evidence names the input file given on the command line', async () => {
		const { summary } = await runParser(composed, [fileInput(sample('relay-week.log.gz'))]);
		const json = renderPostfixFindingsJson(summary.findings);
		expect(json.findings[0]!.evidence[0]).toMatchObject({
			file: sample('relay-week.log.gz'),
			line: 682,
		});
	});

	test('merges two relays’ summaries with their findings (a fleet)', async () => {
		const week = (await runParser(composed, [fileInput(sample('relay-week.log.gz'))])).summary;
		const attack = (await runParser(composed, [fileInput(sample('abuse-day.log.gz'))])).summary;
		const fleet = composed.merge(week, attack);
		const codes = postfixFindingViews(fleet.findings).map((v) => [v.code, v.count]);
		expect(codes).toContainEqual(['postfix/expired', 67]);
		expect(codes).toContainEqual(['postfix/sasl-brute-force', 40]);
		expect(fleet.received).toBe(week.received + attack.received);
	});

	test('merging summaries without findings adds none (merge(empty, s) equals s)', () => {
		const empty = composed.empty();
		expect(composed.merge(empty, empty)).toEqual(empty);
	});

	test('a healthy log prints no findings block', async () => {
		const { summary } = await runParser(composed, [fileInput(sample('clean-day.log.gz'))]);
		expect(renderPostfixFindingsText(summary.findings)).toBe('');
	});

	test('the text block starts with a headline and one entry per finding', async () => {
		const { summary } = await runParser(composed, [fileInput(sample('abuse-day.log.gz'))]);
		const text = renderPostfixFindingsText(summary.findings);
		expect(text.split('\n').slice(0, 3)).toEqual([
			'Findings (9)',
			'------------',
			'warning postfix/sender-burst (2): A sender sent far more than usual in an hour',
		]);
	});
});

describe('the registered postfix parser', () => {
	test('carries the findings in its summary, report page and JSON', async () => {
		const result = await runParser(postfix, [fileInput(sample('relay-week.log.gz'))]);
		expect(result.summary.findings?.lines).toBe(1327);
		const view = postfix.renderView(result);
		expect(view.findings.map((f) => f.code).slice(0, 2)).toEqual([
			'postfix/non-smtp-command',
			'postfix/command-pipelining',
		]);
		const json = postfix.renderJson!(result) as {
			findings: { code: string }[];
			findingsState: unknown;
		};
		expect(json.findings).toHaveLength(7);
		expect(json.findingsState).toEqual(result.summary.findings);
	});

	test('gives no findings for the healthy sample', async () => {
		const result = await runParser(postfix, [fileInput(sample('clean-day.log.gz'))]);
		expect(postfix.renderView(result).findings).toEqual([]);
	});
});

describe('--check from a finished run', () => {
	test.each([
		['clean-day.log.gz', 'OK', 0],
		['relay-week.log.gz', 'WARNING', 1],
		['abuse-day.log.gz', 'CRITICAL', 2],
	])('%s is %s (exit %i)', async (name, status, exitCode) => {
		const { summary } = await runParser(composed, [fileInput(sample(name))]);
		const check = runPostfixCheck(
			summary.findings,
			await readPostfixCheckConfigFile(undefined, async () => ''),
		);
		expect([check.status, check.exitCode]).toEqual([status, exitCode]);
	});

	test('a config file that cannot be read is a usage error naming it', async () => {
		await expect(
			readPostfixCheckConfigFile('/nonexistent/check.json', (p) =>
				Promise.resolve(readFileSync(p, 'utf8')),
			),
		).rejects.toThrow(/^\/nonexistent\/check\.json: cannot read config: ENOENT/);
	});

	test('the synchronous reader gives the same config and the same errors', () => {
		const json = '{"thresholds": {"postfix/expired": {"warning": 5}}}';
		expect(
			readPostfixCheckConfigFileSync('c.json', () => json).thresholds['postfix/expired'],
		).toEqual({
			warning: 5,
		});
		expect(() => readPostfixCheckConfigFileSync('c.json', () => '[')).toThrow(
			/^c\.json: not JSON: /,
		);
	});

	test('a bad config file is UNKNOWN, exit 3', async () => {
		let error: Error | undefined;
		try {
			await readPostfixCheckConfigFile('check.json', async () => '{"thresholds": []}');
		} catch (caught) {
			error = caught as Error;
		}
		const check = runPostfixCheck(undefined, error!);
		expect([check.status, check.exitCode]).toEqual(['UNKNOWN', 3]);
		expect(check.text).toBe(
			'POSTFIX UNKNOWN - check.json: invalid postfix check config: thresholds: expected an object, got []\n',
		);
	});
});
