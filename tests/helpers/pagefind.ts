/**
 * Reads what Pagefind indexed in `dist/pagefind/`: each `fragment/*.pf_fragment` is gzip'd
 * `pagefind_dcd` followed by the page's JSON (`url`, `content`, `meta`), as Pagefind 1.6 writes it.
 * Also reads the sitemap that @astrojs/sitemap writes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { BASE, DIST_DIR, SITE_ORIGIN, resolveDistFile } from './dist.ts';
import { startSiteServer } from './serve.ts';

const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** One page as Pagefind stored it. `url` is relative to the site root, without the base. */
export interface IndexedPage {
	url: string;
	content: string;
	meta: Record<string, string>;
}

/** Every page in Pagefind's index; throws when the index is missing. */
export function readPagefindIndex(): IndexedPage[] {
	const dir = path.join(DIST_DIR, 'pagefind', 'fragment');
	if (!existsSync(dir)) throw new Error('dist/pagefind/fragment/ is missing: the postbuild `pagefind --site dist` did not run');
	return readdirSync(dir)
		.filter((name) => name.endsWith('.pf_fragment'))
		.map((name) => {
			const text = gunzipSync(readFileSync(path.join(dir, name))).toString('utf8');
			if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`${name}: not a Pagefind fragment`);
			const data = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as IndexedPage;
			return { url: data.url, content: data.content, meta: data.meta };
		});
}

function unescapeXml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

function readLocs(xml: string): string[] {
	return [...xml.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)].map((match) => unescapeXml(match[1]!));
}

/**
 * Every page URL of the sitemap, following `sitemap-index.xml` to its sitemaps (which must be
 * files in `dist/` under the site URL).
 */
export function readSitemapUrls(): string[] {
	const indexFile = path.join(DIST_DIR, 'sitemap-index.xml');
	if (!existsSync(indexFile)) throw new Error('dist/sitemap-index.xml is missing (is @astrojs/sitemap in astro.config.mjs and SITE_URL set?)');
	const urls: string[] = [];
	for (const sitemap of readLocs(readFileSync(indexFile, 'utf8'))) {
		if (!sitemap.startsWith(SITE_ORIGIN)) throw new Error(`sitemap-index.xml lists ${sitemap}, not under ${SITE_ORIGIN}`);
		const file = resolveDistFile(new URL(sitemap).pathname);
		if (!file) throw new Error(`sitemap-index.xml lists ${sitemap}, which is not a file in dist/`);
		urls.push(...readLocs(readFileSync(file, 'utf8')));
	}
	return urls;
}

/** The built site's search page open in Chromium, for Pagefind queries. */
export interface SearchSession {
	/** Result URLs (with the base) for one query, best first. */
	search(query: string): Promise<string[]>;
	close(): Promise<void>;
}

/**
 * Serves `dist/` on 127.0.0.1 and opens its search page in Chromium; queries run through the
 * site's own `pagefind/pagefind.js` there (Pagefind's Node API cannot search).
 */
export async function openSearchSession(): Promise<SearchSession> {
	const server = await startSiteServer();
	const browser = await launchBrowser();
	const page = browser.context.pages()[0] ?? (await browser.context.newPage());
	page.setDefaultTimeout(10_000);
	await page.goto(server.url('search/'));
	return {
		search: (query) => searchInPage(page, query),
		close: async () => {
			await browser.close();
			await server.close();
		},
	};
}

async function searchInPage(page: Page, query: string): Promise<string[]> {
	// A string, not a function: Vite would rewrite a function's import() for Node.
	const urls = (await page.evaluate(`(async () => {
		const pagefind = await import(${JSON.stringify(`${BASE}pagefind/pagefind.js`)});
		const search = await pagefind.search(${JSON.stringify(query)});
		const top = search.results.slice(0, 10);
		return Promise.all(top.map(async (result) => (await result.data()).url));
	})()`)) as string[];
	return urls.map((url) => (url.startsWith(BASE) ? url : `${BASE.slice(0, -1)}${url}`));
}
