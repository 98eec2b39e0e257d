/**
 * Every finding rule fires just above its threshold and stays quiet at or below it; absent
 * counters never fire (unknown is not zero).
 */
import { describe, expect, test } from 'vitest';
import { evaluateRules, NETSTAT_RULES } from '../../src/parsers/netstat/index.ts';

type Values = Record<string, string>;

/** [code, values that fire, severity, values that do not]. */
const CASES: [string, Values, string, Values][] = [
	['netstat/retransmission-rate', { TcpRetransSegs: '11', TcpOutSegs: '1000' }, 'warning', { TcpRetransSegs: '10', TcpOutSegs: '1000' }],
	['netstat/retransmission-rate', { TcpRetransSegs: '51', TcpOutSegs: '1000' }, 'error', { TcpRetransSegs: '51', TcpOutSegs: '999' }],
	['netstat/listen-overflows', { TcpExtListenOverflows: '1' }, 'warning', { TcpExtListenOverflows: '0' }],
	['netstat/listen-drops', { TcpExtListenDrops: '5', TcpExtListenOverflows: '4' }, 'warning', { TcpExtListenDrops: '4', TcpExtListenOverflows: '4' }],
	['netstat/syn-queue-full', { TcpExtSyncookiesSent: '1' }, 'warning', { TcpExtSyncookiesSent: '0', TcpExtTCPReqQFullDrop: '0' }],
	['netstat/syncookies-failed', { TcpExtSyncookiesFailed: '33773', TcpExtSyncookiesRecv: '10' }, 'warning', { TcpExtSyncookiesFailed: '0' }],
	['netstat/syncookies-failed', { TcpExtSyncookiesFailed: '3', TcpExtSyncookiesRecv: '10' }, 'info', {}],
	['netstat/receive-queue-pruned', { TcpExtRcvPruned: '2' }, 'warning', { TcpExtPruneCalled: '0', TcpExtRcvPruned: '0' }],
	['netstat/receive-queue-collapsed', { TcpExtTCPRcvCollapsed: '9' }, 'info', { TcpExtTCPRcvCollapsed: '0' }],
	['netstat/backlog-drops', { TcpExtTCPBacklogDrop: '1' }, 'warning', { TcpExtTCPBacklogDrop: '0' }],
	['netstat/memory-pressure', { TcpExtTCPMemoryPressures: '3' }, 'warning', { TcpExtTCPMemoryPressures: '0' }],
	['netstat/rto-timeouts', { TcpExtTCPTimeouts: '2', TcpOutSegs: '1000' }, 'warning', { TcpExtTCPTimeouts: '1', TcpOutSegs: '1000' }],
	['netstat/aborted-on-timeout', { TcpExtTCPAbortOnTimeout: '1' }, 'warning', { TcpExtTCPAbortOnTimeout: '0' }],
	['netstat/resets', { TcpOutRsts: '11', TcpActiveOpens: '100' }, 'warning', { TcpOutRsts: '10', TcpActiveOpens: '100' }],
	['netstat/reset-on-data', { TcpExtTCPAbortOnData: '1' }, 'info', { TcpExtTCPAbortOnData: '0' }],
	['netstat/failed-connection-attempts', { TcpAttemptFails: '11', TcpActiveOpens: '100' }, 'warning', { TcpAttemptFails: '11', TcpActiveOpens: '99' }],
	['netstat/reordering', { TcpExtTCPSACKReorder: '1' }, 'info', { TcpExtTCPSACKReorder: '0' }],
	['netstat/spurious-retransmits', { TcpExtTCPDSACKRecv: '11', TcpRetransSegs: '100' }, 'info', { TcpExtTCPDSACKRecv: '10', TcpRetransSegs: '100' }],
	['netstat/time-wait-overflow', { TcpExtTCPTimeWaitOverflow: '1' }, 'warning', { TcpExtTCPTimeWaitOverflow: '0' }],
	['netstat/bad-segments', { TcpInErrs: '2', TcpInSegs: '10000' }, 'warning', { TcpInErrs: '1', TcpInSegs: '10000' }],
	['netstat/udp-receive-buffer-errors', { Udp6RcvbufErrors: '1' }, 'warning', { UdpRcvbufErrors: '0' }],
	['netstat/udp-send-buffer-errors', { UdpSndbufErrors: '1' }, 'warning', { UdpSndbufErrors: '0' }],
	['netstat/udp-no-port', { UdpNoPorts: '6', UdpInDatagrams: '94' }, 'info', { UdpNoPorts: '5', UdpInDatagrams: '95' }],
	['netstat/udp-receive-errors', { UdpInErrors: '2', UdpInDatagrams: '1000' }, 'warning', { UdpInErrors: '1', UdpInDatagrams: '1000' }],
	['netstat/reassembly-failures', { IpReasmFails: '1' }, 'warning', { IpReasmFails: '0', Ip6ReasmFails: '0' }],
	['netstat/fragmentation', { IpFragFails: '1' }, 'warning', { IpFragFails: '0', IpFragCreates: '0' }],
	['netstat/fragmentation', { IpFragCreates: '8' }, 'info', {}],
	['netstat/ip-input-discards', { IpInDiscards: '2', IpInReceives: '10000' }, 'warning', { IpInDiscards: '1', IpInReceives: '10000' }],
	['netstat/icmp-unreachable-storm', { IcmpOutDestUnreachs: '101', IpInReceives: '10000' }, 'warning', { IcmpOutDestUnreachs: '100', IpInReceives: '10000' }],
];

describe.each(CASES)('%s', (code, fires, severity, quiet) => {
	test(`fires as ${severity} on ${JSON.stringify(fires)}`, () => {
		expect(evaluateRules(fires).find((f) => f.code === code)?.severity).toBe(severity);
	});
	test(`stays quiet on ${JSON.stringify(quiet)}`, () => {
		expect(evaluateRules(quiet).map((f) => f.code)).not.toContain(code);
	});
});

describe('the rule table', () => {
	test('has at least 15 rules with unique stable codes', () => {
		const codes = NETSTAT_RULES.map((rule) => rule.code);
		expect(codes.length).toBeGreaterThanOrEqual(15);
		expect(new Set(codes).size).toBe(codes.length);
		for (const code of codes) expect(code).toMatch(/^netstat\/[a-z0-9-]+$/);
	});

	test('every rule is tested above', () => {
		expect(new Set(CASES.map(([code]) => code))).toEqual(new Set(NETSTAT_RULES.map((rule) => rule.code)));
	});

	test('every rule explains itself: counters, formula, threshold, meaning, next step, guide anchor', () => {
		for (const rule of NETSTAT_RULES) {
			expect(rule.counters.length, rule.code).toBeGreaterThan(0);
			for (const text of [rule.formula, rule.threshold, rule.meaning, rule.next]) expect(text.length, rule.code).toBeGreaterThan(5);
			expect(rule.anchor, rule.code).toMatch(/^[a-z0-9-]+$/);
		}
	});

	test('a finding links to the netstat guide and carries its reasoning', () => {
		const [finding] = evaluateRules({ TcpExtListenOverflows: '248' });
		expect(finding).toMatchObject({ code: 'netstat/listen-overflows', count: 248, explain: 'guides/netstat/#listen-queue', formula: 'TcpExtListenOverflows' });
	});

	test('no counters, no findings', () => {
		expect(evaluateRules({})).toEqual([]);
	});
});
