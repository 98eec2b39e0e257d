/**
 * The seed blog post's `netstat -s` (content/samples/netstat/seed-blog.txt, headers restored,
 * cut at the last complete line): every line is a counter, a header or a histogram title;
 * values land under the right MIB names and ICMP histograms; the invalid SYN cookies are a
 * finding. Expected values are the capture's own numbers, read off the page copy.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findNetstatProblems } from '../../src/parsers/netstat/index.ts';
import { parseNetstat } from './helpers.ts';

const FILE = new URL('../../content/samples/netstat/seed-blog.txt', import.meta.url);
const text = readFileSync(FILE, 'utf8');
const lines = text.split('\n').slice(0, -1);
const result = parseNetstat(text, 'seed-blog.txt');
const { counters } = result.summary;

describe('the seed capture', () => {
	test('every line is a section header, an ICMP histogram title or a counter; none is unknown', () => {
		const counted = new Set(Object.values(counters).map((counter) => counter.line));
		const other = lines
			.map((line, index) => ({ line, number: index + 1 }))
			.filter(({ line, number }) => !/^[A-Za-z]+:$/.test(line) && !/^ {4}ICMP (input|output) histogram:$/.test(line) && !counted.has(number));
		expect(other).toEqual([]);
		expect(result.summary.unknown).toEqual([]);
		expect(lines).toHaveLength(49);
		expect(Object.keys(counters)).toHaveLength(40);
		expect(result.messages.filter((message) => message.severity !== 'info')).toEqual([]);
	});

	test('restores the headers net-tools prints, in /proc order', () => {
		expect(lines.filter((line) => /^\S/.test(line))).toEqual(['Ip:', 'Icmp:', 'IcmpMsg:', 'Tcp:', 'Udp:', 'UdpLite:', 'TcpExt:']);
	});

	test.each([
		['IpInReceives', '25030820', 'total packets received'],
		['IpInAddrErrors', '269', 'with invalid addresses'],
		['IpInDelivers', '21629075', 'incoming packets delivered'],
		['IpOutRequests', '21110503', 'requests sent out'],
		['IcmpInMsgs', '12814', 'ICMP messages received'],
		['IcmpOutMsgs', '12834', 'ICMP messages sent'],
		['TcpActiveOpens', '138062', 'active connections openings'],
		['TcpPassiveOpens', '1440632', 'passive connection openings'],
		['TcpCurrEstab', '8', 'connections established'],
		['TcpOutSegs', '10785279', 'segments send out'],
		['TcpRetransSegs', '10269', 'segments retransmited'],
		['TcpInErrs', '0', 'bad segments received.'],
		['TcpOutRsts', '69115', 'resets sent'],
		['UdpNoPorts', '22', 'packets to unknown port received.'],
		['UdpOutDatagrams', '6911684', 'packets sent'],
		['TcpExtSyncookiesFailed', '33773', 'invalid SYN cookies received'],
		['TcpExtTW', '154132', 'TCP sockets finished time wait in fast timer'],
		['TcpExtTWRecycled', '6', 'time wait sockets recycled by time stamp'],
		['TcpExtDelayedACKs', '72284', 'delayed acks sent'],
	])('%s = %s (“%s”)', (name, value, wording) => {
		expect(counters[name]?.value).toBe(value);
		expect(counters[name]?.text).toBe(`${value} ${wording}`);
	});

	test.each([
		['IcmpInDestUnreachs', '2', 'destination unreachable: 2'],
		['IcmpInEchos', '12809', 'echo requests: 12809'],
		['IcmpInEchoReps', '3', 'echo replies: 3'],
		['IcmpOutDestUnreachs', '22', 'destination unreachable: 22'],
		['IcmpOutEchos', '3', 'echo request: 3'],
		['IcmpOutEchoReps', '12809', 'echo replies: 12809'],
	])('histogram row %s = %s under the right histogram (%s)', (name, value, wording) => {
		expect(counters[name]).toMatchObject({ value, text: wording });
	});

	test('the IcmpMsg per-type counters agree with the histograms, as the kernel keeps them', () => {
		const pairs: [string, string][] = [
			['IcmpMsgInType0', 'IcmpInEchoReps'],
			['IcmpMsgInType3', 'IcmpInDestUnreachs'],
			['IcmpMsgInType8', 'IcmpInEchos'],
			['IcmpMsgOutType0', 'IcmpOutEchoReps'],
			['IcmpMsgOutType3', 'IcmpOutDestUnreachs'],
			['IcmpMsgOutType8', 'IcmpOutEchos'],
		];
		for (const [perType, histogram] of pairs) expect(counters[perType]?.value, perType).toBe(counters[histogram]?.value);
	});

	test('counters after the cut are unknown, not zero', () => {
		for (const name of ['TcpExtDelayedACKLocked', 'TcpExtDelayedACKLost', 'TcpExtSyncookiesSent', 'TcpExtSyncookiesRecv', 'TcpExtListenOverflows']) {
			expect(counters[name], name).toBeUndefined();
		}
	});

	test('finds the invalid SYN cookies and nothing else, without inventing the absent counters', () => {
		const findings = findNetstatProblems(result.summary);
		expect(findings.map((finding) => [finding.code, finding.severity])).toEqual([['netstat/syncookies-failed', 'warning']]);
		expect(findings[0]!.measured).toBe('SyncookiesFailed 33,773, SyncookiesRecv not in the capture, SyncookiesSent not in the capture');
	});

	test('retransmissions (10,269 of 10,785,279 segments) and resets stay below their thresholds', () => {
		const codes = findNetstatProblems(result.summary).map((finding) => finding.code);
		expect(codes).not.toContain('netstat/retransmission-rate');
		expect(codes).not.toContain('netstat/resets');
	});
});
