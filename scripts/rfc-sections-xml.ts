/**
 * Reads section numbers and titles from an RFC's xml2rfc v3 source, for RFCs whose plain text is
 * not at hand but whose published XML is (RFCs 9110-9112 as committed by their editors). Numbers
 * are implicit in the XML, so they are counted the way xml2rfc numbers them: `<section>` nesting
 * in `<middle>`; in `<back>`, several top-level `<references>` become children of one numbered
 * "References" section (a single one is numbered itself), and top-level sections are appendices
 * A, B, …; `numbered="false"` sections and everything inside them get no number.
 */
import type { RfcSection } from './rfc-sections.ts';

interface Frame {
	n: string | undefined;
	children: number;
	wrapper?: boolean;
}

const entities: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	mdash: '\u2014',
	ndash: '\u2013',
};

/** Replaces character references and the few named entities RFC sources use. */
function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
		if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
		return entities[name] ?? whole;
	});
}

function readAttr(attrs: string, name: string): string | undefined {
	const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
	return m ? decodeEntities(m[1] ?? m[2]!) : undefined;
}

/** The title of the element opened at `at`: its `title` attribute or its `<name>` child. */
function readTitle(xml: string, attrs: string, at: number): string {
	const fromAttr = readAttr(attrs, 'title');
	if (fromAttr !== undefined) return fromAttr.replace(/\s+/g, ' ').trim();
	const name = /^\s*<name\b[^>]*>([\s\S]*?)<\/name>/.exec(xml.slice(at));
	return decodeEntities((name?.[1] ?? '').replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
}

/** Reads the RFC number from `<rfc … number="9110">`. */
export function findXmlRfcNumber(xml: string): number | undefined {
	const rfc = /<rfc\b([^>]*)>/.exec(xml);
	const n = rfc ? readAttr(rfc[1]!, 'number') : undefined;
	return n ? Number(n) : undefined;
}

/** Reads the document title from `<front><title>`. */
export function findXmlTitle(xml: string): string | undefined {
	const m = /<front>[\s\S]*?<title\b[^>]*>([\s\S]*?)<\/title>/.exec(xml);
	return m ? decodeEntities(m[1]!.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim() : undefined;
}

/** Extracts the numbered sections of an xml2rfc v3 document, in document order. */
export function extractXmlSections(source: string): RfcSection[] {
	const xml = source.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
	const back = /<back>([\s\S]*)<\/back>/.exec(xml)?.[1] ?? '';
	let refDepth = 0;
	let topRefs = 0;
	for (const m of back.matchAll(/<(\/?)(references|section)\b[^>]*?(\/?)>/g)) {
		if (m[3]) continue;
		if (m[1]) refDepth--;
		else if (refDepth++ === 0 && m[2] === 'references') topRefs++;
	}
	const out: RfcSection[] = [];
	const root: Frame = { n: '', children: 0 };
	const stack: Frame[] = [];
	let part: 'middle' | 'back' | undefined;
	let appendix = 0;
	const tags = /<(\/?)(middle|back|section|references)\b([^>]*?)(\/?)>/g;
	for (const m of xml.matchAll(tags)) {
		const [, close, tag, attrs, selfClosing] = m as unknown as [string, string, string, string, string];
		if (tag === 'middle' || tag === 'back') {
			part = close ? undefined : tag;
			stack.length = 0;
			continue;
		}
		if (!part) continue;
		if (close) {
			stack.pop();
			continue;
		}
		const atBackRoot = part === 'back' && stack.filter((f) => !f.wrapper).length === 0;
		if (atBackRoot && tag === 'section' && stack.at(-1)?.wrapper) stack.pop();
		if (atBackRoot && tag === 'references' && topRefs > 1 && !stack.at(-1)?.wrapper) {
			const n = String(++root.children);
			out.push({ n, title: 'References' });
			stack.push({ n, children: 0, wrapper: true });
		}
		const parent = stack.at(-1) ?? root;
		let n: string | undefined;
		if (parent.n === undefined || readAttr(attrs, 'numbered') === 'false') n = undefined;
		else if (atBackRoot && tag === 'section') n = String.fromCharCode(65 + appendix++);
		else n = parent.n ? `${parent.n}.${++parent.children}` : String(++parent.children);
		if (n !== undefined) out.push({ n, title: readTitle(xml, attrs, m.index! + m[0].length) });
		if (!selfClosing) stack.push({ n, children: 0 });
	}
	return out;
}
