/**
 * Every counter the reference page can show has a description or says "not documented", and
 * every description names a source of an allowed kind.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { COUNTER_DOCS, describeCounter, NOT_DOCUMENTED, SOURCE_PATTERN } from '../../src/parsers/netstat/counter-docs.ts';
import { toNstatName } from '../../src/parsers/netstat/mib-lookup.ts';
import { MIB_ROWS } from '../../src/parsers/netstat/mib-table.ts';

const PROC_DIR = new URL('../fixtures/netstat/loopback/after/proc/net/', import.meta.url);

/** nstat names of a real `/proc/net/snmp` or `/proc/net/netstat` copy (header lines). */
function readPairedNames(file: string): string[] {
	const lines = readFileSync(new URL(file, PROC_DIR), 'utf8').split('\n').filter(Boolean);
	return lines
		.filter((_, index) => index % 2 === 0)
		.flatMap((line) => {
			const [section, ...fields] = line.split(/\s+/);
			return fields.map((field) => `${section!.replace(/:$/, '')}${field}`);
		});
}

/** Names of a real `/proc/net/snmp6` copy (first column). */
function readSnmp6Names(): string[] {
	return readFileSync(new URL('snmp6', PROC_DIR), 'utf8').split('\n').filter(Boolean).map((line) => line.split(/\s+/)[0]!);
}

const tableNames = [...new Set(MIB_ROWS.map(([section, field]) => toNstatName(section, field)))];
const procNames = [...readPairedNames('snmp'), ...readPairedNames('netstat'), ...readSnmp6Names()];

describe('counter descriptions', () => {
	test('cover every counter of the net-tools mapping table', () => {
		expect(tableNames.length).toBeGreaterThan(200);
		expect(tableNames.filter((name) => describeCounter(name) === undefined)).toEqual([]);
	});

	test('cover every counter of a real 6.18 kernel’s /proc/net/{snmp,netstat,snmp6}', () => {
		expect(procNames.length).toBeGreaterThan(380);
		expect(procNames.filter((name) => describeCounter(name) === undefined)).toEqual([]);
	});

	test.each(Object.entries(COUNTER_DOCS))('%s is described from an allowed source or marked not documented', (_name, entry) => {
		if (entry === NOT_DOCUMENTED) return;
		const [text, source] = entry;
		expect(source).toMatch(SOURCE_PATTERN);
		expect(text.length).toBeGreaterThan(10);
		expect(text).toMatch(/[.)]$/);
	});

	test.each([
		['TcpExtSyncookiesFailed', /invalid/i, 'snmp_counter.rst'],
		['TcpRetransSegs', /retransmitted/, 'RFC 4022'],
		['UdpNoPorts', /no application/, 'RFC 4113'],
		['IcmpMsgOutType3', /type 3/, 'snmp_counter.rst'],
		['Icmp6InType128', /type 128 received/, 'RFC 4293'],
		['MPTcpExtMPJoinSynRx', /MP_JOIN/, 'kernel source net/mptcp/mib.c + net/mptcp/mib.h'],
	])('describes %s', (name, text, source) => {
		const doc = describeCounter(name);
		expect(doc?.documented).toBe(true);
		if (doc?.documented) {
			expect(doc.text).toMatch(text);
			expect(doc.source).toBe(source);
		}
	});

	test('says "not documented" rather than guessing where no source describes a counter', () => {
		expect(describeCounter('TcpExtTCPMD5Failure')).toEqual({ documented: false });
		expect(describeCounter('NoSuchCounter')).toBeUndefined();
	});

	test('rejects sources of other kinds', () => {
		expect('my notes').not.toMatch(SOURCE_PATTERN);
		expect('kernel source').not.toMatch(SOURCE_PATTERN);
		expect('kernel source net/ipv4/tcp_input.c').toMatch(SOURCE_PATTERN);
	});
});
