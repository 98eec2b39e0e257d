/**
 * The Postfix report page model, checked against Debian pflogsumm 1.1.5's own report of the same
 * sample (tests/fixtures/postfix/<case>/default.txt): Grand Totals first, the per-day and
 * per-hour traffic as five-series charts above their tables, then every section as a table.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { ReportSection } from '../../src/parsers/contract.ts';
import { postfix, renderPostfixMarkdown, type PostfixOptions, type PostfixSummary } from '../../src/parsers/postfix/index.ts';
import { listChartDays } from '../../src/parsers/postfix/render-view-traffic.ts';
import { fileInput, parseText, runParser } from '../../src/parsers/run.ts';

const SERIES = ['received', 'delivered', 'deferred', 'bounced', 'rejected'];

async function viewOf(name: string) {
	const sample = new URL(`../../content/samples/postfix/${name}.log.gz`, import.meta.url).pathname;
	const result = await runParser<PostfixSummary, PostfixOptions>(postfix, [fileInput(sample)], undefined);
	return postfix.renderView(result);
}

/** The rows of one section of pflogsumm's report: the lines after its heading's rules. */
function goldenSection(name: string, heading: string): string[] {
	const text = readFileSync(new URL(`../fixtures/postfix/${name}/default.txt`, import.meta.url), 'utf8');
	const lines = text.split('\n');
	let at = lines.indexOf(heading);
	expect(at, `${heading} in ${name}/default.txt`).toBeGreaterThan(-1);
	at += 2;
	while (lines[at] === '' || /^\s*(date|time|messages)\b|^\s*-+$/.test(lines[at]!)) at++;
	const rows: string[] = [];
	for (; at < lines.length && lines[at]!.trim() !== ''; at++) rows.push(lines[at]!);
	return rows;
}

/** pflogsumm's Grand Totals as label → the number as printed (`2840k`), in its order. */
function goldenTotals(name: string): Map<string, string> {
	const totals = new Map<string, string>();
	const text = readFileSync(new URL(`../fixtures/postfix/${name}/default.txt`, import.meta.url), 'utf8');
	const block = text.slice(text.indexOf('Grand Totals'), text.indexOf('\n\n\n', text.indexOf('Grand Totals')));
	for (const match of block.matchAll(/^ +(\d+)([km ]) +(.+?)(?: +\((\d+) +deferrals\))?$/gm)) {
		totals.set(match[3]!, `${match[1]}${match[2]!.trim()}`);
		if (match[4]) totals.set('deferrals', match[4]);
	}
	return totals;
}

/** Our number as pflogsumm prints it: `adj_int_units` (k over 512 KiB, m over 512 MiB). */
function pflogsummUnits(value: number): string {
	if (value > 536870912) return `${Math.trunc(value / 1048576)}m`;
	if (value > 524288) return `${Math.trunc(value / 1024)}k`;
	return String(value);
}

const section = (sections: ReportSection[], id: string) => sections.find((one) => one.id === id)!;

