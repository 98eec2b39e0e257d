/**
 * A remark plugin that turns RFC references in prose into links.
 *
 * - `RFC 5321` links to our note (`<base>/notes/rfc5321-smtp/`) when we have one, else to the
 *   RFC Editor's HTML (`https://www.rfc-editor.org/rfc/rfc5321.html`).
 * - `RFC 5321 §4.5.4`, `RFC 5321 Section 4.5.4`, `RFC 5321, Section 4.5.4`, `RFC 5321 Appendix B`:
 *   `RFC 5321` links to our note as above and the section part links to that section of the
 *   official HTML (`…/rfc5321.html#section-4.5.4`, appendices `#appendix-B`); without a note the
 *   whole reference is one link to the official section. Our notes have no per-section headings,
 *   so the official text is the only place a section number can point to.
 * - A bare `§4.5.4` inside a note links to that section of the note's own RFC (known from the
 *   MDX file path, `content/notes/rfc<N>-….mdx`).
 *
 * Code, inline code, headings, existing links and raw HTML are left alone, and a note never
 * links to itself. Links go through the site base, so they work under `/fieldnotes/`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Link, Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import { joinBase } from './url.ts';

export interface RfcLinkOptions {
	/** The site base, as in `astro.config.mjs` (`/fieldnotes/`). Default `/`. */
	base?: string;
	/** Note ids by RFC number (`5321` → `rfc5321-smtp`). Default: read from `content/notes/`. */
	notes?: ReadonlyMap<number, string>;
}

/** The part of a remark `VFile` the plugin reads. */
interface FileLike {
	path?: string;
}

/** A section number or appendix letter: `4.5.4`, `A`, `B.1`. */
const SECTION = String.raw`(?:\d+(?:\.\d+)*|[A-Z](?:\.\d+)*)(?![\w.]*\w)`;
const SPACE = String.raw`[ \t\r\n\u00a0]`;
/**
 * `RFC 5321` with an optional `§x` / `Section x` / `Appendix x` (group 1: rfc, 2: separator,
 * 3: keyword, 4: section), or a bare `§x` (group 5).
 */
const KEYWORD = String.raw`(§${SPACE}?|(?:[Ss]ection|[Aa]ppendix)${SPACE}+)`;
const REFERENCE = new RegExp(
	String.raw`\bRFC${SPACE}?(\d{1,5})(?!\w)(?:(,?${SPACE}+|${SPACE}*)${KEYWORD}(${SECTION}))?` +
		String.raw`|§${SPACE}?(${SECTION})`,
	'g',
);

/** Nodes whose text must stay as written. */
const SKIPPED = new Set([
	'heading',
	'link',
	'linkReference',
	'code',
	'inlineCode',
	'html',
	'definition',
]);
/** JSX elements whose text must stay as written. */
const SKIPPED_JSX = /^(?:a|code|pre|kbd|samp|h[1-6])$/;

/** `https://www.rfc-editor.org/rfc/rfc5321.html`, with `#section-4.5.4` or `#appendix-A.1`. */
export function officialRfcUrl(rfc: number, section?: string): string {
	const page = `https://www.rfc-editor.org/rfc/rfc${rfc}.html`;
	if (!section) return page;
	return `${page}#${/^[A-Z]/.test(section) ? 'appendix' : 'section'}-${section}`;
}

/** Note ids by RFC number, from the file names in `dir` (`rfc5321-smtp.mdx` → 5321). */
export function readNoteIds(dir: string): Map<number, string> {
	const ids = new Map<number, string>();
	for (const file of readdirSync(dir)) {
		const match = /^(rfc(\d+)(?:-[^/]*)?)\.mdx?$/.exec(file);
		if (match) ids.set(Number(match[2]), match[1]!);
	}
	return ids;
}

