/**
 * Links between entries: related ids (`notes/rfc9293-tcp`), explain links
 * (`guides/dropwatch/#layers`) and tag pages, resolved against what the build actually has,
 * so the site never links to a page that was not built.
 */

export type EntryKind = 'note' | 'guide' | 'report';

/** One linkable page, keyed by its site-relative path without slashes (`guides/dropwatch`). */
export interface EntryLink {
	key: string;
	kind: EntryKind;
	title: string;
	description: string;
	/** Site-relative href for `withBase`, with a trailing slash (`guides/dropwatch/`). */
	href: string;
	tags: string[];
}

/** `/guides/dropwatch/#ip` → `guides/dropwatch` (the page part, without slashes or anchor). */
export function pageKey(link: string): string {
	return link
		.split('#')[0]!
		.split('?')[0]!
		.replace(/^\/+|\/+$/g, '');
}

/** `rfc9293-tcp` as a note → `notes/rfc9293-tcp`. */
export function entryKey(kind: EntryKind, id: string): string {
	return `${kind}s/${id}`;
}

/** The title a note is listed under: `RFC 9293: Transmission Control Protocol (TCP)`. */
export function noteTitle(note: { rfc: number; title: string }): string {
	return `RFC ${note.rfc}: ${note.title}`;
}

/** Related ids that exist, as links, in the order given; unknown ids are returned separately. */
export function resolveRelated(
	ids: readonly string[],
	index: ReadonlyMap<string, EntryLink>,
): { found: EntryLink[]; missing: string[] } {
	const found: EntryLink[] = [];
	const missing: string[] = [];
	for (const id of ids) {
		const entry = index.get(pageKey(id));
		if (entry) found.push(entry);
		else missing.push(id);
	}
	return { found, missing };
}

/** True when `link` points at a built page (the anchor is not checked here). */
export function linksToBuiltPage(link: string, index: ReadonlyMap<string, EntryLink>): boolean {
	return index.has(pageKey(link));
}

/** Every tag with the entries that carry it, tags in alphabetical order, entries by title. */
export function groupByTag(entries: readonly EntryLink[]): Map<string, EntryLink[]> {
	const groups = new Map<string, EntryLink[]>();
	for (const entry of entries) {
		for (const tag of new Set(entry.tags)) {
			const list = groups.get(tag) ?? [];
			list.push(entry);
			groups.set(tag, list);
		}
	}
	const sorted = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
	for (const [, list] of sorted)
		list.sort((a, b) => a.title.localeCompare(b.title, 'en', { numeric: true }));
	return new Map(sorted);
}
