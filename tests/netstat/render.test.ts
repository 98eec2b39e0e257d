/** The page model and the terminal text, from real fixtures. */
import { describe, expect, test } from 'vitest';
import { netstat } from '../../src/parsers/netstat/index.ts';
import { groupDigits } from '../../src/parsers/netstat/render-view.ts';
import { compareNetstat } from '../../src/parsers/netstat/compare.ts';
import { parseFixture } from './helpers.ts';

describe('groupDigits', () => {
	test.each([
		['0', '0'],
		['25030820', '25,030,820'],
		['18446744073709551615', '18,446,744,073,709,551,615'],
		['-3', '-3'],
		['-1234', '-1,234'],
	])('%s -> %s', (value, shown) => expect(groupDigits(value)).toBe(shown));
});

describe('report view of one capture', () => {
	const view = netstat.renderView(parseFixture('crafted/netstat-s.txt'));

	test('shows every counter in a table of its section with name, wording and exact value', () => {
		const tcpExt = view.sections.find((section) => section.id === 'section-tcpext');
		const row = tcpExt?.table?.rows.find((r) => r.counter === 'TcpExt:ListenOverflows');
		expect(row).toEqual({
			counter: 'TcpExt:ListenOverflows',
			counterHref: 'reference/netstat-counters/#TcpExt-ListenOverflows',
			nstat: 'TcpExtListenOverflows',
			text: '1 times the listen queue of a socket overflowed',
			value: '1',
		});
		const tcp = view.sections.find((section) => section.id === 'section-tcp');
		expect(tcp?.table?.rows.find((r) => r.counter === 'Tcp:RetransSegs')?.value).toBe('18,446,744,073,709,551,615');
	});

	test('orders sections as the kernel files do', () => {
		expect(view.sections.map((s) => s.id).slice(0, 4)).toEqual(['section-ip', 'section-icmp', 'section-icmpmsg', 'section-tcp']);
	});

	test('section ids are unique', () => {
		const ids = view.sections.map((s) => s.id);
		expect(new Set(ids).size).toBe(ids.length);
	});
});

describe('report view of a before/after pair', () => {
	const before = { file: 'before', result: parseFixture('loopback/before/netstat-s.txt') };
	const after = { file: 'after', result: parseFixture('loopback/after/netstat-s.txt') };
	const result = compareNetstat(before, after, 5.55);
	const view = netstat.renderView(result);

	test('starts with the delta section and a bar chart of the largest increases', () => {
		const [delta] = view.sections;
		expect(delta?.id).toBe('delta');
		const bars = delta?.chart?.bars ?? [];
		expect(bars.length).toBeGreaterThan(3);
		for (let i = 1; i < bars.length; i++) expect(bars[i - 1]!.value).toBeGreaterThanOrEqual(bars[i]!.value);
		expect(bars[0]).toEqual({ label: 'Ip:InDelivers', value: 2468 });
	});

	test('findings come from the changes', () => {
		expect(view.findings.map((f) => f.code)).toContain('netstat/listen-overflows');
		expect(view.totals).toContainEqual({ label: 'Counters changed', value: result.summary.delta!.changed.length });
	});

	test('the text report shows signed changes with rates', () => {
		const text = netstat.renderText(result);
		expect(text).toMatch(/Tcp:AttemptFails +\+200 \(36\.0\/s\) {2}0 -> 200/);
	});
});

test('unknown lines reach the text report with their line numbers', () => {
	const text = netstat.renderText(parseFixture('corpus/netstat-s-with-error-line.insights.txt'));
	expect(text).toContain('Unknown lines (1)\n    9:     three hundred and eighty eight packets glanced at');
});
