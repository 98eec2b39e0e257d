/**
 * The built site as the site tests see it: `dist/` made by `npm run build:test` (base
 * `/fieldnotes/`, site https://example.github.io, directory format). Lists its HTML pages, maps
 * URL paths under the base to files, and parses pages once. The tests never build the site: a
 * missing or wrongly based `dist/` is a failure that says which command to run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtml, type ParsedHtml } from './html.ts';

/** Absolute path of `dist/`, with a trailing separator. */
export const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));
/** Project root, for reading `content/`. */
export const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));
/** The base path `npm run build:test` builds with. */
export const BASE = '/fieldnotes/';
/** `SITE_URL` of `npm run build:test`. */
export const SITE_ORIGIN = 'https://example.github.io';

const BUILD_HINT = 'run `npm run build:test` first (base /fieldnotes/, SITE_URL https://example.github.io)';

/** One HTML file of the build. */
export interface DistPage {
	/** Absolute file path. */
	file: string;
	/** Path below `dist/` with `/` separators, e.g. `notes/rfc5321-smtp/index.html`. */
	rel: string;
	/** URL path a browser uses, e.g. `/fieldnotes/notes/rfc5321-smtp/` or `/fieldnotes/404.html`. */
	url: string;
}

/**
 * Throws unless `dist/` holds a build made with base `/fieldnotes/`. Call it in `beforeAll`, so a
 * missing build fails every test with the command to run instead of skipping anything.
 */
export function requireDist(): void {
	const home = path.join(DIST_DIR, 'index.html');
	if (!existsSync(home)) throw new Error(`dist/index.html is missing: ${BUILD_HINT}`);
	const html = readFileSync(home, 'utf8');
	if (!/(?:href|src|action)="\/fieldnotes\//.test(html)) {
		throw new Error(`dist/ was not built with base /fieldnotes/ (no link on the home page starts with it): ${BUILD_HINT}`);
	}
}

function walk(dir: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...walk(full));
		else if (entry.isFile()) out.push(full);
	}
	return out;
}

/** Every file below `dist/`, as paths relative to it with `/` separators, sorted. */
export function listDistFiles(): string[] {
	return walk(DIST_DIR)
		.map((file) => path.relative(DIST_DIR, file).split(path.sep).join('/'))
		.sort();
}

/** The URL path of a file below `dist/`: `x/index.html` → `/fieldnotes/x/`. */
export function urlOfRel(rel: string): string {
	if (rel === 'index.html') return BASE;
	if (rel.endsWith('/index.html')) return `${BASE}${rel.slice(0, -'index.html'.length)}`;
	return `${BASE}${rel}`;
}

/** Every HTML page of the build, sorted by URL. */
export function listHtmlPages(): DistPage[] {
	return listDistFiles()
		.filter((rel) => rel.endsWith('.html'))
		.map((rel) => ({ file: path.join(DIST_DIR, rel), rel, url: urlOfRel(rel) }))
		.sort((a, b) => a.url.localeCompare(b.url));
}

/**
 * The file in `dist/` a URL path under the base serves, or undefined. Query and fragment are
 * ignored; `/fieldnotes/x/` is `dist/x/index.html`; anything else must name a file exactly
 * (a directory without the trailing slash does not count: the site uses trailing-slash URLs).
 */
export function resolveDistFile(urlPath: string): string | undefined {
	const pathname = urlPath.replace(/[?#].*$/, '');
	if (!pathname.startsWith(BASE) && pathname !== BASE.slice(0, -1)) return undefined;
	let rel: string;
	try {
		rel = decodeURIComponent(pathname.slice(BASE.length));
	} catch {
		return undefined;
	}
	if (rel === '' || rel.endsWith('/')) rel += 'index.html';
	const file = path.resolve(DIST_DIR, rel);
	if (!file.startsWith(DIST_DIR)) return undefined;
	return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

const parsedCache = new Map<string, { html: string; parsed: ParsedHtml }>();

/** The raw HTML and parsed tree of a file in `dist/`, parsed once per test file. */
export function readPage(file: string): { html: string; parsed: ParsedHtml } {
	let entry = parsedCache.get(file);
	if (!entry) {
		const html = readFileSync(file, 'utf8');
		entry = { html, parsed: parseHtml(html) };
		parsedCache.set(file, entry);
	}
	return entry;
}

/** The page a URL path names, or undefined when the build has no such page. */
export function findPage(url: string): DistPage | undefined {
	return listHtmlPages().find((page) => page.url === url);
}

/** Page kinds from the site conventions, decided by URL alone. */
export type PageKind = 'home' | 'note' | 'guide' | 'report' | 'reference' | 'listing' | 'search' | 'not-found' | 'other';

/** Classifies a page URL: content pages (note, guide, report, reference) are the ones search indexes. */
export function classifyPage(url: string): PageKind {
	const rest = url.slice(BASE.length);
	if (rest === '') return 'home';
	if (rest === '404.html' || rest === '404/') return 'not-found';
	if (rest === 'search/') return 'search';
	if (/^notes\/[^/]+(?:\/[^/]+)*\/$/.test(rest)) return 'note';
	if (/^guides\/[^/]+(?:\/[^/]+)*\/$/.test(rest)) return 'guide';
	if (/^reports\/[^/]+\/[^/]+\/$/.test(rest)) return 'report';
	if (/^reference\/[^/]+\/$/.test(rest)) return 'reference';
	if (/^(?:notes|guides|reports|tags)\/(?:[^/]+\/)?$/.test(rest)) return 'listing';
	return 'other';
}
