/**
 * Goldens from the real tools: net-tools 2.10 `netstat -s` and iproute2 6.1 `nstat -asz` run
 * by scripts/capture-netstat.sh against crafted /proc/net files in which every counter has a
 * distinct value. The value printed on a line therefore names the counter it came from, and
 * every line's counter and value can be asserted without trusting our own table.
 */
import { describe, expect, test } from 'vitest';
import { fixturePath, invert, parseFixture, readFixture, readProcDir } from './helpers.ts';

const proc = readProcDir('crafted/proc');
const byValue = invert(proc);

/** Output lines that carry a value: everything but section headers and histogram titles. */
function valueLines(text: string): { line: number; text: string; value: string }[] {
	return text.split('\n').flatMap((body, i) => {
		const numbers = body.match(/\d+/g)?.filter((n) => !/ICMPv6/.test(body) || n !== '6') ?? [];
		if (/^\S.*:$/.test(body) || /histogram:$/.test(body) || numbers.length === 0) return [];
		return [{ line: i + 1, text: body, value: numbers.at(-1)! }];
	});
}

describe.each(['netstat-s.txt', 'netstat-s-6.txt', 'netstat-s-t.txt', 'netstat-s-u.txt', 'netstat-s-w.txt'])('crafted/%s', (file) => {
	const text = readFixture(`crafted/${file}`);
	const result = parseFixture(`crafted/${file}`);
	const byLine = new Map(Object.entries({ ...result.summary.counters, ...result.summary.settings }).map(([name, c]) => [c.line, { name, ...c }]));
	const lines = valueLines(text);

	test('maps every value line to exactly the crafted counter that holds that value', () => {
		expect(lines.length).toBeGreaterThan(50);
		for (const { line, text: body, value } of lines) {
			const got = byLine.get(line);
			expect(got, `line ${line}: ${body}`).toBeDefined();
			expect(byValue.get(value), `line ${line}: ${body}`).toContain(got!.name);
			expect(got!.value).toBe(value);
		}
	});

	test('leaves no line unknown and raises no message', () => {
		expect(result.summary.unknown).toEqual([]);
		expect(result.messages).toEqual([]);
	});

	test('reads as many values as the tool printed', () => {
		expect(Object.keys(result.summary.counters).length + Object.keys(result.summary.settings).length).toBe(lines.length);
	});
});

describe('edge values survive exactly', () => {
	const all = parseFixture('crafted/netstat-s.txt').summary.counters;
	const six = parseFixture('crafted/netstat-s-6.txt').summary.counters;
	test.each([
		['IpInReceives', '4294967296', all],
		['TcpOutSegs', '9007199254740993', all],
		['TcpRetransSegs', '18446744073709551615', all],
		['IpExtInOctets', '18446744073709551615', all],
		['IcmpMsgOutType3', '9007199254740993', all],
		['TcpExtTCPTimeouts', '4294967296', all],
		['TcpExtListenOverflows', '1', all],
		['UdpInErrors', '0', all],
		['Ip6InReceives', '9007199254740993', six],
		['Udp6InDatagrams', '18446744073709551615', six],
		['Icmp6InType133', '1', six],
	])('%s reads %s', (name, value, counters) => {
		expect(counters[name]?.value).toBe(value);
	});

	test('a counter netstat leaves out at zero is absent, not 0', () => {
		expect(proc.get('TcpExtSyncookiesSent')).toBe('0');
		expect(all.TcpExtSyncookiesSent).toBeUndefined();
	});
});

describe('netstat wording and the kernel name', () => {
	const counters = parseFixture('crafted/netstat-s.txt').summary.counters;
	test.each([
		['TcpRetransSegs', 'Tcp', 'RetransSegs', '18446744073709551615 segments retransmitted'],
		['TcpExtListenOverflows', 'TcpExt', 'ListenOverflows', '1 times the listen queue of a socket overflowed'],
		['TcpExtDelayedACKLost', 'TcpExt', 'DelayedACKLost', 'Quick ack mode was activated 112112 times'],
		['IcmpInDestUnreachs', 'Icmp', 'InDestUnreachs', 'destination unreachable: 25025'],
		['IcmpOutDestUnreachs', 'Icmp', 'OutDestUnreachs', 'destination unreachable: 40040'],
		['SctpAborteds', 'Sctp', 'Aborteds', '414414 Number of Aborteds'],
	])('%s is %s:%s from “%s”', (name, section, field, text) => {
		expect(counters[name]).toMatchObject({ section, field, text });
	});

	test('Forwarding: 1 (a bsearch miss in net-tools 2.10) is a setting, not a counter', () => {
		const result = parseFixture('crafted/netstat-s.txt');
		expect(result.summary.settings.IpForwarding?.value).toBe('1');
		expect(result.summary.counters.IpForwarding).toBeUndefined();
	});
});