/** The RFC note a file is, from its path (`…/content/notes/rfc5321-smtp.mdx`), if any. */
export function noteOfPath(path: string | undefined): { rfc: number; id: string } | undefined {
	const match = /(?:^|[\\/])content[\\/]notes[\\/](rfc(\d+)[^\\/]*)\.mdx?$/.exec(path ?? '');
	return match ? { rfc: Number(match[2]), id: match[1]! } : undefined;
}

/** The remark plugin: `remarkPlugins: [[remarkRfcLinks, { base }]]`. */
export function remarkRfcLinks(options: RfcLinkOptions = {}) {
	const base = options.base ?? '/';
	const notes =
		options.notes ?? readNoteIds(fileURLToPath(new URL('../../content/notes/', import.meta.url)));
	return (tree: Root, file?: FileLike) => {
		const self = noteOfPath(file?.path);
		const noteHref = (rfc: number) => {
			const id = notes.get(rfc);
			return id && rfc !== self?.rfc ? joinBase(base, `notes/${id}/`) : undefined;
		};
		walk(tree, (text) => linkText(text.value, self?.rfc, noteHref));
	};
}

/** Replaces, in every text node outside skipped nodes, the node by what `split` makes of it. */
function walk(node: Nodes, split: (text: Text) => PhrasingContent[] | undefined): void {
	if (!('children' in node) || SKIPPED.has(node.type) || isSkippedJsx(node)) return;
	const parent = node as Parent;
	for (let index = 0; index < parent.children.length; index++) {
		const child = parent.children[index]!;
		if (child.type !== 'text') {
			walk(child as Nodes, split);
			continue;
		}
		const replacement = split(child);
		if (!replacement) continue;
		parent.children.splice(index, 1, ...replacement);
		index += replacement.length - 1;
	}
}

function isSkippedJsx(node: Nodes): boolean {
	return (
		(node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') &&
		SKIPPED_JSX.test(node.name ?? '')
	);
}

/** The text split into text and link nodes, or undefined when it has no reference to link. */
export function linkText(
	value: string,
	ownRfc: number | undefined,
	noteHref: (rfc: number) => string | undefined,
): PhrasingContent[] | undefined {
	const out: PhrasingContent[] = [];
	let last = 0;
	const push = (node: PhrasingContent) => {
		const previous = out.at(-1);
		if (node.type === 'text' && previous?.type === 'text') previous.value += node.value;
		else if (node.type !== 'text' || node.value !== '') out.push(node);
	};
	for (const match of value.matchAll(REFERENCE)) {
		const [whole, number, separator, keyword, section, bare] = match;
		const nodes = bare
			? ownRfc === undefined
				? undefined
				: [link(officialRfcUrl(ownRfc, bare), whole)]
			: referenceNodes(Number(number), whole, separator, keyword, section, ownRfc, noteHref);
		if (!nodes) continue;
		push(text(value.slice(last, match.index)));
		for (const node of nodes) push(node);
		last = match.index + whole.length;
	}
	if (last === 0) return undefined;
	push(text(value.slice(last)));
	return out;
}

function referenceNodes(
	rfc: number,
	whole: string,
	separator: string | undefined,
	keyword: string | undefined,
	section: string | undefined,
	ownRfc: number | undefined,
	noteHref: (rfc: number) => string | undefined,
): PhrasingContent[] | undefined {
	const note = noteHref(rfc);
	if (!section) {
		if (rfc === ownRfc) return undefined;
		return [note ? link(note, whole) : link(officialRfcUrl(rfc), whole)];
	}
	if (!note) return [link(officialRfcUrl(rfc, section), whole)];
	const name = whole.slice(0, whole.length - separator!.length - keyword!.length - section.length);
	return [
		link(note, name),
		text(separator!),
		link(officialRfcUrl(rfc, section), `${keyword}${section}`),
	];
}

function text(value: string): Text {
	return { type: 'text', value };
}

function link(url: string, value: string): Link {
	return { type: 'link', url, title: null, children: [text(value)] };
}
