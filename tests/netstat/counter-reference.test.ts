/** The reference page's data: every mapping-table counter once, by section, under a unique anchor. */
import { describe, expect, test } from 'vitest';
import { listCounterReference } from '../../src/parsers/netstat/counter-reference.ts';
import { SECTION_ORDER, toNstatName } from '../../src/parsers/netstat/mib-lookup.ts';
import { MIB_ROWS } from '../../src/parsers/netstat/mib-table.ts';

const sections = listCounterReference();
const rows = sections.flatMap((section) => section.rows);

describe('listCounterReference', () => {
	test('lists every counter of the mapping table exactly once', () => {
		const names = new Set(MIB_ROWS.map(([section, field]) => toNstatName(section, field)));
		const listed = rows.map((row) => row.nstat);
		expect(new Set(listed).size).toBe(listed.length);
		expect([...names].filter((name) => !listed.includes(name))).toEqual([]);
	});

	test('gives every counter a unique anchor made of its section and field', () => {
		expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
		expect(rows.every((row) => row.id === `${row.section}-${row.field}`)).toBe(true);
	});

	test('orders sections as the reports do and puts each counter in its own section', () => {
		const ranks = sections.map((section) => SECTION_ORDER.indexOf(section.section));
		expect(ranks.every((rank) => rank >= 0)).toBe(true);
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		expect(sections.every((section) => section.rows.every((row) => row.section === section.section))).toBe(true);
	});

	test.each([
		['TcpExtSyncookiesFailed', 'TcpExt-SyncookiesFailed', 'TcpExt:SyncookiesFailed', 'counter', 'N invalid SYN cookies received'],
		['Ip6InReceives', 'Ip6-InReceives', 'Ip6:InReceives', 'counter', 'N total packets received'],
		['IpForwarding', 'Ip-Forwarding', 'Ip:Forwarding', 'setting', 'Forwarding is …'],
		['TcpCurrEstab', 'Tcp-CurrEstab', 'Tcp:CurrEstab', 'gauge', 'N connections established'],
	])('shows %s as #%s, %s, a %s printed as “%s”', (nstat, id, display, kind, wording) => {
		const row = rows.find((r) => r.nstat === nstat);
		expect(row).toMatchObject({ id, display, kind });
		expect(row?.wordings.map((w) => w.text)).toContain(wording);
	});
});
