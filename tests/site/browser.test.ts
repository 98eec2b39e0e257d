/**
 * The built site in headless Chromium, served from `dist/` under `/fieldnotes/` on 127.0.0.1:
 * search finds a word that only one report contains, the theme toggle persists, the code copy
 * button copies, and no page logs an error or makes a failing or off-machine request.
 * One browser for the whole file; pages are visited one after another with short timeouts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { BASE, classifyPage, listHtmlPages, readPage, requireDist } from '../helpers/dist.ts';
import { findElements } from '../helpers/html.ts';
import { launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { readPagefindIndex } from '../helpers/pagefind.ts';
import { listSearchCandidates, type SearchTarget } from '../helpers/search-word.ts';
import { startSiteServer, type SiteServer } from '../helpers/serve.ts';

/** The header search, per the site conventions. */
const HEADER_SEARCH = 'form[role="search"] input[type="search"][name="q"]';
/** The search page's own query box (Pagefind UI's, or a plain search input in <main>). */
const PAGE_SEARCH = 'main .pagefind-ui__search-input, main input[type="search"]';
/** Result links: Pagefind UI's, or links in an element marked `data-search-results`. */
const RESULT_LINK = 'main .pagefind-ui__result-link, main [data-search-results] a';
const STEP_TIMEOUT = 10_000;

let server: SiteServer;
let browser: TestBrowser;
let page: Page;
/** The search word both search tests use, once {@link findSearchTarget} has picked it. */
let chosen: SearchTarget | undefined;
/** Requests the pages tried to make off 127.0.0.1 (aborted). */
const offMachine: string[] = [];

beforeAll(async () => {
	requireDist();
	server = await startSiteServer();
	browser = await launchBrowser();
	await browser.context.route('**/*', async (route) => {
		const url = new URL(route.request().url());
		if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
		offMachine.push(route.request().url());
		return route.abort('blockedbyclient');
	});
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
	page.setDefaultTimeout(STEP_TIMEOUT);
});

/**
 * The first candidate for which Pagefind's own search API, in the page, returns exactly one
 * result, that result being the candidate's report page (Pagefind stems and splits words; the
 * text check that made the candidates cannot know every rule). Memoised: both search tests use it.
 */
async function findSearchTarget(): Promise<SearchTarget> {
	if (chosen) return chosen;
	const tried = listSearchCandidates(readPagefindIndex()).slice(0, 40);
	await page.goto(server.url('search/'));
	// A string, not a function: Vite would rewrite a function's import() for Node.
	const index = (await page.evaluate(`(async () => {
		const pagefind = await import(${JSON.stringify(`${BASE}pagefind/pagefind.js`)});
		const tried = ${JSON.stringify(tried)};
		for (let i = 0; i < tried.length; i++) {
			const search = await pagefind.search(tried[i].word);
			if (search.results.length !== 1) continue;
			const url = (await search.results[0].data()).url;
			if (url === tried[i].url || ${JSON.stringify(BASE.slice(0, -1))} + url === tried[i].url) return i;
		}
		return -1;
	})()`)) as number;
	if (index < 0) {
		throw new Error(`Pagefind finds none of ${tried.length} candidate words (${tried.slice(0, 5).map((c) => c.word).join(', ')}, …) on exactly its one report page`);
	}
	chosen = tried[index]!;
	return chosen;
}

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

async function expectFirstResultLandsOn(target: SearchTarget): Promise<void> {
	const first = page.locator(RESULT_LINK).first();
	await first.waitFor({ state: 'visible' });
	const href = (await first.getAttribute('href')) ?? '';
	const shown = await page.locator(RESULT_LINK).evaluateAll((links) => links.map((link) => link.getAttribute('href')));
	expect(new URL(href, page.url()).pathname, `first result for "${target.word}" among ${shown.join(' ')}`).toBe(target.url);
	const carriesBase = href.startsWith(BASE) || href.startsWith(`${server.origin}${BASE}`);
	expect(carriesBase, `result href ${href} carries the base`).toBe(true);
	await first.click();
	await page.waitForURL(`${server.origin}${target.url}`);
	expect(await page.locator('h1').count()).toBe(1);
}

describe('search', () => {
	test('from the header: "/" focuses the box, Enter opens the search page, the only matching report comes first', async ({ annotate }) => {
		const target = await findSearchTarget();
		await annotate(`searching for "${target.word}", only on ${target.url}`);
		await page.goto(server.url());
		await page.keyboard.press('/');
		const focused = await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, HEADER_SEARCH);
		expect(focused, 'pressing / focuses the header search').toBe(true);
		await page.keyboard.type(target.word);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === `${BASE}search/` && url.searchParams.get('q') === target.word);
		await expectFirstResultLandsOn(target);
	});

	test('on the search page: typing the word lists the only matching report first', async () => {
		const target = await findSearchTarget();
		await page.goto(server.url('search/'));
		const box = page.locator(PAGE_SEARCH).first();
		await box.waitFor({ state: 'visible' });
		await box.fill(target.word);
		await expectFirstResultLandsOn(target);
	});
});

