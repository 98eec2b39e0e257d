import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LAYERS } from '../../src/parsers/dropwatch/index.ts';
import { NETSTAT_RULES } from '../../src/parsers/netstat/findings.ts';
import { parsers } from '../../src/parsers/registry.ts';
import { parseText } from '../../src/parsers/run.ts';
import { codesByNote, EXPLAIN, explainLink } from '../../src/lib/explain.ts';
import { headingIds } from '../helpers/headings.ts';

const root = new URL('../../', import.meta.url);
const PARSERS = ['dropwatch', 'netstat', 'postfix', 'strings'] as const;

/**
 * Guides still being written, by id. Their links are listed as todo tests until the guide file
 * exists; from then on every anchor is checked like the others. Empty: all six are written.
 */
const PENDING_GUIDES = new Set<string>();

/** Template-literal codes in the parsers and the codes they stand for. */
const TEMPLATES: Record<string, () => string[]> = {
	'dropwatch/${layer.id}-drops': () => LAYERS.map((layer) => `dropwatch/${layer.id}-drops`),
};

function sourceFiles(dir: URL): URL[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const url = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
		if (entry.isDirectory()) return sourceFiles(url);
		return entry.name.endsWith('.ts') ? [url] : [];
	});
}

/** Every `parser/kebab` code literal in one parser's sources, comments removed. */
function codesIn(parser: string): { codes: string[]; templates: string[] } {
	const codes = new Set<string>();
	const templates = new Set<string>();
	for (const file of sourceFiles(new URL(`src/parsers/${parser}/`, root))) {
		const code = readFileSync(file, 'utf8')
			.replace(/\/\*[\s\S]*?\*\//g, '')
			.replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
		for (const match of code.matchAll(new RegExp(`['"\`](${parser}/[a-z0-9-]+)['"\`]`, 'g')))
			codes.add(match[1]!);
		for (const match of code.matchAll(new RegExp(`\`(${parser}/[^\`]*\\$\\{[^\`]*)\``, 'g')))
			templates.add(match[1]!);
	}
	return { codes: [...codes], templates: [...templates] };
}

const present = PARSERS.filter((parser) => existsSync(new URL(`src/parsers/${parser}/`, root)));
const scanned = present.map((parser) => ({ parser, ...codesIn(parser) }));
const emitted = scanned.flatMap(({ codes, templates }) => [
	...codes,
	...templates.flatMap((template) => TEMPLATES[template]?.() ?? []),
]);

/** Every link in the table, split into page and anchor. */
const links = Object.entries(EXPLAIN).flatMap(([code, target]) =>
	[target.guide, target.note]
		.filter((link): link is string => link !== undefined)
		.map((link) => ({ code, link, page: link.split('#')[0]!, anchor: link.split('#')[1] })),
);
const guideLinks = links.filter(({ page }) => page.startsWith('guides/'));
const guideFile = (page: string) => new URL(`content/${page.replace(/\/$/, '')}.mdx`, root);
const pendingLinks = guideLinks.filter(({ page }) => !existsSync(guideFile(page)));
const builtLinks = guideLinks.filter(({ page }) => existsSync(guideFile(page)));

describe('the explain table', () => {
	test('the parsers emit some codes (the scan works)', () => {
		expect(present).toContain('dropwatch');
		expect(emitted).toContain('netstat/syncookies-failed');
		expect(emitted).toContain('dropwatch/tcp-drops');
	});

	test.each(scanned.flatMap(({ templates }) => templates))(
		'knows what the template code %s expands to',
		(template) => {
			expect(TEMPLATES).toHaveProperty([template]);
		},
	);

	test.each([...new Set(emitted)].sort())('has an entry for %s', (code) => {
		expect(EXPLAIN).toHaveProperty([code]);
	});

	test.each(Object.entries(EXPLAIN))('%s has a guide or a note', (_code, target) => {
		expect(target.guide ?? target.note).toBeDefined();
		expect(explainLink(_code)).toBe(target.guide ?? target.note);
	});
});

describe('the explain targets', () => {
	test.each(links.filter(({ page }) => page.startsWith('notes/')))(
		'$code: note $link exists with that heading',
		({ page, anchor }) => {
			const file = new URL(`content/${page.replace(/\/$/, '')}.mdx`, root);
			expect(existsSync(file)).toBe(true);
			if (anchor) expect(headingIds(readFileSync(file, 'utf8'))).toContain(anchor);
		},
	);

	test.each(Object.entries(EXPLAIN).filter(([, target]) => target.note))(
		'%s: the RFC section is in the RFC’s contents and the note cites it (or a subsection)',
		(_code, target) => {
			const id = target.note!.split('/')[1]!;
			const rfc = /^rfc(\d+)/.exec(id)![1];
			const tocFile = new URL(`src/data/rfc-sections/rfc${rfc}.json`, root);
			const toc = JSON.parse(readFileSync(tocFile, 'utf8'));
			expect(toc.sections.map((section: { n: string }) => section.n)).toContain(target.section);
			const body = readFileSync(new URL(`content/notes/${id}.mdx`, root), 'utf8');
			expect(body).toMatch(new RegExp(`§${target.section!.replace(/\./g, '\\.')}(?!\\d)`));
		},
	);

	test.each(builtLinks)('$code: guide $link has that heading', ({ page, anchor }) => {
		if (anchor) expect(headingIds(readFileSync(guideFile(page), 'utf8'))).toContain(anchor);
	});

	test.each([...new Set(pendingLinks.map(({ page }) => page))])(
		'%s is either written or listed as a guide still being written',
		(page) => {
			expect(PENDING_GUIDES).toContain(page.split('/')[1]);
		},
	);

	for (const { code, link } of pendingLinks)
		test.todo(`${code}: check ${link} once that guide is written`);
});

describe('the parsers link where the table does', () => {
	test.each(LAYERS.map((layer) => [layer.id, layer.explain] as const))(
		'dropwatch layer %s explains at the table’s link',
		(id, explain) => {
			expect(explainLink(`dropwatch/${id}-drops`)).toBe(explain);
		},
	);

	test.each(NETSTAT_RULES.map((rule) => [rule.code, rule.anchor] as const))(
		'netstat rule %s explains at the table’s link',
		(code, anchor) => {
			expect(explainLink(code)).toBe(`guides/netstat/#${anchor}`);
		},
	);

	/** Inputs that make parsers complain: empty, not their format, and near misses. */
	const BAD_INPUTS = ['', 'not a log at all\n', 'Tcp: 1 2 3\nTcp: x\n', '{"kernel": {"a": 1}\n'];
	const messages = parsers.flatMap((spec) =>
		BAD_INPUTS.flatMap((text) => parseText(spec, text).messages.filter((message) => message.url)),
	);

	test('bad inputs give some messages with a link (the check below has data)', () => {
		expect(messages.length).toBeGreaterThan(0);
	});

	test.each([...new Map(messages.map((m) => [`${m.code} ${m.url}`, m])).values()])(
		'message $code links where the table does',
		(message) => {
			expect(explainLink(message.code)).toBe(message.url);
		},
	);

	test('every note named by the table lists its codes', () => {
		const byNote = codesByNote();
		expect(byNote.get('rfc4987-syn-flooding')).toContain('netstat/syncookies-failed');
		expect([...byNote.values()].flat().length).toBe(
			Object.values(EXPLAIN).filter((target) => target.note).length,
		);
	});
});
