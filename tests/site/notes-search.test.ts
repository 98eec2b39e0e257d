/**
 * Search finds an RFC cliff note by its RFC number, by its title and by a term inside it.
 * Pagefind's Node API only builds indexes (createIndex, addDirectory, getFiles, writeFiles), so
 * the queries run through the site's own `pagefind/pagefind.js` in headless Chromium, over the
 * `dist/` that `npm run build:test` made, served on 127.0.0.1 under `/fieldnotes/`.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { BASE, readPage, requireDist, resolveDistFile } from '../helpers/dist.ts';
import { launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { startSiteServer, type SiteServer } from '../helpers/serve.ts';
import { searchInPage } from '../helpers/pagefind.ts';

const NOTE_URL = `${BASE}notes/rfc6891-edns0/`;

let server: SiteServer;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
	requireDist();
	server = await startSiteServer();
	browser = await launchBrowser();
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
	page.setDefaultTimeout(10_000);
	await page.goto(server.url('search/'));
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

const search = (query: string) => searchInPage(page, query);

describe('the RFC 6891 note in search', () => {
	test('shows "RFC 6891" in its indexed h1', () => {
		const file = resolveDistFile(NOTE_URL);
		expect(file, `${NOTE_URL} is built`).toBeDefined();
		const { html } = readPage(file!);
		const body = html.slice(html.indexOf('data-pagefind-body'));
		expect(body).toMatch(/<h1[^>]*>RFC 6891: Extension Mechanisms for DNS \(EDNS\(0\)\)<\/h1>/);
	});

	test.each([
		['its RFC number', '6891', 1],
		['"RFC" and its number', 'RFC 6891', 1],
		['its title', 'Extension Mechanisms for DNS', 3],
		['a term inside it', 'EDNS', 5],
	])('is found by %s ("%s") among the first %i results', async (_name, query, top) => {
		const urls = await search(query);
		expect(urls.slice(0, top), `results for "${query}": ${urls.join(' ')}`).toContain(NOTE_URL);
	});
});
