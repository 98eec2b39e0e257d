/**
 * Counter names in the report tables link to the counter reference page: every link the view
 * makes names an anchor that page has, the text/Markdown cell stays the plain counter name, and a
 * counter the page does not list gets no link.
 */
import { describe, expect, test } from 'vitest';
import type { ReportTable } from '../../src/parsers/contract.ts';
import { listCounterReference } from '../../src/parsers/netstat/counter-reference.ts';
import { netstat } from '../../src/parsers/netstat/index.ts';
import { linkCounterReference } from '../../src/parsers/netstat/reference-links.ts';
import { compareNetstat } from '../../src/parsers/netstat/compare.ts';
import { parseFixture, parseNetstat } from './helpers.ts';

const anchors = new Set(listCounterReference().flatMap((section) => section.rows.map((row) => row.id)));

/** [cell text, href] for every linked column of every table of a view. */
function listLinks(tables: ReportTable[]): [string, string | null][] {
	return tables.flatMap((table) =>
		table.columns
			.filter((column) => column.href !== undefined)
			.flatMap((column) => table.rows.map((row) => [String(row[column.key]), row[column.href!] as string | null] as [string, string | null])),
	);
}

describe('linkCounterReference', () => {
	test.each([
		[{ section: 'TcpExt', field: 'SyncookiesFailed' }, 'reference/netstat-counters/#TcpExt-SyncookiesFailed'],
		[{ section: 'Tcp', field: 'RetransSegs' }, 'reference/netstat-counters/#Tcp-RetransSegs'],
		[{ section: 'Ip6', field: 'InReceives' }, 'reference/netstat-counters/#Ip6-InReceives'],
		[{ section: 'TcpExt', field: 'NoSuchCounterAnywhere' }, null],
		[{ section: '', field: 'Whatever' }, null],
	])('%j -> %s', (counter, href) => expect(linkCounterReference(counter)).toBe(href));
});

describe('report view links', () => {
	test('every counter row of a real capture links to an anchor of the reference page, named as its cell', () => {
		const view = netstat.renderView(parseFixture('crafted/netstat-s.txt'));
		const links = listLinks(view.sections.flatMap((section) => (section.table ? [section.table] : [])));
		const linked = links.filter(([, href]) => href !== null);
		expect(linked.length).toBeGreaterThan(100);
		for (const [text, href] of linked) {
			expect(href).toMatch(/^reference\/netstat-counters\/#/);
			const id = href!.split('#')[1]!;
			expect(anchors.has(id), `${text} -> #${id}`).toBe(true);
			// Counter tables show `TcpExt:SyncookiesFailed`; the settings table the nstat name.
			if (text.includes(':')) expect(id).toBe(text.replace(':', '-'));
		}
	});

	test('the delta table of a pair links its counters too', () => {
		const before = { file: 'before', result: parseFixture('loopback/before/netstat-s.txt') };
		const after = { file: 'after', result: parseFixture('loopback/after/netstat-s.txt') };
		const view = netstat.renderView(compareNetstat(before, after));
		const delta = view.sections.find((section) => section.id === 'delta')!.table!;
		const row = delta.rows.find((r) => r.counter === 'Tcp:AttemptFails');
		expect(row?.counterHref).toBe('reference/netstat-counters/#Tcp-AttemptFails');
	});

	test('a counter the reference page does not list is plain text, and the cell is the plain name', () => {
		const view = netstat.renderView(parseNetstat('TcpExt:\n    TCPSomethingFromTheFuture: 7\n'));
		const row = view.sections.find((section) => section.id === 'section-tcpext')!.table!.rows[0]!;
		expect(row).toMatchObject({ counter: 'TcpExt:TCPSomethingFromTheFuture', counterHref: null });
	});

	test('settings link to their reference row', () => {
		const view = netstat.renderView(parseNetstat('Ip:\n    Forwarding: 2\n    5 total packets received\n'));
		const row = view.sections.find((section) => section.id === 'settings')!.table!.rows[0]!;
		expect(row).toEqual({ name: 'IpForwarding', nameHref: 'reference/netstat-counters/#Ip-Forwarding', value: '2' });
	});
});
