/**
 * The two indexes of the built site: the sitemap lists every page under the public URL, and
 * Pagefind indexes exactly the content pages (notes, guides, reports) through their
 * `data-pagefind-body`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { BASE, DIST_DIR, SITE_ORIGIN, classifyPage, listHtmlPages, readPage, requireDist } from '../helpers/dist.ts';
import { findWithAttribute, hasAncestor } from '../helpers/html.ts';
import { readPagefindIndex, readSitemapUrls } from '../helpers/pagefind.ts';

const INDEXED_KINDS = new Set(['note', 'guide', 'report', 'reference']);

beforeAll(() => {
	requireDist();
});

describe('sitemap-index.xml', () => {
	test('leads to a sitemap listing every HTML page except 404, under https://example.github.io/fieldnotes/', () => {
		const listed = readSitemapUrls();
		const prefix = `${SITE_ORIGIN}${BASE}`;
		expect(listed.filter((url) => !url.startsWith(prefix))).toEqual([]);
		const expected = listHtmlPages()
			.filter((page) => classifyPage(page.url) !== 'not-found')
			.map((page) => `${SITE_ORIGIN}${page.url}`);
		expect([...new Set(listed)].sort()).toEqual(expected.sort());
	});
});

describe('the Pagefind index', () => {
	test('ships pagefind.js and the UI the search page loads', () => {
		for (const file of ['pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-entry.json']) {
			expect(existsSync(path.join(DIST_DIR, 'pagefind', file)), `dist/pagefind/${file}`).toBe(true);
		}
	});

	test('marks the main content of notes, guides and reports with data-pagefind-body, and no other page', () => {
		const problems: string[] = [];
		for (const page of listHtmlPages()) {
			const kind = classifyPage(page.url);
			const bodies = findWithAttribute(readPage(page.file).parsed, 'data-pagefind-body');
			if (!INDEXED_KINDS.has(kind)) {
				if (bodies.length > 0) problems.push(`${page.url} (${kind}): has data-pagefind-body but must not be indexed`);
			} else if (bodies.length !== 1) {
				problems.push(`${page.url} (${kind}): ${bodies.length} data-pagefind-body elements, expected 1`);
			} else if (bodies[0]!.tagName !== 'main' && !hasAncestor(bodies[0]!, 'main')) {
				problems.push(`${page.url} (${kind}): data-pagefind-body on <${bodies[0]!.tagName}> outside <main>`);
			}
		}
		expect(problems).toEqual([]);
	});

	test('holds exactly the note, guide and report pages, with at least one guide and one report', () => {
		const contentPages = listHtmlPages().filter((page) => INDEXED_KINDS.has(classifyPage(page.url)));
		const kinds = new Set(contentPages.map((page) => classifyPage(page.url)));
		expect(kinds.has('guide'), 'dist/ has no guide page').toBe(true);
		expect(kinds.has('report'), 'dist/ has no report page').toBe(true);
		// Pagefind records URLs relative to dist/, without the base; the UI adds it back.
		const indexed = readPagefindIndex().map((entry) => `${BASE.slice(0, -1)}${entry.url}`);
		expect(indexed.sort()).toEqual(contentPages.map((page) => page.url).sort());
	});
});
