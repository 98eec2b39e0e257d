/**
 * The netstat counter reference page in the built site: one row per counter of the net-tools
 * mapping table under a stable anchor, and found by Pagefind (headless Chromium, the site's own
 * `pagefind/pagefind.js`) when searching for the words of a `netstat -s` line.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MIB_ROWS } from '../../src/parsers/netstat/mib-table.ts';
import { BASE, readPage, requireDist, resolveDistFile } from '../helpers/dist.ts';
import { findElements, findWithAttribute, listElements, readAttribute, readCleanText, type HtmlElement } from '../helpers/html.ts';
import { openSearchSession, type SearchSession } from '../helpers/pagefind.ts';

const PAGE_URL = `${BASE}reference/netstat-counters/`;
const REPORTS_URL = `${BASE}reports/`;

/** `Ip6` + `Ip6InReceives` -> `Ip6-InReceives`; `TcpExt` + `ListenOverflows` -> `TcpExt-ListenOverflows`. */
function expectedId(section: string, field: string): string {
	return `${section}-${field.startsWith(section) ? field.slice(section.length) : field}`;
}

function loadPage(url: string) {
	const file = resolveDistFile(url);
	if (!file) throw new Error(`${url} is not in dist/: run npm run build:test`);
	return readPage(file);
}

let rowsById: Map<string, HtmlElement>;
let allIds: string[];

beforeAll(() => {
	requireDist();
	const { parsed } = loadPage(PAGE_URL);
	allIds = parsed.elements.map((element) => readAttribute(element, 'id')).filter((id): id is string => id !== undefined);
	rowsById = new Map(
		findElements(parsed, 'tr')
			.filter((row) => readAttribute(row, 'id') !== undefined)
			.map((row) => [readAttribute(row, 'id')!, row]),
	);
});

describe('the netstat counter reference page', () => {
	test('is built with one h1 and its content inside <main> marked for Pagefind', () => {
		const { parsed } = loadPage(PAGE_URL);
		expect(findElements(parsed, 'h1').map((h1) => readCleanText(h1))).toEqual(['netstat -s counter reference']);
		const bodies = findWithAttribute(parsed, 'data-pagefind-body');
		expect(bodies).toHaveLength(1);
		expect(findElements(parsed, 'main')).toHaveLength(1);
		expect(findElements(parsed, 'script').filter((script) => !readAttribute(script, 'data-allowed'))).toEqual([]);
	});

	test('has a row for every counter of the mapping table, with its MIB name, nstat name and every wording', () => {
		const missing: string[] = [];
		for (const [section, field, , wording] of MIB_ROWS) {
			const id = expectedId(section, field);
			const row = rowsById.get(id);
			const short = id.slice(section.length + 1);
			const text = row ? readCleanText(row) : '';
			const sentence = wording.replace('%llu', 'N').replace('%s', '…').trim().replace(/\s+/g, ' ');
			if (!row) missing.push(`${id}: no row`);
			else if (!text.includes(`${section}:${short}`)) missing.push(`${id}: no MIB name`);
			else if (!text.includes(`nstat ${section === 'Ip6' || section === 'Icmp6' || section === 'Udp6' || section === 'Sctp' ? field : section + field}`)) missing.push(`${id}: no nstat name`);
			else if (!text.includes(sentence)) missing.push(`${id}: no “${sentence}”`);
		}
		expect(missing).toEqual([]);
	});

	test('gives every element a unique id', () => {
		const seen = new Set<string>();
		const duplicates = allIds.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
		expect(duplicates).toEqual([]);
	});

	test.each([
		['TcpExt-SyncookiesFailed', 'invalid SYN cookies received', /MSS decoded from a returning cookie was invalid/],
		['Tcp-RetransSegs', 'segments retransmited', /previously transmitted octets.*Source: RFC 4022/],
		['TcpExt-TCPMD5Failure', 'no sentence in net-tools', /Not documented\./],
	])('shows %s with “%s” and what it counts', (id, wording, meaning) => {
		const text = readCleanText(rowsById.get(id)!);
		expect(text).toContain(wording);
		expect(text).toMatch(meaning);
	});

	test('is linked from the netstat group of the reports index', () => {
		const { parsed } = loadPage(REPORTS_URL);
		const group = parsed.elements.find((element) => readAttribute(element, 'id') === 'netstat');
		expect(group, 'the reports index has a netstat group').toBeDefined();
		const hrefs = findElements({ document: parsed.document, elements: listElements(group!) }, 'a').map((a) => readAttribute(a, 'href'));
		expect(hrefs).toContain(PAGE_URL);
	});
});

describe('searching the site', () => {
	let session: SearchSession;

	beforeAll(async () => {
		session = await openSearchSession();
	});

	afterAll(() => session?.close());

	const search = (query: string) => session.search(query);

	test.each([
		['invalid SYN cookies', 5],
		['TcpExtSyncookiesFailed', 10],
		['TcpExt:SyncookiesFailed', 10],
		['SyncookiesFailed', 10],
		['segments retransmited', 10],
		['Quick ack mode', 10],
	])('finds the reference page for "%s" among the first %i results', async (query, top) => {
		const urls = await search(query);
		expect(urls.slice(0, top), `results for "${query}": ${urls.join(' ')}`).toContain(PAGE_URL);
	});
});
