/**
 * The site's pages as one index of links, read from the content collections at build time.
 * Pages use it to resolve related links, explain links and tags to pages that exist.
 */
import { getCollection } from 'astro:content';
import { collectBacklinks, type SourcePage } from './backlinks.ts';
import { codesByNote, EXPLAIN } from './explain.ts';
import { entryKey, noteTitle, type EntryLink } from './links.ts';

/** Notes by RFC number, guides by title, reports by id. */
export async function loadEntryLinks(): Promise<Map<string, EntryLink>> {
	const [notes, guides, reports] = await Promise.all([
		getCollection('notes'),
		getCollection('guides'),
		getCollection('reports'),
	]);
	const links: EntryLink[] = [
		...notes
			.sort((a, b) => a.data.rfc - b.data.rfc)
			.map((note) =>
				link('note', note.id, noteTitle(note.data), note.data.description, note.data.tags),
			),
		...guides
			.sort((a, b) => a.data.title.localeCompare(b.data.title))
			.map((guide) =>
				link('guide', guide.id, guide.data.title, guide.data.description, guide.data.tags),
			),
		...reports
			.sort((a, b) => a.id.localeCompare(b.id))
			.map((report) => link('report', report.id, report.data.title, report.data.description, [])),
	];
	return new Map(links.map((entry) => [entry.key, entry]));
}

function link(
	kind: EntryLink['kind'],
	id: string,
	title: string,
	description: string,
	tags: string[],
): EntryLink {
	const key = entryKey(kind, id);
	return { key, kind, title, description, href: `${key}/`, tags };
}

/** What points at one note: pages (notes, guides) and report codes explained there. */
export interface NoteReferences {
	pages: EntryLink[];
	/** Report codes explained in this note, each with the guide section that also explains it. */
	findings: { code: string; guide?: string }[];
}

/** "Referenced by" for every note by note id (`rfc9293-tcp`): from bodies and the explain table. */
export async function loadNoteReferences(
	links: ReadonlyMap<string, EntryLink>,
): Promise<Map<string, NoteReferences>> {
	const [notes, guides] = await Promise.all([getCollection('notes'), getCollection('guides')]);
	const pages: SourcePage[] = [
		...notes.map((note) => source('note', note.id, note.body, note.data.related)),
		...guides.map((guide) => source('guide', guide.id, guide.body, guide.data.related)),
	];
	const backlinks = collectBacklinks(pages, notes.map((note) => entryKey('note', note.id)));
	const findings = codesByNote();
	const references = new Map<string, NoteReferences>();
	for (const note of notes) {
		const keys = backlinks.get(entryKey('note', note.id)) ?? [];
		references.set(note.id, {
			pages: keys.flatMap((key) => links.get(key) ?? []).sort(byKindThenTitle),
			findings: (findings.get(note.id) ?? []).map((code) => ({
				code,
				guide: EXPLAIN[code]?.guide,
			})),
		});
	}
	return references;
}

function source(
	kind: 'note' | 'guide',
	id: string,
	body: string | undefined,
	related: string[],
): SourcePage {
	return { key: entryKey(kind, id), body: body ?? '', related };
}

function byKindThenTitle(a: EntryLink, b: EntryLink): number {
	return a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title, 'en', { numeric: true });
}
