/**
 * Internal references of a built page (`href`, `src`, `srcset`, `action`, `poster`,
 * `xlink:href`) and whether each resolves to a file in `dist/` under the base path, down to the
 * fragment's target id. Returns problems as sentences naming page, element and URL.
 */
import { BASE, SITE_ORIGIN, readPage, resolveDistFile, type DistPage } from './dist.ts';
import { collectAnchors, readAttribute, type HtmlElement } from './html.ts';

const URL_ATTRIBUTES = ['href', 'src', 'action', 'poster', 'xlink:href', 'data'];
/** HTML's own fragment for the top of the page: valid without an element of that id. */
const IMPLICIT_FRAGMENTS = new Set(['', 'top']);
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** One URL found on a page, with where it came from, e.g. `<a href>`. */
export interface PageReference {
	where: string;
	value: string;
}

/** Candidate URLs of a `srcset` value: `a.png 1x, b.png 2x` → `a.png`, `b.png`. */
export function splitSrcset(srcset: string): string[] {
	return srcset
		.split(/\s*,\s*/)
		.map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
		.filter((url) => url !== '');
}

/** Every URL-valued attribute of an element. */
export function listReferences(element: HtmlElement): PageReference[] {
	const out: PageReference[] = [];
	for (const name of URL_ATTRIBUTES) {
		if (name === 'data' && element.tagName !== 'object') continue;
		const value = readAttribute(element, name);
		if (value !== undefined) out.push({ where: `<${element.tagName} ${name}>`, value });
	}
	const srcset = readAttribute(element, 'srcset');
	if (srcset !== undefined) {
		for (const value of splitSrcset(srcset)) out.push({ where: `<${element.tagName} srcset>`, value });
	}
	return out;
}

/**
 * Checks one reference from `page`; undefined when it is fine or points off-site. Absolute
 * paths must start with the base; relative ones are resolved against the page's URL; links to
 * `https://example.github.io/…` (canonical, sitemap) are internal too.
 */
export function checkReference(page: DistPage, reference: PageReference): string | undefined {
	const value = reference.value.trim();
	const say = (what: string) => `${page.url} ${reference.where}="${reference.value}": ${what}`;
	if (value === '') return say('empty URL');
	if (/^javascript:/i.test(value)) return say('javascript: URL (no inline script handlers allowed)');
	let target: URL;
	if (SCHEME.test(value) || value.startsWith('//')) {
		const absolute = new URL(value, 'https://scheme-relative.invalid');
		if (absolute.origin !== SITE_ORIGIN) return undefined;
		target = absolute;
	} else {
		if (value.startsWith('/') && !value.startsWith(BASE)) return say(`absolute path outside the base ${BASE}`);
		target = new URL(value, `${SITE_ORIGIN}${page.url}`);
	}
	if (!target.pathname.startsWith(BASE)) return say(`resolves to ${target.pathname}, outside the base ${BASE}`);
	const file = value.startsWith('#') ? page.file : resolveDistFile(target.pathname);
	if (!file) return say(`${target.pathname} is not a file in dist/`);
	const fragment = decodeURIComponent(target.hash.slice(1));
	if (IMPLICIT_FRAGMENTS.has(fragment) || !file.endsWith('.html')) return undefined;
	if (!collectAnchors(readPage(file).parsed).has(fragment)) {
		return say(`no element with id "${fragment}" on ${target.pathname}`);
	}
	return undefined;
}

/** Problems of every internal reference on a page. */
export function checkPageReferences(page: DistPage): string[] {
	const problems: string[] = [];
	for (const element of readPage(page.file).parsed.elements) {
		for (const reference of listReferences(element)) {
			const problem = checkReference(page, reference);
			if (problem) problems.push(problem);
		}
	}
	return problems;
}
