import { describe, expect, test } from 'vitest';
import {
	findSectionRefs,
	listBullets,
	listSectionFiles,
	listTableRows,
	readNotes,
	readSections,
	requiredHeadings,
	splitSections,
} from './notes.ts';

const notes = readNotes();
const cases = notes.map((note) => [note.file, note] as const);
const ownRfc = (note: (typeof notes)[number]): number => Number(note.frontmatter.rfc);

describe('RFC section data files', () => {
	test.each(listSectionFiles())('%s: names its RFC, title, source and unique sections', (file) => {
		const rfc = Number(/\d+/.exec(file)![0]);
		const data = readSections(rfc)!;
		expect(data.rfc).toBe(rfc);
		expect(data.title.length).toBeGreaterThan(0);
		expect(data.source.length).toBeGreaterThan(0);
		expect(data.sections.length).toBeGreaterThan(0);
		const numbers = data.sections.map((s) => s.n);
		expect(new Set(numbers).size).toBe(numbers.length);
		for (const s of data.sections) expect(s.n).toMatch(/^(?:\d+|[A-Z])(?:\.\d+)*$/);
	});
});

describe('RFC note bodies', () => {
	test.each(cases)('%s: has the required ## headings, in order, and no others', (_f, note) => {
		expect(splitSections(note.body).map((s) => s.heading)).toEqual(requiredHeadings);
	});

	test.each(cases)('%s: every § reference names a section of that RFC', (_f, note) => {
		const refs = findSectionRefs(note.body, ownRfc(note));
		expect(refs.length).toBeGreaterThan(0);
		const unknown = refs.filter((ref) => {
			const data = readSections(ref.rfc);
			return !data?.sections.some((s) => s.n === ref.n);
		});
		expect(unknown.map((ref) => `${ref.text} (RFC ${ref.rfc})`)).toEqual([]);
	});

	test.each(cases)('%s: every key point ends with its section reference', (_f, note) => {
		const section = splitSections(note.body).find((s) => s.heading === 'Key points');
		const bullets = listBullets(section?.text ?? '');
		expect(bullets.length).toBeGreaterThan(0);
		const bare = bullets.filter((b) => !/\([^()]*§[^()]*\)\.?$/.test(b));
		expect(bare).toEqual([]);
	});

	test.each(cases)('%s: every number worth remembering cites a section', (_f, note) => {
		const section = splitSections(note.body).find((s) => s.heading === 'Numbers worth remembering');
		const items = [...listBullets(section?.text ?? ''), ...listTableRows(section?.text ?? '')];
		expect(items.length).toBeGreaterThan(0);
		expect(items.filter((b) => !b.includes('§'))).toEqual([]);
	});

	test.each(cases)('%s: an obsoleted RFC says so first, linking its successor', (_f, note) => {
		const successors = (note.frontmatter.obsoletedBy as number[] | undefined) ?? [];
		const first = note.body.trimStart().split('\n')[0] ?? '';
		if (successors.length === 0) {
			expect(first.startsWith('> **Obsoleted by')).toBe(false);
			return;
		}
		expect(first).toMatch(/^> \*\*Obsoleted by RFC \d+/);
		for (const rfc of successors) expect(first).toContain(`RFC ${rfc}`);
		expect(first).toMatch(/\]\(/);
	});

	test.each(cases)('%s: "Where this shows up" links at least one page', (_f, note) => {
		const section = splitSections(note.body).find((s) => s.heading.startsWith('Where this'));
		expect(section?.text ?? '').toMatch(/\]\(\.\.\/\.\.\/(?:guides|notes|reports)\//);
	});

	test.each(cases)('%s: links to other notes point at notes that exist', (_f, note) => {
		const ids = new Set(notes.map((n) => n.file.replace(/\.mdx$/, '')));
		const targets = [...note.body.matchAll(/\]\(\.\.\/(rfc\d+-[a-z0-9-]+)\/[^)]*\)/g)].map((m) => m[1]!);
		expect(targets.filter((id) => !ids.has(id))).toEqual([]);
	});

	test.each(cases)('%s: is between 400 and 900 words', (_f, note) => {
		const words = note.body.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
		expect(words).toBeGreaterThanOrEqual(400);
		expect(words).toBeLessThanOrEqual(900);
	});
});

describe('findSectionRefs', () => {
	test.each([
		['see §4.5.4.1.', 5321, [{ rfc: 5321, n: '4.5.4.1' }]],
		['(RFC 1035 §4.2.1)', 6891, [{ rfc: 1035, n: '4.2.1' }]],
		['appendix (§A.1) and §B', 5322, [{ rfc: 5322, n: 'A.1' }, { rfc: 5322, n: 'B' }]],
		['RFC 2181 and §5.2', 2181, [{ rfc: 2181, n: '5.2' }]],
	])('reads %j in a note on RFC %i', (text, rfc, expected) => {
		const refs = findSectionRefs(text, rfc).map(({ rfc: r, n }) => ({ rfc: r, n }));
		expect(refs).toEqual(expected);
	});
});
