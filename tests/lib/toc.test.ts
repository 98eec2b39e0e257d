import { describe, expect, test } from 'vitest';
import { buildToc, needsToc, type TocHeading } from '../../src/lib/toc.ts';

const h = (depth: number, slug: string): TocHeading => ({
	depth,
	slug,
	text: slug.replace(/-/g, ' '),
});

describe('buildToc', () => {
	test('nests each h3 under the h2 before it', () => {
		const toc = buildToc([h(2, 'running'), h(3, 'options'), h(3, 'packet-mode'), h(2, 'reading')]);
		expect(toc.map((item) => item.slug)).toEqual(['running', 'reading']);
		expect(toc[0]!.children.map((item) => item.slug)).toEqual(['options', 'packet-mode']);
		expect(toc[1]!.children).toEqual([]);
	});

	test('leaves out the h1 and headings deeper than h3', () => {
		const toc = buildToc([h(1, 'title'), h(2, 'a'), h(4, 'deep'), h(5, 'deeper'), h(2, 'b')]);
		expect(toc.map((item) => item.slug)).toEqual(['a', 'b']);
		expect(toc[0]!.children).toEqual([]);
	});

	test('keeps an h3 that comes before any h2 at the top level', () => {
		const toc = buildToc([h(3, 'early'), h(2, 'a'), h(3, 'late')]);
		expect(toc.map((item) => item.slug)).toEqual(['early', 'a']);
		expect(toc[1]!.children.map((item) => item.slug)).toEqual(['late']);
	});

	test('honours a wider depth range', () => {
		const toc = buildToc([h(2, 'a'), h(3, 'b'), h(4, 'c')], { maxDepth: 4 });
		expect(toc[0]!.children[0]!.children.map((item) => item.slug)).toEqual(['c']);
	});

	test('skips headings without a slug', () => {
		expect(buildToc([h(2, ''), h(2, 'kept')]).map((item) => item.slug)).toEqual(['kept']);
	});

	test('gives nothing for a page without headings', () => {
		expect(buildToc([])).toEqual([]);
	});
});

describe('needsToc', () => {
	test.each([
		[[], false],
		[[h(2, 'a'), h(2, 'b')], false],
		[[h(2, 'a'), h(3, 'b'), h(2, 'c')], true],
		[[h(1, 'title'), h(4, 'x'), h(4, 'y'), h(2, 'a')], false],
	])('decides a table of contents for %j: %s', (headings, expected) => {
		expect(needsToc(headings)).toBe(expected);
	});
});