describe('relay-week (nine days, Jul 4 without lines)', async () => {
	const view = await viewOf('relay-week');

	test('Grand Totals come first and say what pflogsumm says, labels and numbers', () => {
		const golden = goldenTotals('relay-week');
		expect(view.totals.map((total) => total.label)).toEqual([...golden.keys()]);
		for (const total of view.totals) expect(pflogsummUnits(Number(total.value)), total.label).toBe(golden.get(total.label));
	});

	test('the traffic sections come first, then every other section as a table', () => {
		const ids = view.sections.map((one) => one.id);
		expect(ids.slice(0, 2)).toEqual(['per-day-traffic', 'per-hour-traffic']);
		expect(ids).toEqual(expect.arrayContaining(['delivery-domains', 'rejects', 'deferrals', 'bounces', 'warnings']));
		expect(new Set(ids).size).toBe(ids.length);
		for (const one of view.sections) expect(one.table, one.id).toBeDefined();
		expect(view.sections.slice(2).filter((one) => one.chart)).toEqual([]);
	});

	test('the per-day chart has the five series over every calendar day, numbers as pflogsumm prints them', () => {
		const chart = section(view.sections, 'per-day-traffic').chart!;
		expect(chart.series?.map((one) => one.name)).toEqual(SERIES);
		const labels = ['Jun 28', 'Jun 29', 'Jun 30', 'Jul 1', 'Jul 2', 'Jul 3', 'Jul 4', 'Jul 5', 'Jul 6'];
		expect(chart.bars.map((bar) => bar.label)).toEqual(labels);
		const golden = new Map(
			goldenSection('relay-week', 'Per-Day Traffic Summary').map((row) => {
				const [month, day, , ...counts] = row.trim().split(/\s+/);
				return [`${month} ${day}`, SERIES.map((_, i) => Number(counts[i] ?? 0))];
			}),
		);
		expect(golden.size).toBe(8);
		labels.forEach((label, at) => {
			const expected = golden.get(label) ?? [0, 0, 0, 0, 0];
			expect(chart.series!.map((one) => one.values[at]), label).toEqual(expected);
			expect(chart.bars[at]!.value).toBe(expected[0]);
		});
	});

	test('the per-day table keeps pflogsumm rows: days with lines only', () => {
		// pflogsumm's own report: its per-day rejected column sums to 63 = 45 rejected + 8 reject
		// warnings + 6 held + 4 discarded of its Grand Totals.
		const { table, text } = section(view.sections, 'per-day-traffic');
		expect(table!.rows.map((row) => row.date)).toEqual(['2026-06-28', '2026-06-29', '2026-06-30', '2026-07-01', '2026-07-02', '2026-07-03', '2026-07-05', '2026-07-06']);
		expect(text).toEqual([
			'1 day has no log lines: shown as empty in the chart, left out of the table.',
			'As in pflogsumm, the rejected column counts reject warnings, holds and discards too (63 here; Grand Totals count 45 rejected).',
		]);
	});

	test('the per-hour chart shows the daily average; rounded as pflogsumm does, it is pflogsumm\'s table', () => {
		const hour = section(view.sections, 'per-hour-traffic');
		expect(hour.title).toBe('Per-Hour Traffic Daily Average');
		const chart = hour.chart!;
		expect(chart.series?.map((one) => one.name)).toEqual(SERIES);
		expect(chart.bars.map((bar) => bar.label)).toEqual(Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`));
		const golden = goldenSection('relay-week', 'Per-Hour Traffic Daily Average').map((row) => row.trim().split(/\s+/).slice(1).map(Number));
		expect(golden).toHaveLength(24);
		const rounded = chart.bars.map((_, at) => chart.series!.map((one) => Math.trunc(one.values[at]! + 0.5)));
		expect(rounded).toEqual(golden);
		expect(hour.table!.rows.map((row) => SERIES.map((name) => row[name]))).toEqual(chart.bars.map((_, at) => chart.series!.map((one) => one.values[at])));
	});
});

describe('clean-day (one day)', async () => {
	const view = await viewOf('clean-day');

	test('one day gets a per-day table but no chart of one bar', () => {
		const day = section(view.sections, 'per-day-traffic');
		expect(day.chart).toBeUndefined();
		expect(day.text).toBeUndefined();
		expect(day.table!.rows).toHaveLength(1);
	});

	test('the per-hour chart holds the day\'s counts, as pflogsumm\'s Per-Hour Traffic Summary', () => {
		const hour = section(view.sections, 'per-hour-traffic');
		expect(hour.title).toBe('Per-Hour Traffic Summary');
		const golden = goldenSection('clean-day', 'Per-Hour Traffic Summary').map((row) => row.trim().split(/\s+/).slice(1).map(Number));
		expect(hour.chart!.bars.map((_, at) => hour.chart!.series!.map((one) => one.values[at]))).toEqual(golden);
	});
});

test.each([
	['one day', ['20260605'], ['20260605']],
	['a month boundary with a gap', ['20260529', '20260601'], ['20260529', '20260530', '20260601']],
	['a year boundary', ['20261130', '20270001'], ['20261130', '20261131', '20270001']],
	['no gap', ['20260101', '20260102'], ['20260101', '20260102']],
])('chart days fill the calendar across %s (keys count months from 0)', (_name, keys, expected) => {
	expect(listChartDays(keys)).toEqual(expected);
});

test('chart days of an implausibly long span are the days present', () => {
	expect(listChartDays(['19700001', '20260605'])).toEqual(['19700001', '20260605']);
});

test('markdown escapes log text that would break a table', () => {
	const line = 'Jan 27 06:36:56 mail postfix/smtpd[1]: warning: a|b `c` <d>';
	const markdown = renderPostfixMarkdown(parseText(postfix, line, undefined));
	expect(markdown).toContain('| smtpd | a\\|b \\`c\\` \\<d\\> | 1 |');
});
