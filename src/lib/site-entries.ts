/**
 * The site's pages as one index of links, read from the content collections at build time.
 * Pages use it to resolve related links, explain links and tags to pages that exist.
 */
import { getCollection } from 'astro:content';
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
