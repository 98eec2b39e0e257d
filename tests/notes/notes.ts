/** Reads the RFC cliff notes and the section data files the notes tests check them against. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

const notesDir = new URL('../../content/notes/', import.meta.url);
const sectionsDir = new URL('../../src/data/rfc-sections/', import.meta.url);

/** One note file split into its raw frontmatter object and its MDX body. */
export interface NoteFile {
	file: string;
	frontmatter: Record<string, unknown>;
	body: string;
}

/** The body sections every note has, as `##` headings, in this order. */
export const requiredHeadings = [
	'In one paragraph',
	'Key points',
	'Numbers worth remembering',
	'Operational gotchas',
	'Where this shows up in fieldnotes',
];

/** Lists `content/notes/*.mdx` with frontmatter parsed by the `yaml` package. */
export function readNotes(): NoteFile[] {
	if (!existsSync(notesDir)) return [];
	return readdirSync(notesDir)
		.filter((file) => file.endsWith('.mdx'))
		.sort()
		.map((file) => {
			const text = readFileSync(new URL(file, notesDir), 'utf8');
			const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
			if (!match) return { file, frontmatter: {}, body: text };
			return { file, frontmatter: parseYaml(match[1]!) ?? {}, body: match[2]! };
		});
}

/** The committed section data of one RFC, or undefined when there is no file for it. */
export interface RfcSectionsData {
	rfc: number;
	title: string;
	source: string;
	sections: { n: string; title: string }[];
}

/** Lists the RFC numbers that have `src/data/rfc-sections/rfc<N>.json`. */
export function listSectionFiles(): string[] {
	if (!existsSync(sectionsDir)) return [];
	return readdirSync(sectionsDir).filter((file) => /^rfc\d+\.json$/.test(file)).sort();
}

/** Reads `src/data/rfc-sections/rfc<N>.json`, or undefined when it does not exist. */
export function readSections(rfc: number): RfcSectionsData | undefined {
	const url = new URL(`rfc${rfc}.json`, sectionsDir);
	if (!existsSync(url)) return undefined;
	return JSON.parse(readFileSync(url, 'utf8')) as RfcSectionsData;
}

/** A `§` reference in a note: to the note's own RFC, or to another as `RFC 1234 §x.y`. */
export interface SectionRef {
	rfc: number;
	n: string;
	text: string;
}

/** Finds every `§x.y.z` reference; `RFC 1035 §4.2.1` points into RFC 1035's data instead. */
export function findSectionRefs(body: string, ownRfc: number): SectionRef[] {
	const refs: SectionRef[] = [];
	const pattern = /(?:\bRFC[ \u00a0]?(\d{1,5})[ \u00a0]?)?§[ \u00a0]?([0-9A-Z]+(?:\.[0-9]+)*)/g;
	for (const m of body.matchAll(pattern)) {
		refs.push({ rfc: m[1] ? Number(m[1]) : ownRfc, n: m[2]!, text: m[0] });
	}
	return refs;
}

/** Splits a note body into its `##` sections: heading text -> section text. */
export function splitSections(body: string): { heading: string; text: string }[] {
	const parts = body.split(/^## +/m).slice(1);
	return parts.map((part) => {
		const newline = part.indexOf('\n');
		return { heading: part.slice(0, newline).trim(), text: part.slice(newline + 1) };
	});
}

/** Top-level list items of a section (lines starting with `- `), continuation lines joined. */
export function listBullets(text: string): string[] {
	const bullets: string[] = [];
	for (const line of text.split('\n')) {
		if (/^[-*] /.test(line)) bullets.push(line.slice(2).trim());
		else if (/^ {2,}\S/.test(line) && bullets.length > 0) bullets[bullets.length - 1] += ` ${line.trim()}`;
	}
	return bullets;
}

/**
 * Data rows of the Markdown tables in a section whose header names a reference column
 * (`Where`, `Section`, `Ref`, `§`); other tables, such as worked examples, are left out.
 */
export function listTableRows(text: string): string[] {
	const rows: string[] = [];
	let state: 'out' | 'header' | 'cited' | 'uncited' = 'out';
	for (const line of text.split('\n')) {
		if (!line.startsWith('|')) state = 'out';
		else if (state === 'out') state = /where|section|ref|§/i.test(line) ? 'header' : 'uncited';
		else if (/^\|[\s:|-]+\|?\s*$/.test(line)) state = state === 'header' ? 'cited' : state;
		else if (state === 'cited') rows.push(line);
	}
	return rows;
}
