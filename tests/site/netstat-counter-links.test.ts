/**
 * Counter names on the netstat report pages link to the counter reference page: in the built
 * site (base /fieldnotes/), every such link goes through the base and ends at an element id the
 * reference page really has, and the link text is the counter the anchor names.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { BASE, listHtmlPages, readPage, requireDist, resolveDistFile } from '../helpers/dist.ts';
import { collectAnchors, findElements, readAttribute, readCleanText } from '../helpers/html.ts';

const REFERENCE_URL = `${BASE}reference/netstat-counters/`;

let referenceIds: Set<string>;
let reportPages: { url: string; file: string }[];

beforeAll(() => {
	requireDist();
	const reference = resolveDistFile(REFERENCE_URL);
	if (!reference) throw new Error(`${REFERENCE_URL} is not in dist/: run npm run build:test`);
	referenceIds = collectAnchors(readPage(reference).parsed);
	reportPages = listHtmlPages().filter((page) => page.url.startsWith(`${BASE}reports/netstat/`) && page.url !== `${BASE}reports/netstat/`);
});

/** The counter links of one page: [link text, href]. */
function listCounterLinks(file: string): [string, string][] {
	return findElements(readPage(file).parsed, 'a')
		.map((a) => [readCleanText(a), readAttribute(a, 'href') ?? ''] as [string, string])
		.filter(([, href]) => href.includes('reference/netstat-counters/#'));
}

describe('counter links on the netstat report pages', () => {
	test('there are netstat report pages, each with counter links', () => {
		expect(reportPages.length).toBeGreaterThanOrEqual(4);
		for (const page of reportPages) expect(listCounterLinks(page.file).length, page.url).toBeGreaterThan(10);
	});

	test('every counter link goes through the base and resolves to an existing anchor of the reference page', () => {
		const broken: string[] = [];
		let checked = 0;
		for (const page of reportPages) {
			for (const [text, href] of listCounterLinks(page.file)) {
				checked++;
				const [path, id = ''] = href.split('#');
				if (path !== REFERENCE_URL) broken.push(`${page.url}: ${text} -> ${href} (not ${REFERENCE_URL})`);
				else if (!referenceIds.has(id)) broken.push(`${page.url}: ${text} -> #${id} (no such anchor)`);
				else if (text.includes(':') && text.replace(':', '-') !== id) broken.push(`${page.url}: ${text} -> #${id} (another counter)`);
			}
		}
		expect(broken).toEqual([]);
		expect(checked).toBeGreaterThan(100);
	});

	test('the seed capture links TcpExt:SyncookiesFailed to its reference row', () => {
		const file = resolveDistFile(`${BASE}reports/netstat/seed-blog/`);
		expect(file, 'reports/netstat/seed-blog/ is built').toBeDefined();
		expect(listCounterLinks(file!)).toContainEqual(['TcpExt:SyncookiesFailed', `${REFERENCE_URL}#TcpExt-SyncookiesFailed`]);
	});
});