describe('theme', () => {
	const readTheme = () => page.evaluate(() => document.documentElement.dataset.theme);

	test('follows the system preference when nothing is stored', async () => {
		await page.goto(server.url());
		await page.evaluate(() => localStorage.removeItem('fieldnotes-theme'));
		for (const scheme of ['dark', 'light'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			await page.reload();
			expect(await readTheme()).toBe(scheme);
		}
	});

	test('toggles with #theme-toggle and keeps the choice across a reload and on other pages', async () => {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(server.url());
		const before = await readTheme();
		expect(await page.locator('#theme-toggle').count(), 'one #theme-toggle on the home page').toBe(1);
		await page.locator('#theme-toggle').click();
		const after = await readTheme();
		expect(after).not.toBe(before);
		expect(['light', 'dark']).toContain(after);
		expect(await page.evaluate(() => localStorage.getItem('fieldnotes-theme'))).toBe(after);
		await page.reload();
		expect(await readTheme()).toBe(after);
		await page.goto(server.url('search/'));
		expect(await readTheme()).toBe(after);
		await page.evaluate(() => localStorage.removeItem('fieldnotes-theme'));
	});
});

describe('code blocks', () => {
	test('on a guide carry a copy button that copies the code', async () => {
		const hasCode = (file: string) => findElements(readPage(file).parsed, 'pre').length > 0;
		const guide = listHtmlPages().find((p) => classifyPage(p.url) === 'guide' && hasCode(p.file));
		if (!guide) {
			throw new Error('no guide page in dist/ has a code block (<pre>), so the copy button cannot be checked; the dropwatch guide should show the commands it explains');
		}
		await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
		await page.goto(`${server.origin}${guide.url}`);
		const pre = page.locator('main pre').first();
		const button = page.locator('main .copy-button').first();
		await button.waitFor({ state: 'visible' });
		expect(await page.locator('main .copy-button').count()).toBe(await page.locator('main pre').count());
		await button.click();
		const code = (await pre.locator('code').first().textContent()) ?? '';
		expect(code.trim()).not.toBe('');
		const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());
		await expect.poll(async () => (await readClipboard()).trimEnd()).toBe(code.trimEnd());
	});
});

/** In the page: the document's scroll width, and the first elements sticking out of the viewport. */
function measureOverflow(): { width: number; scrollWidth: number; culprits: string[] } {
	const width = document.documentElement.clientWidth;
	const clipped = (element: Element): boolean => {
		for (let node = element.parentElement; node; node = node.parentElement) {
			if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(node).overflowX)) return true;
		}
		return false;
	};
	const culprits = [...document.body.querySelectorAll('*')]
		.filter((element) => element.getBoundingClientRect().right > width + 1 && !clipped(element))
		.slice(0, 3)
		.map((element) => [element.tagName.toLowerCase(), element.id && `#${element.id}`, ...[...element.classList].map((c) => `.${c}`)].join(''));
	return { width, scrollWidth: document.documentElement.scrollWidth, culprits };
}

describe('every page of dist/', () => {
	test('fits a 360 px wide screen without sideways scrolling (wide tables scroll in their own box)', async () => {
		const problems: string[] = [];
		await page.setViewportSize({ width: 360, height: 740 });
		try {
			for (const { url } of listHtmlPages()) {
				await page.goto(`${server.origin}${url}`, { waitUntil: 'load', timeout: STEP_TIMEOUT });
				const { width, scrollWidth, culprits } = await page.evaluate(measureOverflow);
				if (scrollWidth > width) problems.push(`${url}: ${scrollWidth} px wide in ${width} px (${culprits.join(', ')})`);
			}
		} finally {
			await page.setViewportSize({ width: 1280, height: 720 });
		}
		expect(problems).toEqual([]);
	});

	test('loads without console errors, page errors, failed requests or requests off 127.0.0.1', async () => {
		const problems: string[] = [];
		let current = '';
		page.on('console', (message) => {
			if (message.type() === 'error') problems.push(`${current}: console error: ${message.text()}`);
		});
		page.on('pageerror', (error) => problems.push(`${current}: page error: ${error.message}`));
		page.on('requestfailed', (request) => {
			// ERR_ABORTED is our own navigation cancelling a request still in flight, not a fault.
			const reason = request.failure()?.errorText ?? '';
			if (reason !== 'net::ERR_ABORTED') problems.push(`${current}: request failed: ${request.url()} (${reason})`);
		});
		page.on('response', (response) => {
			if (response.status() >= 400) problems.push(`${current}: HTTP ${response.status()} for ${response.url()}`);
		});
		for (const { url } of listHtmlPages()) {
			current = url;
			await page.goto(`${server.origin}${url}`, { waitUntil: 'load', timeout: STEP_TIMEOUT });
			if (classifyPage(url) === 'search') await page.waitForLoadState('networkidle', { timeout: STEP_TIMEOUT });
		}
		expect(problems).toEqual([]);
		expect(offMachine).toEqual([]);
	});
});
