/**
 * Search finds an RFC cliff note by its RFC number, by its title and by a term inside it.
 * Pagefind's Node API only builds indexes (createIndex, addDirectory, getFiles, writeFiles), so
 * the queries run through the site's own `pagefind/pagefind.js` in headless Chromium, over the
 * `dist/` that `npm run build:test` made, served on 127.0.0.1 under `/fieldnotes/`.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BASE, readPage, requireDist, resolveDistFile } from '../helpers/dist.ts';
import { openSearchSession, type SearchSession } from '../helpers/pagefind.ts';

const NOTE_URL = `${BASE}notes/rfc6891-edns0/`;

let session: SearchSession;

beforeAll(async () => {
	requireDist();
	session = await openSearchSession();
});

afterAll(() => session?.close());

const search = (query: string) => session.search(query);

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
