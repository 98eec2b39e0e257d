import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { describe, expect, test } from 'vitest';
import { noteSchema } from '../../src/schemas/note.ts';
import { readNotes, readSections } from './notes.ts';

const notes = readNotes();
const cases = notes.map((note) => [note.file, note] as const);

describe('RFC note frontmatter', () => {
	test('the notes folder holds .mdx notes', () => {
		expect(notes.length).toBeGreaterThan(0);
	});

	test.each(cases)('%s: frontmatter passes noteSchema', (_file, note) => {
		const result = noteSchema.safeParse(note.frontmatter);
		const issues = result.success
			? []
			: result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
		expect(issues).toEqual([]);
	});

	test.each(cases)('%s: file name is rfc<N>-<kebab-slug>.mdx for its own RFC', (file, note) => {
		expect(file).toMatch(/^rfc\d+-[a-z0-9]+(?:-[a-z0-9]+)*\.mdx$/);
		expect(file.startsWith(`rfc${String(note.frontmatter.rfc)}-`)).toBe(true);
	});

	test.each(cases)('%s: title matches the title in the RFC section data', (_file, note) => {
		const data = readSections(Number(note.frontmatter.rfc));
		expect(data, `src/data/rfc-sections/rfc${String(note.frontmatter.rfc)}.json`).toBeDefined();
		expect(note.frontmatter.title).toBe(data?.title);
	});

	test.each(cases)('%s: does not list itself in its own relations', (_file, note) => {
		const fm = noteSchema.parse(note.frontmatter);
		const all = [...fm.obsoletes, ...fm.obsoletedBy, ...fm.updates, ...fm.updatedBy];
		expect(all).not.toContain(fm.rfc);
		for (const list of [fm.obsoletes, fm.obsoletedBy, fm.updates, fm.updatedBy]) {
			expect(new Set(list).size).toBe(list.length);
		}
	});

	test.each(cases)('%s: related entries are notes/<id> or guides/<id>', (_file, note) => {
		const fm = noteSchema.parse(note.frontmatter);
		for (const id of fm.related) expect(id).toMatch(/^(notes|guides)\/[a-z0-9]+(?:-[a-z0-9]+)*$/);
	});

	test.each(cases)('%s: std only for Internet Standards, bcp only for BCPs', (_file, note) => {
		const fm = noteSchema.parse(note.frontmatter);
		if (fm.std !== undefined) expect(fm.status).toBe('Internet Standard');
		if (fm.bcp !== undefined) expect(fm.status).toBe('Best Current Practice');
		if (fm.status === 'Best Current Practice') expect(fm.bcp).toBeDefined();
	});

	test.each(cases)('%s: the MDX body compiles', async (_file, note) => {
		await expect(compile(note.body, { remarkPlugins: [remarkGfm] })).resolves.toBeDefined();
	});
});
