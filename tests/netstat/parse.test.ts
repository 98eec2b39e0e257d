/** Behaviour of the netstat sink on small inputs: kinds, sections, settings, bad lines. */
import { describe, expect, test } from 'vitest';
import { netstat, type NetstatOptions, type NetstatSummary } from '../../src/parsers/netstat/index.ts';
import { runParser } from '../../src/parsers/run.ts';
import { emptyNetstatSummary } from '../../src/parsers/netstat/summary.ts';
import { parseNetstat, readFixture } from './helpers.ts';

describe('detects the kind from content', () => {
	test.each([
		['netstat-s', 'Tcp:\n    5 resets sent\n'],
		['proc-pairs', 'Tcp: ActiveOpens OutRsts\nTcp: 3 5\n'],
		['name-value', 'Ip6InReceives                   \t757\n'],
		['nstat', '#kernel\nTcpOutRsts                      5                  0.0\n'],
		['nstat-json', '{"kernel":{"TcpOutRsts":5}}\n'],
	])('%s', (kind, text) => {
		const { summary, messages } = parseNetstat(text);
		expect(summary.kinds).toEqual([kind]);
		expect(summary.counters.TcpOutRsts?.value ?? summary.counters.Ip6InReceives?.value).toMatch(/^(5|757)$/);
		// nstat input always carries the increments note, JSON the 32-bit warning too.
		const notes = ['netstat/nstat-json-32bit', 'netstat/nstat-increments'];
		expect(messages.filter((m) => !notes.includes(m.code))).toEqual([]);
	});
});

describe('netstat -s prose', () => {
	test('the section comes from the last header: the same words under Udp and Udp6', () => {
		const { summary } = parseNetstat('Udp:\n    7 packets received\nUdp6:\n    9 packets received\n');
		expect(summary.counters.UdpInDatagrams?.value).toBe('7');
		expect(summary.counters.Udp6InDatagrams?.value).toBe('9');
	});

	test('the histogram comes from the last title, whatever the indentation', () => {
		const text = 'Icmp:\n    ICMP input histogram:\n        echo replies: 3\n        ICMP output histogram:\n    echo replies: 4\n';
		const { summary } = parseNetstat(text);
		expect(summary.counters.IcmpInEchoReps?.value).toBe('3');
		expect(summary.counters.IcmpOutEchoReps?.value).toBe('4');
	});

	test('a histogram line without a histogram title is not guessed', () => {
		const { summary } = parseNetstat('Icmp:\n    echo replies: 3\n');
		expect(summary.counters).toEqual({});
		expect(summary.unknown).toEqual([{ file: '<text>', line: 2, text: '    echo replies: 3' }]);
	});

	test.each([
		['value first', 'Tcp:\n    428 segments retransmitted\n', 'TcpRetransSegs', '428'],
		['value in the middle', 'TcpExt:\n    Quick ack mode was activated 9 times\n', 'TcpExtDelayedACKLost', '9'],
		['value after “: ”', 'Icmp:\n    ICMP input histogram:\n        destination unreachable: 107\n', 'IcmpInDestUnreachs', '107'],
		['generic Name: N', 'TcpExt:\n    TCPBacklogDrop: 17\n', 'TcpExtTCPBacklogDrop', '17'],
		['generic under Ip6 keeps the full name', 'Ip6:\n    Ip6InOctets: 5\n', 'Ip6InOctets', '5'],
		['Tcp: under -6', 'Icmp6:\n    3 ICMP messages received\nTcp:\n    InCsumErrors: 2\n', 'TcpInCsumErrors', '2'],
		['2^64−1 exactly', 'Tcp:\n    18446744073709551615 resets sent\n', 'TcpOutRsts', '18446744073709551615'],
		['2^53+1 exactly', 'Tcp:\n    9007199254740993 resets sent\n', 'TcpOutRsts', '9007199254740993'],
	])('%s', (_, text, name, value) => {
		const { summary } = parseNetstat(text);
		expect(summary.counters[name]?.value).toBe(value);
		expect(summary.unknown).toEqual([]);
	});

	test.each([
		['Forwarding: 2', 'Ip:\n    Forwarding: 2\n', '2'],
		['Forwarding is enabled', 'Ip:\n    Forwarding is enabled\n', 'enabled'],
	])('%s is a setting', (_, text, value) => {
		const { summary } = parseNetstat(text);
		expect(summary.settings.IpForwarding?.value).toBe(value);
		expect(summary.counters).toEqual({});
	});
});

