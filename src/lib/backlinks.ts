/**
 * "Referenced by" for notes: which other pages point at a note, found in their MDX bodies and
 * frontmatter at build time. A page references a note when it links to it (a relative link such
 * as `../rfc7323-tcp-high-performance/` or `../../notes/rfc9293-tcp/`, or a `related` entry) or
 * names its RFC in prose (`RFC 9293`, which the remark plugin turns into that same link). Code
 * blocks and inline code are not prose and are not read.
 */

/** One note or guide, as the scan needs it. */
export interface SourcePage {
	/** Site-relative key without slashes: `notes/rfc9293-tcp`, `guides/netstat`. */
	key: string;
	/** The MDX body (frontmatter removed). */
	body: string;
	/** Frontmatter `related` ids (`notes/rfc9293-tcp`). */
	related: string[];
}

/** Note keys by RFC number, from note keys named `notes/rfc<N>-…`. */
export function notesByRfc(keys: Iterable<string>): Map<number, string> {
	const byRfc = new Map<number, string>();
	for (const key of keys) {
		const match = /^notes\/rfc(\d+)(?:-|$)/.exec(key);
		if (match) byRfc.set(Number(match[1]), key);
	}
	return byRfc;
}

/** The body without fenced code blocks and inline code spans. */
export function stripCode(body: string): string {
	const kept: string[] = [];
	let fence: string | undefined;
	for (const line of body.split('\n')) {
		const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (fence === undefined && marker) fence = marker;
		else if (fence !== undefined && marker?.startsWith(fence)) fence = undefined;
		else if (fence === undefined) kept.push(line);
	}
	return kept.join('\n').replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
}

/** Note keys one page points at, in first-seen order, never itself. */
export function referencedNotes(page: SourcePage, byRfc: ReadonlyMap<number, string>): string[] {
	const notes = new Set(byRfc.values());
	const found = new Set<string>();
	const add = (key: string | undefined) => {
		if (key && key !== page.key && notes.has(key)) found.add(key);
	};
	for (const id of page.related) add(id.split('#')[0]!.replace(/^\/+|\/+$/g, ''));
	const prose = stripCode(page.body);
	const base = new URL(`https://site.invalid/${page.key}/`);
	for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
		const target = match[1]!;
		if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('https://site.invalid/'))
			continue;
		const path = new URL(target, base).pathname.replace(/^\/+|\/+$/g, '');
		add(/^notes\/[^/]+/.exec(path)?.[0]);
	}
	const unlinked = prose.replace(/\[[^\]]*\]\([^)]*\)/g, '');
	for (const match of unlinked.matchAll(/\bRFC[ \t\n\u00a0]?(\d{1,5})(?!\w)/g))
		add(byRfc.get(Number(match[1])));
	return [...found];
}

/** For every note key, the keys of the pages that reference it, in the order of `pages`. */
export function collectBacklinks(
	pages: readonly SourcePage[],
	noteKeys: Iterable<string>,
): Map<string, string[]> {
	const byRfc = notesByRfc(noteKeys);
	const backlinks = new Map<string, string[]>([...byRfc.values()].map((key) => [key, []]));
	for (const page of pages) {
		for (const note of referencedNotes(page, byRfc)) backlinks.get(note)!.push(page.key);
	}
	return backlinks;
}
