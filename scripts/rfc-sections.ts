/**
 * Extracts an RFC's section numbers and titles from its plain text and writes
 * `src/data/rfc-sections/rfc<N>.json`, the data the notes tests check `§` references against.
 *
 * Usage:
 *   npx tsx scripts/rfc-sections.ts --source '<repo>@<commit>:<path>' /tmp/rfc/rfc5321.txt
 *   npx tsx scripts/rfc-sections.ts --source '…' --title 'Override' --out /tmp/x rfc.txt
 *   npx tsx scripts/rfc-sections.ts --check rfc.txt   # print sections and TOC mismatches only
 *   npx tsx scripts/rfc-sections.ts --toc --source '…' front.txt   # sections from the TOC alone
 *   npx tsx scripts/rfc-sections.ts --source '…' rfc9110.xml   # xml2rfc v3 source (see -xml.ts)
 *
 * Sections come from the body's headings (lines starting at column 0, such as `4.5.4.1.  Sending
 * Strategy`, `3.1 Other or Undefined Status`, `Appendix A.  TCP Transport Service`, `D.1.  A
 * Typical …`); the table of contents, when there is one, is only used to cross-check them, so
 * every mismatch is printed for a human to look at. The RFC text itself is never committed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractXmlSections, findXmlRfcNumber, findXmlTitle } from './rfc-sections-xml.ts';

/** One section of an RFC: its number (`4.5.4.1`, `A`, `A.1`) and its title. */
export interface RfcSection {
	n: string;
	title: string;
}

/** The committed data file for one RFC. */
export interface RfcSectionsFile {
	rfc: number;
	title: string;
	source: string;
	sections: RfcSection[];
}

const numbered = /^(\d+(?:\.\d+)*)\.?[ \t]+(\S.*)$/;
const appendix = /^(?:Appendix|APPENDIX)[ \t]+([A-Z](?:\.\d+)*)\.?(?:[ \t]*[-:.][ \t]*|[ \t]+)(\S.*)$/;
const lettered = /^([A-Z](?:\.\d+)+)\.?[ \t]+(\S.*)$/;
const pageLine = /\[Page \d+\]\s*$|^RFC \d+ /;
/** A title may start with a number joined to a word: `64-bit …`, `32 bit …`, `100 Continue`. */
const titleNumber = /^\d+(?:-|[ \t])?[A-Za-z]/;

/** Reads the RFC number from the header block (`Request for Comments: 5321`). */
export function findRfcNumber(text: string): number | undefined {
	const match = /^Request for Comments:\s*(\d+)/m.exec(text);
	return match ? Number(match[1]) : undefined;
}

/** Reads the centred title between the header block and the abstract or status memo. */
export function findRfcTitle(text: string): string | undefined {
	const lines = text.split(/\r?\n/);
	const header = lines.findIndex((line) => /^Request for Comments:/.test(line));
	if (header < 0) return undefined;
	let i = header + 1;
	while (i < lines.length && lines[i]!.trim() !== '') i++;
	while (i < lines.length && lines[i]!.trim() === '') i++;
	const parts: string[] = [];
	while (i < lines.length && lines[i]!.trim() !== '') parts.push(lines[i++]!.trim());
	return parts.length > 0 ? parts.join(' ') : undefined;
}

function matchHeading(line: string): RfcSection | undefined {
	if (pageLine.test(line)) return undefined;
	const m = appendix.exec(line) ?? lettered.exec(line) ?? numbered.exec(line);
	if (!m) return undefined;
	// RFC 1035 runs a few headings into their paragraph after a wide gap: keep the heading only.
	const title = m[2]!.split(/\s{4,}/)[0]!.replace(/\s+/g, ' ').trim();
	// A heading's title never starts with punctuation that continues a sentence, nor with a bare
	// number; a number joined to a word is a title (RFC 1813 `6.3.1 64-bit offsets and lengths`,
	// RFC 9110 `15.3.1.  200 OK`).
	if (/^[.,;:)\]-]/.test(title) || (/^\d/.test(title) && !titleNumber.test(title))) return undefined;
	return { n: m[1]!, title };
}

/** True when `n` may follow `prev`: its first child, or the next sibling of it or an ancestor. */
function canFollow(prev: string | undefined, n: string): boolean {
	const next = n.split('.');
	if (prev === undefined) return next.length === 1;
	const last = prev.split('.');
	if (next.length === last.length + 1) {
		return next.slice(0, -1).join('.') === prev && next.at(-1) === '1';
	}
	if (next.length > last.length) return false;
	const parent = last.slice(0, next.length - 1);
	if (next.slice(0, -1).join('.') !== parent.join('.')) return false;
	const [a, b] = [last[next.length - 1]!, next.at(-1)!];
	if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(b) === Number(a) + 1;
	if (/^[A-Z]$/.test(b)) return /^\d+$/.test(a) || b.charCodeAt(0) === a.charCodeAt(0) + 1;
	// Some RFCs (5322) put the numbered References section after the appendices.
	return next.length === 1 && /^[A-Z]$/.test(a) && /^\d+$/.test(b);
}

/** Extracts the body's section headings in order; `rejected` gets lines that looked like one. */
export function extractSections(text: string, rejected: string[] = []): RfcSection[] {
	const lines = text.split(/\r?\n/);
	const sections: RfcSection[] = [];
	for (let i = 0; i < lines.length; i++) {
		const heading = matchHeading(lines[i]!);
		if (!heading) continue;
		// A long heading wraps onto an indented next line with no blank line between.
		const next = lines[i + 1] ?? '';
		if (lines[i]!.length >= 60 && /^ {3,}\S/.test(next) && !/\.{3,}/.test(next)) {
			heading.title = `${heading.title} ${next.trim()}`;
		}
		if (canFollow(sections.at(-1)?.n, heading.n)) sections.push(heading);
		else rejected.push(`${i + 1}: ${lines[i]}`);
	}
	return sections;
}

