/** Heading anchors of an MDX page, as Astro makes them (github-slugger over the heading text). */
import GithubSlugger from 'github-slugger';

/** Ids of the `##`…`######` headings outside fenced code, inline-code backticks dropped. */
export function headingIds(mdx: string): Set<string> {
	const slugger = new GithubSlugger();
	const ids = new Set<string>();
	let fenced = false;
	for (const line of mdx.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		const heading = fenced ? null : /^#{2,6} (.+?)\s*#*\s*$/.exec(line);
		if (heading) ids.add(slugger.slug(heading[1]!.replace(/`/g, '')));
	}
	return ids;
}
