/**
 * Reading guides and parser sources as files: heading anchors as Astro makes them, and every
 * `guides/<id>/#<anchor>` link a parser's source can emit, found by reading the source text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PARSERS = path.join(ROOT, 'src/parsers');

/** One guide link found in a parser source: `guides/<guide>/#<anchor>`. */
export interface GuideLink {
	guide: string;
	anchor: string;
	/** Source file it came from, relative to the repository root. */
	file: string;
}

/** `content/guides/<id>.mdx`, or undefined when there is no such guide. */
export function readGuide(id: string): string | undefined {
	const file = path.join(ROOT, 'content/guides', `${id}.mdx`);
	return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Heading ids of a guide or note, as Astro's markdown pipeline makes them. */
export { headingIds as readHeadingIds } from '../helpers/headings.ts';

/** Source text without comments: TSDoc examples (`e.g. guides/dropwatch/#layers`) emit nothing. */
function readCode(file: string): string {
	return readFileSync(file, 'utf8')
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/^\s*\/\/.*$/gm, '');
}

/** Every `.ts` file under `dir`, recursively, as absolute paths. */
function listSources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return listSources(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}

/** `anchor: 'x'` values in every source file of one parser folder (rule tables). */
function listAnchorFields(folder: string): string[] {
	const anchors: string[] = [];
	for (const file of listSources(folder)) {
		const code = readCode(file);
		for (const match of code.matchAll(/\banchor:\s*'([a-z0-9-]+)'/g)) anchors.push(match[1]!);
	}
	return anchors;
}

/**
 * Every guide link in the code (not the comments) of `src/parsers/**`, in the three shapes the
 * sources use:
 * - literal: `'guides/netstat/#inputs'`;
 * - through a constant: `const GUIDE = 'guides/dropwatch/'` … `` `${GUIDE}#ip-layer` ``;
 * - from a rule table: `` `guides/netstat/#${rule.anchor}` `` with `anchor: 'x'` fields in the
 *   same parser folder.
 */
export function listParserGuideLinks(): GuideLink[] {
	const links: GuideLink[] = [];
	for (const file of listSources(PARSERS)) {
		const text = readCode(file);
		const rel = path.relative(ROOT, file);
		for (const match of text.matchAll(/guides\/([a-z0-9-]+)\/#([a-z0-9-]+)/g)) {
			links.push({ guide: match[1]!, anchor: match[2]!, file: rel });
		}
		const constants = new Map<string, string>();
		for (const match of text.matchAll(/const (\w+)\s*=\s*'guides\/([a-z0-9-]+)\/'/g)) {
			constants.set(match[1]!, match[2]!);
		}
		for (const match of text.matchAll(/\$\{(\w+)\}#([a-z0-9-]+)/g)) {
			const guide = constants.get(match[1]!);
			if (guide) links.push({ guide, anchor: match[2]!, file: rel });
		}
		for (const match of text.matchAll(/guides\/([a-z0-9-]+)\/#\$\{/g)) {
			const folder = path.join(PARSERS, path.relative(PARSERS, file).split(path.sep)[0]!);
			for (const anchor of listAnchorFields(folder)) {
				links.push({ guide: match[1]!, anchor, file: rel });
			}
		}
	}
	return links;
}

/** `guides/<id>/#<anchor>` strings, deduplicated and sorted. */
export function formatGuideLinks(links: readonly GuideLink[]): string[] {
	return [...new Set(links.map((link) => `guides/${link.guide}/#${link.anchor}`))].sort();
}