describe('nstat -asz (iproute2 6.1) over the same files', () => {
	const nstat = parseFixture('crafted/nstat-asz.txt');
	test('every nstat line equals the crafted /proc value of the same name', () => {
		const lines = readFixture('crafted/nstat-asz.txt').trim().split('\n').slice(1);
		expect(Object.keys(nstat.summary.counters)).toHaveLength(lines.length);
		for (const line of lines) {
			const [name, value] = line.split(/\s+/);
			expect(nstat.summary.counters[name!]?.value, name).toBe(value);
			expect(proc.get(name!), name).toBe(value);
		}
	});

	test('the /proc files themselves parse to the same counters as nstat shows', () => {
		const fromProc = { ...parseFixture('crafted/proc/net/snmp').summary.counters, ...parseFixture('crafted/proc/net/netstat').summary.counters, ...parseFixture('crafted/proc/net/snmp6').summary.counters };
		const values = (counters: typeof fromProc) => Object.fromEntries(Object.entries(counters).map(([n, c]) => [n, c.value]));
		// nstat leaves out the gauge TcpCurrEstab (and the settings); everything else matches.
		const { TcpCurrEstab, ...counters } = values(fromProc);
		expect(TcpCurrEstab).toBe(proc.get('TcpCurrEstab'));
		expect(counters).toEqual(values(nstat.summary.counters));
	});

	test('nstat --json values are the low 32 bits, and the parser warns', () => {
		const json = parseFixture('crafted/nstat-asz.json');
		for (const [name, counter] of Object.entries(json.summary.counters)) {
			expect(BigInt(counter.value), name).toBe(BigInt(proc.get(name)!) % 2n ** 32n);
		}
		expect(json.messages.map((m) => m.code)).toEqual(['netstat/nstat-json-32bit', 'netstat/nstat-increments']);
	});
});

describe('truncated /proc/net/netstat', () => {
	test('netstat prints no TcpExt and no error; the cut /proc file itself is reported', () => {
		expect(parseFixture('truncated/netstat-s.txt').summary.counters.TcpExtListenOverflows).toBeUndefined();
		const cut = parseFixture('truncated/proc/net/netstat');
		expect(cut.messages.map((m) => [m.code, m.line])).toEqual([['netstat/header-without-values', 1], ['netstat/no-counters', undefined]]);
		expect(cut.summary.unknown.map((u) => u.line)).toEqual([1]);
	});

	test('“cannot open /proc/net/snmp6” becomes a warning with its line', () => {
		const six = parseFixture('truncated/netstat-s-6.txt');
		expect(six.messages[0]).toMatchObject({ code: 'netstat/tool-error', line: 1, severity: 'warning', file: 'truncated/netstat-s-6.txt' });
		expect(fixturePath('truncated/netstat-s-6.txt')).toContain('fixtures/netstat');
	});
});

describe.each(['de_DE', 'fr_FR', 'ja_JP'])('netstat -s under LC_ALL=%s.UTF-8', (locale) => {
	test('only the histogram titles are translated (2.10 catalogs carry old msgids): same counters as C', () => {
		const translated = parseFixture(`translated/netstat-s.${locale}.txt`);
		const plain = parseFixture('crafted/netstat-s.txt');
		expect(translated.summary.counters).toEqual(
			Object.fromEntries(Object.entries(plain.summary.counters).map(([n, c]) => [n, { ...c, file: `translated/netstat-s.${locale}.txt` }])),
		);
		expect(translated.summary.unknown).toEqual([]);
	});
});