describe('pasted without indentation', () => {
	test('gives the same counters: the section follows the last header', () => {
		const text = readFixture('corpus/rhel7-netstat-s.insights.txt');
		const flat = parseNetstat(text.replace(/^[ \t]+/gm, ''));
		const values = (r: typeof flat) => Object.fromEntries(Object.entries(r.summary.counters).map(([n, c]) => [n, c.value]));
		expect(values(flat)).toEqual(values(parseNetstat(text)));
		expect(flat.summary.unknown).toEqual([]);
	});
});

describe('bad input is counted with line numbers, never thrown', () => {
	test.each([
		['a value above 2^64−1', 'Tcp:\n    18446744073709551616 resets sent\n', 'netstat/value-out-of-range', 2],
		// msgstr of `%d segments retransmitted` in Debian's de net-tools.mo (old msgid, not used by 2.10)
		['translated wording (German catalog)', 'Tcp:\n    428 Segmente erneut geschickt\n', 'netstat/unknown-line', 2],
		['prose before any header', '    5 resets sent\n', 'netstat/line-before-section', 1],
		['a /proc value line without header', 'Tcp: 1 2 3\n', 'netstat/values-without-header', 1],
		['a /proc header without value line', 'Tcp: ActiveOpens OutRsts\nUdp: NoPorts\nUdp: 4\n', 'netstat/header-without-values', 1],
		['a name without value', 'Ip6InReceives 3\nIp6InDiscards\n', 'netstat/name-without-value', 2],
		['a non-numeric nstat value', 'TcpOutRsts  five  0.0\n', 'netstat/non-numeric-value', 1],
	])('%s', (_, text, reason, line) => {
		const result = parseNetstat(text);
		expect(result.unparsed.reasons[reason]?.examples[0]?.line).toBe(line);
		expect(result.summary.unknown.map((u) => u.line)).toContain(line);
	});

	test('a /proc value line with fewer fields keeps the ones it has and names the rest', () => {
		const result = parseNetstat('Tcp: ActiveOpens PassiveOpens OutRsts\nTcp: 3 4\n');
		expect(result.summary.counters.TcpPassiveOpens?.value).toBe('4');
		expect(result.summary.counters.TcpOutRsts).toBeUndefined();
		expect(result.messages).toMatchObject([{ code: 'netstat/bad-proc-values', line: 2 }]);
		expect(result.messages[0]?.reason).toContain('OutRsts=(missing)');
	});

	test('a value line naming another section than its header is a mismatch; neither is read', () => {
		const result = parseNetstat('TcpExt: ListenOverflows\nIpExt: 5\n');
		expect(result.messages.map((m) => [m.code, m.line])).toEqual([
			['netstat/section-mismatch', 2],
			['netstat/header-without-values', 1],
			['netstat/no-counters', undefined],
		]);
		expect(result.summary.unknown.map((u) => u.line)).toEqual([1, 2]);
	});

	test('a non-numeric /proc value is reported by field', () => {
		const result = parseNetstat('Tcp: ActiveOpens OutRsts\nTcp: 3 x\n');
		expect(result.summary.counters.TcpActiveOpens?.value).toBe('3');
		expect(result.messages[0]?.reason).toContain('OutRsts=x');
	});

	test('a cut nstat --json is reported', () => {
		const result = parseNetstat('{"kernel":{"TcpOutRsts":5,\n');
		expect(result.messages.map((m) => m.code)).toEqual(['netstat/truncated-json', 'netstat/nstat-json-32bit', 'netstat/nstat-increments']);
	});

	test('an empty input says no counter was read', () => {
		expect(parseNetstat('').messages.map((m) => m.code)).toEqual(['netstat/no-counters']);
	});
});

describe('invariance', () => {
	const text = readFixture('crafted/netstat-s.txt');
	const whole = parseNetstat(text);
	test('CRLF line endings give the same counters', () => {
		expect(parseNetstat(text.replace(/\n/g, '\r\n')).summary.counters).toEqual(whole.summary.counters);
	});
	test('1-byte chunks give the same result as the whole text', async () => {
		const bytes = new TextEncoder().encode(text);
		const input = {
			name: '<text>',
			async *open() {
				for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
			},
		};
		const chunked = await runParser<NetstatSummary, NetstatOptions>(netstat, [input]);
		expect(chunked).toEqual(whole);
	});
	test('merge(empty(), s) equals s', () => {
		expect(netstat.merge(emptyNetstatSummary(), whole.summary)).toEqual(whole.summary);
	});
	test('merging two hosts adds counters exactly', () => {
		const twice = netstat.merge(whole.summary, whole.summary);
		expect(twice.counters.TcpRetransSegs?.value).toBe((2n * (2n ** 64n - 1n)).toString());
	});
});
