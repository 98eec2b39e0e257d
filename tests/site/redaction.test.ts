/**
 * Publishing safely: no email or IP address from a committed sample input appears anywhere in the
 * built site — pages, sitemaps, scripts, and Pagefind's gzip'd fragments and index — unless the
 * sample's .md turns redaction off (`redact: false`), and then only on its own report page.
 *
 * Notes and guides are prose we write; they may name an address in their own right (`127.0.0.1`
 * in a load-testing guide). Such an address may appear on pages other than reports, where
 * listings and search carry that prose. A report page may show none at all.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { findSampleCases } from '../../src/loaders/reports.ts';
import { addressPattern, collectAddresses, findAddresses } from '../helpers/addresses.ts';
import {
	BASE,
	classifyPage,
	DIST_DIR,
	listDistFiles,
	requireDist,
	ROOT_DIR,
	urlOfRel,
} from '../helpers/dist.ts';

/** Address (lower case) → the sample inputs it comes from. */
const secrets = new Map<string, string>();
/** Report URLs of samples published with `redact: false`. */
const unredactedReports = new Set<string>();
/** Addresses our own notes and guides write (lower case). */
let ownProse = new Set<string>();

async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	const files = entries.filter((entry) => entry.isFile());
	return files.map((entry) => path.join(entry.parentPath, entry.name));
}

beforeAll(async () => {
	requireDist();
	const { cases, problems } = await findSampleCases(ROOT_DIR);
	expect(problems).toEqual([]);
	for (const sample of cases) {
		if (sample.meta.redact === false) {
			unredactedReports.add(`${BASE}reports/${sample.id}/`);
			continue;
		}
		for (const input of sample.inputs) {
			const { emails, ipv4, ipv6 } = await collectAddresses(path.join(ROOT_DIR, input));
			for (const address of [...emails, ...ipv4, ...ipv6].map((a) => a.toLowerCase())) {
				const seen = secrets.get(address);
				if (!seen?.includes(input)) secrets.set(address, seen ? `${seen}, ${input}` : input);
			}
		}
	}
	const prose: string[] = [];
	for (const dir of ['content/notes', 'content/guides']) {
		const files = await listFiles(path.join(ROOT_DIR, dir));
		prose.push(...files.map((file) => readFileSync(file, 'utf8')));
	}
	const found = findAddresses(prose.join('\n'));
	ownProse = new Set([...found.emails, ...found.ipv4, ...found.ipv6].map((a) => a.toLowerCase()));
});

function decodeEntities(text: string): string {
	return text
		.replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
		.replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** `where: address (from input)` for each sample address in `text` that may not be there. */
function leaksIn(where: string, text: string, isReport: boolean): string[] {
	const haystack = text.toLowerCase();
	const leaks: string[] = [];
	for (const [address, input] of secrets) {
		if (!isReport && ownProse.has(address)) continue;
		if (addressPattern(address).test(haystack)) leaks.push(`${where}: ${address} (from ${input})`);
	}
	return leaks;
}

const TEXT_FILE = /\.(?:html|xml|json|js|css|svg|txt)$/;

describe('redaction in the built site', () => {
	test('the samples hold addresses to look for (postfix relay-week and clean-day at least)', () => {
		expect(secrets.has('alice@fieldnotes.test')).toBe(true);
		expect(secrets.has('127.0.0.5')).toBe(true);
		expect(secrets.size).toBeGreaterThan(100);
	});

	test('no page or text file shows an address from a redacted sample input', () => {
		const leaks: string[] = [];
		const files = listDistFiles().filter((rel) => TEXT_FILE.test(rel));
		expect(files.filter((rel) => rel.startsWith('reports/')).length).toBeGreaterThan(5);
		for (const rel of files) {
			const url = urlOfRel(rel);
			if (unredactedReports.has(url)) continue;
			const text = readFileSync(path.join(DIST_DIR, rel), 'utf8');
			const shown = rel.endsWith('.html') ? decodeEntities(text) : text;
			leaks.push(...leaksIn(`dist/${rel}`, shown, classifyPage(url) === 'report'));
		}
		const hint = 'is the loader redacting? does a sample .md quote one?';
		expect(leaks, `addresses from sample inputs in dist/ (${hint})`).toEqual([]);
	});

	test('no Pagefind fragment or index file holds an address from a redacted input', async () => {
		const dir = path.join(DIST_DIR, 'pagefind');
		const pagefindData = /\.pf_(?:fragment|index|meta|filter)$/;
		const files = (await listFiles(dir)).filter((file) => pagefindData.test(file));
		expect(files.filter((file) => file.endsWith('.pf_fragment')).length).toBeGreaterThan(5);
		const leaks: string[] = [];
		for (const file of files) {
			const text = gunzipSync(await readFile(file)).toString('utf8');
			const where = `dist/${path.relative(DIST_DIR, file)}`;
			if (!file.endsWith('.pf_fragment')) {
				leaks.push(...leaksIn(where, text, false));
				continue;
			}
			const { url } = JSON.parse(text.slice('pagefind_dcd'.length)) as { url: string };
			const pageUrl = `${BASE}${url.replace(/^\//, '')}`;
			if (unredactedReports.has(pageUrl)) continue;
			leaks.push(...leaksIn(`${where} (${url})`, text, classifyPage(pageUrl) === 'report'));
		}
		expect(leaks, 'addresses from sample inputs in the search index').toEqual([]);
	});
});
