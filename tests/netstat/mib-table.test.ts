/** The wording table read from net-tools statistics.c: complete, unambiguous, all versions. */
import { describe, expect, test } from 'vitest';
import { normalizeWording } from '../../src/parsers/netstat/mib-lookup.ts';
import { MIB_ROWS } from '../../src/parsers/netstat/mib-table.ts';
import { listMibReference } from '../../src/parsers/netstat/reference.ts';

describe('MIB_ROWS', () => {
	test('holds every 2.10 sentence (203 printed entries of statistics.c v2.10)', () => {
		expect(MIB_ROWS.filter((row) => row[4].includes('2.10'))).toHaveLength(203);
	});

	test('no wording of a section and histogram means two different counters', () => {
		const seen = new Map<string, string>();
		for (const [section, field, kind, wording] of MIB_ROWS) {
			const key = `${section}|${kind}|${normalizeWording(wording)}`;
			expect(seen.get(key) ?? field, key).toBe(field);
			seen.set(key, field);
		}
	});

	test.each([
		['Tcp', 'RetransSegs', '%llu segments retransmited', '1.60'],
		['Tcp', 'OutSegs', '%llu segments send out', 'git-2013'],
		['Tcp', 'ActiveOpens', '%llu active connections openings', 'git-2013'],
		['Tcp', 'InErrs', '%llu bad segments received.', 'git-2013'],
		['Ip', 'ReasmFails', '%llu packet reassembles failed', 'git-2013'],
		['TcpExt', 'ListenDrops', '%llu SYNs to LISTEN sockets ignored', '1.60'],
		['TcpExt', 'PAWSEstab', '%llu packetes rejected in established connections because of timestamp', 'git-2015'],
		['Tcp', 'RetransSegs', '%llu segments retransmitted', '2.10'],
		['Udp6', 'Udp6RcvbufErrors', '%llu receive buffer errors', 'git-2025'],
	])('%s:%s is printed as “%s” in %s', (section, field, wording, revision) => {
		const row = MIB_ROWS.find((r) => r[0] === section && r[1] === field && r[3] === wording);
		expect(row?.[4]).toContain(revision);
	});
});

describe('listMibReference', () => {
	const entries = listMibReference();
	test('finds TcpExt:SyncookiesFailed from “invalid SYN cookies”', () => {
		const hit = entries.find((entry) => entry.wordings.some((w) => w.text.includes('invalid SYN cookies')));
		expect(hit).toMatchObject({ nstat: 'TcpExtSyncookiesFailed', display: 'TcpExt:SyncookiesFailed' });
	});
	test('lists both wordings of RetransSegs, newest first', () => {
		const retrans = entries.find((entry) => entry.nstat === 'TcpRetransSegs');
		expect(retrans?.wordings.map((w) => w.text)).toEqual(['N segments retransmitted', 'N segments retransmited']);
	});
});
