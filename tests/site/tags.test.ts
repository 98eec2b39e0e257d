/** The `/tags/` index: every tag page listed once with its page count, linked from the indexes. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BASE, DIST_DIR, readPage, requireDist, resolveDistFile } from '../helpers/dist.ts';

requireDist();

const tagDirs = readdirSync(path.join(DIST_DIR, 'tags'), { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name)
	.sort();
const index = readPage(resolveDistFile(`${BASE}tags/`)!).html;
const main = index.slice(index.indexOf('<main'), index.indexOf('</main>'));

describe('/tags/', () => {
	test('lists every tag page and no other', () => {
		const listed = [...main.matchAll(/href="\/fieldnotes\/tags\/([^/"]+)\/"/g)].map((m) => m[1]!);
		expect([...listed].sort()).toEqual(tagDirs);
	});

	test.each(tagDirs)('gives %s the number of pages its tag page lists', (tag) => {
		const page = readPage(resolveDistFile(`${BASE}tags/${tag}/`)!).html;
		const entries = page.match(/<li class="entry">/g)?.length ?? 0;
		const link = new RegExp(`tags/${tag}/"[^>]*>[^<]*<span class="tag__count"[^>]*>(\\d+)`);
		const count = link.exec(main);
		expect(Number(count?.[1])).toBe(entries);
	});

	test.each(['notes/', 'guides/'])('is linked from /%s', (listing) => {
		const { html } = readPage(resolveDistFile(`${BASE}${listing}`)!);
		expect(html).toContain('href="/fieldnotes/tags/"');
	});
});