/**
 * Entries of the table of contents (`   4.5.4.1.  Sending Strategy . . . 68`, `   Appendix A -
 * Collected Status Codes ....14`), wrapped entries joined and dot leaders dropped. Used to
 * cross-check the body, or alone (`--toc`) when only the front matter of an RFC is at hand.
 */
export function extractTocSections(text: string): RfcSection[] {
	const entry =
		/^ {1,12}(?:Appendix[ \t]+)?((?:\d+|[A-Z])(?:\.\d+)*)\.?(?:[ \t]+-)?[ \t]+((?:[^\d\s.]|\d+(?:-|[ \t])?[A-Za-z]).*)$/;
	// Dot leaders and a page number, or just a page number when the title fills the line; not the
	// '.0' of a title such as 'Differences from NFSv4.0' in a TOC without page numbers.
	const page = /(?:\s*\.(?:[ .]*\.)?\s*(?<!\w\.)|\s{2,})\d+\s*$/;
	const out: RfcSection[] = [];
	const start = text.search(/^ *Table of Contents\s*$/im);
	if (start < 0) return out;
	const rest = text.slice(start);
	const body = rest.search(/^1\.?[ \t]+\S/m);
	let open = false; // the last entry wrapped: its page number is still to come
	let indent = 0; // a wrapped title continues further right than its entry starts
	for (const line of (body < 0 ? rest : rest.slice(0, body)).split(/\r?\n/)) {
		const m = entry.exec(line);
		const lead = /^ */.exec(line)![0].length;
		if (m) {
			out.push({ n: m[1]!, title: m[2]! });
			indent = lead;
		} else if (open && /^ +\S/.test(line) && lead > indent) out.at(-1)!.title += ` ${line.trim()}`;
		else continue;
		open = !page.test(line);
	}
	return out.map((s) => ({ n: s.n, title: s.title.replace(page, '').replace(/\s+/g, ' ').trim() }));
}

/** Section numbers listed in the table of contents. */
export function extractTocNumbers(text: string): string[] {
	return extractTocSections(text).map((s) => s.n);
}

/** Serialises the data file with one section per line, so diffs stay readable. */
export function formatSectionsFile(data: RfcSectionsFile): string {
	const head = (['rfc', 'title', 'source'] as const).map(
		(key) => `\t${JSON.stringify(key)}: ${JSON.stringify(data[key])},`,
	);
	const rows = data.sections.map((s) => `\t\t{ "n": ${JSON.stringify(s.n)}, "title": ${JSON.stringify(s.title)} }`);
	return ['{', ...head, '\t"sections": [', rows.join(',\n'), '\t]', '}', ''].join('\n');
}

function parseArgs(argv: string[]): Record<string, string> & { files: string } {
	const args: Record<string, string> = { files: '' };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--check' || arg === '--toc') args[arg.slice(2)] = '1';
		else if (arg.startsWith('--')) args[arg.slice(2)] = argv[++i] ?? '';
		else args.files = args.files ? `${args.files}\n${arg}` : arg;
	}
	return args as Record<string, string> & { files: string };
}

function runMain(argv: string[]): void {
	const args = parseArgs(argv);
	const file = args.files.split('\n')[0];
	if (!file || (!args.check && !args.source)) {
		throw new Error('usage: rfc-sections.ts --source <where the text came from> <rfcNNNN.txt>');
	}
	const text = readFileSync(file, 'utf8');
	const xml = file.endsWith('.xml');
	const rfc = Number(args.rfc ?? (xml ? findXmlRfcNumber(text) : findRfcNumber(text)));
	const title = args.title ?? (xml ? findXmlTitle(text) : findRfcTitle(text)) ?? '';
	if (!Number.isInteger(rfc) || rfc <= 0 || !title) {
		throw new Error(`${file}: no RFC number or title found; pass --rfc and --title`);
	}
	const rejected: string[] = [];
	const sections = xml
		? extractXmlSections(text)
		: args.toc
			? extractTocSections(text)
			: extractSections(text, rejected);
	const found = new Set(sections.map((s) => s.n));
	const toc = extractTocNumbers(text);
	const missing = toc.filter((n) => !found.has(n));
	const extra = toc.length > 0 ? sections.filter((s) => !toc.includes(s.n)).map((s) => s.n) : [];
	for (const line of rejected) console.error(`${file}:${line}  (rejected: out of sequence)`);
	if (missing.length) console.error(`${file}: in TOC, not in body: ${missing.join(' ')}`);
	if (extra.length) console.error(`${file}: in body, not in TOC: ${extra.join(' ')}`);
	const data: RfcSectionsFile = { rfc, title, source: args.source ?? '', sections };
	if (args.check) {
		console.log(JSON.stringify(data, null, '\t'));
		return;
	}
	const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
	const outDir = args.out ?? join(root, 'src/data/rfc-sections');
	mkdirSync(outDir, { recursive: true });
	const out = join(outDir, `rfc${rfc}.json`);
	writeFileSync(out, formatSectionsFile(data));
	console.log(`${out}: RFC ${rfc} "${title}", ${sections.length} sections, TOC ${toc.length}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	runMain(process.argv.slice(2));
}
