/**
 * Every target of the explain table (`src/lib/explain.ts`) exists in the built site: the page
 * is in `dist/` and carries an element with the anchor's id. Guides that are still being
 * written are listed as todo until they are built. Notes list the findings explained there.
 */
import { describe, expect, test } from 'vitest';
import { codesByNote, EXPLAIN } from '../../src/lib/explain.ts';
import { BASE, readPage, requireDist, resolveDistFile } from '../helpers/dist.ts';

requireDist();

const links = [
	...new Set(Object.values(EXPLAIN).flatMap((target) => [target.guide, target.note])),
].filter((link): link is string => link !== undefined);
const built = links.filter((link) => resolveDistFile(`${BASE}${link}`));
const missing = links.filter((link) => !resolveDistFile(`${BASE}${link}`));

describe('explain targets in dist/', () => {
	test.each(built)('%s is built with that anchor', (link) => {
		const anchor = link.split('#')[1];
		const { html } = readPage(resolveDistFile(`${BASE}${link}`)!);
		if (anchor) expect(html).toContain(`id="${anchor}"`);
	});

	test('every note target is built', () => {
		expect(missing.filter((link) => link.startsWith('notes/'))).toEqual([]);
	});

	for (const link of missing.filter((link) => link.startsWith('guides/')))
		test.todo(`${link}: that guide is not built yet`);
});

describe('"Referenced by" on notes', () => {
	test.each([...codesByNote()])('notes/%s/ lists the codes explained there', (id, codes) => {
		const { html } = readPage(resolveDistFile(`${BASE}notes/${id}/`)!);
		const section = html.slice(html.indexOf('id="referenced-by-title"'));
		for (const code of codes) expect(section).toContain(`<code>${code}</code>`);
	});
});
