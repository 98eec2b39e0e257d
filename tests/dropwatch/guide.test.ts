import { readFileSync } from 'node:fs';
import GithubSlugger from 'github-slugger';
import { describe, expect, test } from 'vitest';
import { LAYERS } from '../../src/parsers/dropwatch/index.ts';
import { renderDropwatchView } from '../../src/parsers/dropwatch/render-view.ts';
import { splitFrontmatter } from '../../src/loaders/reports.ts';
import { guideSchema } from '../../src/schemas/guide.ts';
import { sampleSchema } from '../../src/schemas/sample.ts';
import { HOSTILE, parse } from './helpers.ts';

const GUIDE = readFileSync(new URL('../../content/guides/dropwatch.mdx', import.meta.url), 'utf8');

/** Heading ids as Astro makes them (github-slugger over each heading's text). */
function headingIds(mdx: string): Set<string> {
	const slugger = new GithubSlugger();
	const ids = new Set<string>();
	let fenced = false;
	for (const line of mdx.split('\n')) {
		if (line.startsWith('```')) fenced = !fenced;
		const heading = fenced ? null : /^#{2,6} (.+)$/.exec(line);
		if (heading) ids.add(slugger.slug(heading[1]!.replace(/`/g, '')));
	}
	return ids;
}

/** Every site-relative guide link the parser can emit: layer explanations, findings, messages. */
function parserLinks(): string[] {
	const links = LAYERS.map((layer) => layer.explain);
	const noisy = `${HOSTILE}\n2 drops at location 0xffffffff815d3371\nUnable to find NET_DM family, dropwatch can't work\nSoftware statistics:\nTail dropped: 3\n`;
	for (const text of [noisy, '', 'not dropwatch\n']) {
		const result = parse(text);
		links.push(...renderDropwatchView(result).findings.flatMap((finding) => (finding.explain ? [finding.explain] : [])));
		links.push(...result.messages.flatMap((message) => (message.url ? [message.url] : [])));
	}
	return [...new Set(links)];
}

describe('the dropwatch guide', () => {
	test('has frontmatter the guides collection accepts, listing the dropwatch reports', () => {
		const data = guideSchema.parse(splitFrontmatter(GUIDE)?.data);
		expect(data.reports).toEqual(['dropwatch']);
		expect(data.title).toBe('Finding where packets die with dropwatch');
	});

	test.each(parserLinks())('has the section %s that the parser links to', (link) => {
		const [page, anchor] = link.split('#') as [string, string];
		expect(page).toBe('guides/dropwatch/');
		expect(headingIds(GUIDE)).toContain(anchor);
	});

	test('links to the sample report with a relative link', () => {
		expect(GUIDE).toContain('](../../reports/dropwatch/blog-capture/)');
	});
});

describe('the dropwatch samples', () => {
	test.each(['blog-capture', 'hostile'])('%s.md has frontmatter the sample schema accepts', (name) => {
		const text = readFileSync(new URL(`../../content/samples/dropwatch/${name}.md`, import.meta.url), 'utf8');
		const meta = sampleSchema.parse(splitFrontmatter(text)?.data);
		expect(meta.hostile).toBe(name === 'hostile');
	});

	test('the hostile capture puts markup into parsed sites and into unparsed lines', () => {
		const { summary, unparsed } = parse(HOSTILE);
		const names = summary.sites.map((site) => site.name);
		expect(names).toContain('<script>alert(1)</script>');
		expect(names).toContain('"><img src=x onerror=alert(1)>');
		expect(names).toContain('__proto__');
		expect(names.some((name) => name.includes('\x1b') && name.includes('\x07'))).toBe(true);
		expect(names.some((name) => name.includes('\0'))).toBe(true);
		const examples = unparsed.reasons['dropwatch/unknown-line']?.examples.map((example) => example.text) ?? [];
		expect(examples).toContain('<script>alert(1)</script>');
		expect(examples.some((text) => text.includes('\x07') && text.includes('\0'))).toBe(true);
	});
});
