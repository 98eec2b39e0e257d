/**
 * Every guide in `content/guides/`: frontmatter the collection accepts, and relative links that
 * name pages the build makes (notes, guides, report cases, indexes) and headings that exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/loaders/reports.ts';
import { parsers } from '../../src/parsers/registry.ts';
import { guideSchema } from '../../src/schemas/guide.ts';
import { ROOT, readGuide, readHeadingIds } from './guide-source.ts';

const GUIDES = readdirSync(path.join(ROOT, 'content/guides'))
	.filter((name) => name.endsWith('.mdx'))
	.map((name) => name.slice(0, -'.mdx'.length))
	.sort();

/** The five tuning guides of the knowledge issue; each must exist. */
const TUNING_GUIDES = ['tcp-buffers', 'netstat', 'relay-health', 'binary-features', 'load-testing'];

/** Markdown link targets outside fenced code: `[text](target)`. */
function listLinkTargets(mdx: string): string[] {
	const code = mdx.replace(/^(```|~~~)[\s\S]*?^\1\s*$/gm, '');
	return [...code.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
}

/** Heading ids of a note or guide page, or undefined when the page does not exist. */
function readPageIds(kind: 'notes' | 'guides', id: string): Set<string> | undefined {
	const file = path.join(ROOT, 'content', kind, `${id}.mdx`);
	return existsSync(file) ? readHeadingIds(readFileSync(file, 'utf8')) : undefined;
}

/** Why `target` (as written in guide `from`) would not resolve in the built site, or undefined. */
function checkTarget(from: string, target: string): string | undefined {
	if (/^https?:\/\//.test(target)) return undefined;
	if (target.startsWith('/')) return 'absolute link: breaks under a base path';
	const [page, anchor] = target.split('#') as [string, string | undefined];
	if (page === '') return readPageIds('guides', from)!.has(anchor!) ? undefined : 'no such heading';
	if (page === '../../reports/') return anchor ? 'the reports index has no headings' : undefined;
	const report = /^\.\.\/\.\.\/reports\/([a-z0-9-]+)\/([a-z0-9-]+)\/$/.exec(page);
	if (report) {
		const sample = path.join(ROOT, 'content/samples', report[1]!, `${report[2]}.md`);
		return existsSync(sample) && !anchor ? undefined : 'no such report case';
	}
	const reference = /^\.\.\/\.\.\/reference\/([a-z0-9-]+)\/$/.exec(page);
	if (reference) {
		// Generated pages: their anchors are checked on the built site (tests/site/build.test.ts).
		return existsSync(path.join(ROOT, 'src/pages/reference', `${reference[1]}.astro`)) ? undefined : 'no such reference page';
	}
	const entry = /^\.\.\/\.\.\/(notes|guides)\/([a-z0-9-]+)\/$/.exec(page);
	if (!entry) return 'not a note, guide or report link of the form ../../<kind>/<id>/';
	const ids = readPageIds(entry[1] as 'notes' | 'guides', entry[2]!);
	if (!ids) return 'no such page';
	return anchor === undefined || ids.has(anchor) ? undefined : `no heading #${anchor} there`;
}

describe.each(GUIDES)('the guide %s', (id) => {
	const mdx = readGuide(id)!;
	const data = guideSchema.parse(splitFrontmatter(mdx)?.data);

	test('has frontmatter the guides collection accepts', () => {
		expect(data.title.length).toBeGreaterThan(0);
	});

	test('lists related notes and guides that exist', () => {
		const missing = data.related.filter((ref) => {
			const [kind, refId] = ref.split('/') as [string, string];
			return !(kind === 'notes' || kind === 'guides') || !readPageIds(kind, refId);
		});
		expect(missing).toEqual([]);
	});

	test('lists in reports only parsers of the registry', () => {
		const names = parsers.map((parser) => parser.name);
		expect(data.reports.filter((name) => !names.includes(name))).toEqual([]);
	});

	test('has relative links that resolve to pages and headings of the site', () => {
		const problems = listLinkTargets(mdx).flatMap((target) => {
			const problem = checkTarget(id, target);
			return problem ? [`${target}: ${problem}`] : [];
		});
		expect(problems).toEqual([]);
	});
});

describe('the tuning guides', () => {
	const present = TUNING_GUIDES.filter((id) => GUIDES.includes(id));
	test.each(present)('%s puts every fenced code block in a language', (id) => {
		const fences = [...readGuide(id)!.matchAll(/^```(.*)$/gm)].map((match) => match[1]!);
		const openings = fences.filter((_, index) => index % 2 === 0);
		expect(openings.filter((lang) => lang.trim() === '')).toEqual([]);
	});
});
