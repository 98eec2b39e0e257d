/**
 * Report pages against the samples they come from: one page per committed sample case, and an
 * "Unparsed lines (N)" section exactly when parsing that sample leaves N > 0 unparsed lines.
 * The samples are parsed again here through the loader's own functions, so the page is compared
 * with the parse result rather than with itself.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { BASE, ROOT_DIR, classifyPage, listHtmlPages, readPage, requireDist } from '../helpers/dist.ts';
import { findElements, readCleanText } from '../helpers/html.ts';

const UNPARSED = /Unparsed lines \(([\d,.\s\u00a0\u202f]+)\)/g;

interface ParsedCase {
	url: string;
	unparsed: number;
}

async function parseAllCases(): Promise<ParsedCase[]> {
	// Imported here so a broken parser fails these tests, not the collection of the whole file.
	const { findSampleCases, parseSampleCase } = await import('../../src/loaders/reports.ts');
	const { cases, problems } = await findSampleCases(ROOT_DIR);
	expect(problems, 'problems in content/samples').toEqual([]);
	const out: ParsedCase[] = [];
	for (const sample of cases) {
		const { result } = await parseSampleCase(sample, ROOT_DIR);
		out.push({ url: `${BASE}reports/${sample.id}/`, unparsed: result.unparsed.total });
	}
	return out;
}

let cases: ParsedCase[] = [];

beforeAll(async () => {
	requireDist();
	cases = await parseAllCases();
});

describe('report pages', () => {
	test('exist for every committed sample case, and only for those', () => {
		const pages = listHtmlPages()
			.filter((page) => classifyPage(page.url) === 'report')
			.map((page) => page.url);
		expect(pages.sort()).toEqual(cases.map((c) => c.url).sort());
		expect(cases.length).toBeGreaterThan(0);
	});

	test('show an "Unparsed lines (N)" section exactly when the sample has N > 0 unparsed lines', () => {
		const problems: string[] = [];
		for (const sample of cases) {
			const page = listHtmlPages().find((p) => p.url === sample.url);
			if (!page) continue; // reported by the test above
			const { parsed } = readPage(page.file);
			const main = findElements(parsed, 'main')[0] ?? parsed.document;
			const counts = [...readCleanText(main).matchAll(UNPARSED)].map((m) => Number(m[1]!.replace(/\D/g, '')));
			const headings = findElements(parsed, 'h2', 'h3', 'h4').filter((h) => /^Unparsed lines \(/.test(readCleanText(h)));
			if (sample.unparsed === 0) {
				if (counts.length > 0) problems.push(`${sample.url}: 0 unparsed lines, but the page says "Unparsed lines (${counts.join(', ')})"`);
			} else if (headings.length !== 1) {
				problems.push(`${sample.url}: ${sample.unparsed} unparsed lines, ${headings.length} "Unparsed lines (N)" headings`);
			} else if (counts.some((n) => n !== sample.unparsed)) {
				problems.push(`${sample.url}: ${sample.unparsed} unparsed lines, the page says ${counts.join(', ')}`);
			}
		}
		expect(problems).toEqual([]);
	});

	test('open with the findings, then the summary (Grand Totals for Postfix), then the sections', () => {
		for (const sample of cases) {
			const page = listHtmlPages().find((p) => p.url === sample.url);
			if (!page) continue; // reported by the test above
			const { parsed } = readPage(page.file);
			const sections = findElements(parsed, 'h2').map(readCleanText).filter((text) => text !== 'On this page');
			expect(sections.slice(0, 2), sample.url).toEqual(['Findings', 'Summary']);
			if (sample.url.includes('/postfix/')) expect(sections[2], sample.url).toBe('Per-Day Traffic Summary');
		}
	});
});
