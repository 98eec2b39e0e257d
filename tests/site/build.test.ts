/**
 * Build-level checks on `dist/` as `npm run build:test` leaves it (base `/fieldnotes/`): links
 * resolve, every page has a title and one h1, no script beyond the allowed ones, no inline event
 * handlers, and the hostile sample renders as inert text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { BASE, ROOT_DIR, findPage, listHtmlPages, readPage, requireDist, resolveDistFile } from '../helpers/dist.ts';
import { findElements, hasAncestor, readAttribute, readCleanText, readText } from '../helpers/html.ts';
import { checkPageReferences } from '../helpers/links.ts';

/** `data-allowed` values of inline scripts (see "Site conventions"). */
const ALLOWED_SCRIPTS = new Set(['theme', 'ui', 'search', 'island']);
const PAGEFIND_UI = `${BASE}pagefind/pagefind-ui.js`;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0080-\u009f]/;
const HOSTILE_URL = `${BASE}reports/dropwatch/hostile/`;

beforeAll(() => {
	requireDist();
});

describe('dist/', () => {
	test.each([
		['the home page', ''],
		['the notes index', 'notes/'],
		['the guides index', 'guides/'],
		['the reports index', 'reports/'],
		['the search page', 'search/'],
		['the 404 page', '404.html'],
		['the sitemap index', 'sitemap-index.xml'],
		['the Pagefind loader', 'pagefind/pagefind.js'],
	])('has %s at /fieldnotes/%s', (_name, rel) => {
		expect(resolveDistFile(`${BASE}${rel}`), `dist/${rel || 'index.html'}`).toBeDefined();
	});
});

describe('every page of dist/', () => {
	test('has a skip link to #main', () => {
		const problems = listHtmlPages().flatMap((page) => {
			const links = findElements(readPage(page.file).parsed, 'a').filter((a) => readAttribute(a, 'href') === '#main');
			return links.length > 0 ? [] : [`${page.url}: no <a href="#main"> skip link`];
		});
		expect(problems).toEqual([]);
	});

	test('has internal href, src, srcset and action URLs that resolve to files under /fieldnotes/, fragments included', () => {
		const problems = listHtmlPages().flatMap((page) => checkPageReferences(page));
		expect(problems).toEqual([]);
	});

	test('has a non-empty <title> in its head and exactly one <h1>', () => {
		const problems: string[] = [];
		for (const page of listHtmlPages()) {
			const { parsed } = readPage(page.file);
			const titles = findElements(parsed, 'title')
				.filter((title) => title.parentNode?.nodeName === 'head')
				.map((title) => readCleanText(title));
			if (titles.length !== 1 || titles[0] === '') {
				problems.push(`${page.url}: <title> in <head>: ${JSON.stringify(titles)}`);
			}
			const h1s = findElements(parsed, 'h1').map((h1) => readCleanText(h1));
			if (h1s.length !== 1) problems.push(`${page.url}: ${h1s.length} <h1>: ${JSON.stringify(h1s)}`);
		}
		expect(problems).toEqual([]);
	});

	test('has one <main id="main"> for the skip link', () => {
		const problems = listHtmlPages().flatMap((page) => {
			const mains = findElements(readPage(page.file).parsed, 'main');
			const ok = mains.length === 1 && readAttribute(mains[0]!, 'id') === 'main';
			return ok ? [] : [`${page.url}: ${mains.length} <main>, ids ${mains.map((m) => readAttribute(m, 'id')).join(',')}`];
		});
		expect(problems).toEqual([]);
	});

	test('loads no script except inline data-allowed ones (theme in <head>) and Pagefind UI on the search page', () => {
		const problems: string[] = [];
		for (const page of listHtmlPages()) {
			for (const script of findElements(readPage(page.file).parsed, 'script')) {
				const src = readAttribute(script, 'src');
				const allowed = readAttribute(script, 'data-allowed');
				const attributes = script.attrs.map((attr) => ` ${attr.name}="${attr.value}"`).join('');
				const where = `${page.url} <script${attributes}>`;
				if (src !== undefined) {
					const resolved = new URL(src, `http://site.invalid${page.url}`).pathname;
					const isPagefindUi = page.url === `${BASE}search/` && resolved === PAGEFIND_UI;
					if (!isPagefindUi) problems.push(`${where}: only the search page may load a script, pagefind-ui.js`);
				} else if (!allowed || !ALLOWED_SCRIPTS.has(allowed)) {
					problems.push(`${where}: inline script without data-allowed=${[...ALLOWED_SCRIPTS].join('|')}`);
				} else if (allowed === 'theme' && !hasAncestor(script, 'head')) {
					problems.push(`${where}: the theme script must run in <head> to avoid a flash`);
				}
			}
		}
		expect(problems).toEqual([]);
	});

	test('carries no on* event handler attribute on any element', () => {
		const problems = listHtmlPages().flatMap((page) =>
			readPage(page.file).parsed.elements.flatMap((element) =>
				element.attrs
					.filter((attr) => /^on/i.test(attr.name))
					.map((attr) => `${page.url} <${element.tagName} ${attr.name}="${attr.value}">`),
			),
		);
		expect(problems).toEqual([]);
	});

	test('contains no raw control characters (C0 other than tab/newline/CR, DEL, C1)', () => {
		const problems = listHtmlPages().flatMap((page) => {
			const { html } = readPage(page.file);
			const match = CONTROL_CHARACTERS.exec(html);
			if (!match) return [];
			const code = match[0].charCodeAt(0).toString(16).padStart(2, '0');
			const context = JSON.stringify(html.slice(Math.max(0, match.index - 40), match.index + 10));
			return [`${page.url}: \\x${code} at offset ${match.index}: …${context}`];
		});
		expect(problems).toEqual([]);
	});
});

describe('the hostile dropwatch sample', () => {
	test('is committed with hostile: true in its description', () => {
		const md = readFileSync(path.join(ROOT_DIR, 'content/samples/dropwatch/hostile.md'), 'utf8');
		expect(md).toMatch(/^hostile:\s*true\s*$/m);
	});

	test('has a report page that shows its markup only as escaped text', () => {
		const page = findPage(HOSTILE_URL);
		if (!page) throw new Error(`dist/ has no page ${HOSTILE_URL} (content/samples/dropwatch/hostile.md must build into it)`);
		const { html, parsed } = readPage(page.file);
		expect(html).toContain('&lt;script&gt;');
		expect(html).not.toMatch(/<img[^>]*src=x/i);
		expect(html).not.toMatch(/<script>alert/i);
		const text = readText(parsed.document);
		expect(text).toContain('<script>alert(1)</script>');
		expect(text).toContain('<img src=x onerror=alert(1)>');
		const injected = parsed.elements.filter(
			(el) => (el.tagName === 'img' && readAttribute(el, 'src') === 'x') || readAttribute(el, 'onerror') !== undefined,
		);
		expect(injected.map((el) => el.tagName)).toEqual([]);
	});
});
