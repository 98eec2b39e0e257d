/**
 * Real captures from other projects (tests/fixtures/netstat/corpus/, see SOURCE.md there):
 * exact values spot-checked, including the pre-2015 net-tools wording of a RHEL 7 host.
 */
import { describe, expect, test } from 'vitest';
import { parseFixture, readFixture } from './helpers.ts';

describe('RHEL 7 netstat -s (insights-core, old net-tools wording)', () => {
	const { summary, messages } = parseFixture('corpus/rhel7-netstat-s.insights.txt');
	test.each([
		['TcpRetransSegs', '428', '428 segments retransmited'],
		['TcpOutSegs', '2890303', '2890303 segments send out'],
		['TcpActiveOpens', '1648', '1648 active connections openings'],
		['TcpInErrs', '0', '0 bad segments received.'],
		['UdpNoPorts', '107', '107 packets to unknown port received.'],
		['IcmpInErrors', '0', '0 input ICMP message failed.'],
		['IcmpOutEchos', '3', 'echo request: 3'],
		['IcmpInEchos', '4', 'echo requests: 4'],
		['IpFragOKs', '4', '4 fragments received ok'],
		['TcpExtTCPPrequeued', '999263', '999263 packets directly queued to recvmsg prequeue.'],
		['TcpExtTCPHPHitsToUser', '339500', '339500 packets header predicted and directly queued to user'],
		['TcpExtTCPDirectCopyFromBacklog', '8266', '8266 bytes directly in process context from backlog'],
		['TcpExtDelayedACKLost', '9', 'Quick ack mode was activated 9 times'],
	])('%s = %s from “%s”', (name, value, text) => {
		expect(summary.counters[name]).toMatchObject({ value, text });
	});

	test.each([
		['TcpExtTCPLossProbes', '12'],
		['IcmpMsgInType3', '107'],
		['IcmpMsgOutType8', '3'],
		['IpExtInOctets', '865450302'],
	])('generic line %s = %s', (name, value) => {
		expect(summary.counters[name]?.value).toBe(value);
	});

	test('maps every line: no unknown line, no message', () => {
		expect(summary.unknown).toEqual([]);
		expect(messages).toEqual([]);
		const valueLines = readFixture('corpus/rhel7-netstat-s.insights.txt').split('\n').filter((line) => /\d/.test(line));
		expect(Object.keys(summary.counters)).toHaveLength(valueLines.length);
	});
});

describe('netstat -s with the error line (insights-core, partly crafted)', () => {
	const { summary, messages } = parseFixture('corpus/netstat-s-with-error-line.insights.txt');
	test('reports the error line as a warning with its line number', () => {
		expect(messages).toMatchObject([{ code: 'netstat/tool-error', line: 1, severity: 'warning' }]);
	});
	test('keeps the garbage line as unknown with its number, and reads the rest', () => {
		expect(summary.unknown).toMatchObject([{ line: 9, text: '    three hundred and eighty eight packets glanced at' }]);
		expect(summary.counters.IpInAddrErrors?.value).toBe('3');
		expect(Object.keys(summary.counters)).toHaveLength(6);
	});
});

/** Every name of every header/value pair: counted without the parser. */
function procFieldCount(text: string): number {
	const lines = text.trim().split('\n');
	let count = 0;
	for (let i = 0; i < lines.length; i += 2) count += lines[i]!.trim().split(/\s+/).length - 1;
	return count;
}

describe.each([
	'linux5x-proc-net-netstat-mptcp.datadog.txt',
	'linux5x-proc-net-snmp.datadog.txt',
	'proc-net-netstat.node_exporter.txt',
	'proc-net-netstat.procfs.txt',
	'proc-net-snmp.insights-doc.txt',
	'proc-net-snmp.node_exporter.txt',
	'proc-net-snmp.procfs.txt',
])('corpus/%s (header/value pairs)', (file) => {
	const { summary, messages } = parseFixture(`corpus/${file}`);
	test('reads one value per header name, settings apart', () => {
		const read = Object.keys(summary.counters).length + Object.keys(summary.settings).length;
		expect(read).toBe(procFieldCount(readFixture(`corpus/${file}`)));
		expect(summary.unknown).toEqual([]);
		expect(messages).toEqual([]);
	});
});

describe('spot values in /proc files', () => {
	test.each([
		['linux5x-proc-net-snmp.datadog.txt', 'IpInReceives', '159747123'],
		['linux5x-proc-net-snmp.datadog.txt', 'IcmpInDestUnreachs', '707'],
		['proc-net-netstat.node_exporter.txt', 'IpExtInOctets', '6286396970'],
		['proc-net-snmp6.node_exporter.txt', 'Ip6InReceives', '7'],
		['proc-net-snmp6.insights.txt', 'Ip6InReceives', '757'],
	])('%s: %s = %s', (file, name, value) => {
		expect(parseFixture(`corpus/${file}`).summary.counters[name]?.value).toBe(value);
	});

	test('IpForwarding is a setting', () => {
		expect(parseFixture('corpus/linux5x-proc-net-snmp.datadog.txt').summary.settings.IpForwarding?.value).toBe('1');
	});

	test('a snmp6 line with a name and no value is unknown, with its line', () => {
		const { summary } = parseFixture('corpus/proc-net-snmp6-truncated.insights.txt');
		expect(summary.unknown).toMatchObject([{ line: 6, text: 'Ip6InDiscards' }]);
		expect(Object.keys(summary.counters)).toHaveLength(5);
	});
});

describe('other systems are kept as unknown, never guessed', () => {
	test.each([
		['junos-show-system-statistics.genieparser.txt', 727],
		['macos-netstat-s-p-tcp.datadog.txt', 141],
	])('%s: no counter, %i unknown lines and a no-counters warning', (file, unknown) => {
		const { summary, messages } = parseFixture(`corpus/${file}`);
		expect(Object.keys(summary.counters)).toHaveLength(0);
		expect(summary.unknown).toHaveLength(unknown);
		expect(messages.map((m) => m.code)).toContain('netstat/no-counters');
	});
});

describe('Solaris netstat -s -P tcp (DataDog): MIB-II objects Linux shares are mapped', () => {
	const { summary } = parseFixture('corpus/solaris-netstat-s-P-tcp.datadog.txt');
	test.each([
		['TcpActiveOpens', '57'],
		['TcpPassiveOpens', '50'],
		['TcpAttemptFails', '1'],
		['TcpOutSegs', '254'],
		['TcpRetransSegs', '0'],
	])('%s = %s', (name, value) => {
		expect(summary.counters[name]?.value).toBe(value);
	});
	test('RTO and MaxConn are settings; MaxConn keeps its -1', () => {
		expect(summary.settings.TcpRtoMin?.value).toBe('200');
		expect(summary.settings.TcpMaxConn?.value).toBe('-1');
	});
	test('lines with Solaris-only objects stay unknown, whole, with their numbers', () => {
		expect(summary.unknown.map((u) => u.line)).toEqual([6, 7, 8]);
	});
});
