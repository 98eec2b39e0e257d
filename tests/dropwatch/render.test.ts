import { describe, expect, test } from 'vitest';
import { renderDropwatchText, renderDropwatchView } from '../../src/parsers/dropwatch/index.ts';
import { BLOG_CAPTURE, HOSTILE, parse } from './helpers.ts';

describe('renderDropwatchText', () => {
	const blog = parse(BLOG_CAPTURE);

	test.each([
		['the total', /^Drops {2,}196$/m],
		['the number of sites', /^Drop sites {2,}6$/m],
		['unix sockets as the top layer with its share', /^Drops by layer\n-+\n {2}unix sockets +151 +77\.0%$/m],
		['the top site with its layer and address', /^ {2}151 {2}unix sockets {2}unix_stream_recvmsg \(0xffffffff81440fb9\)$/m],
		['the mis-resolved module address flagged', /^ {4}4 {2}other +\.brk\.dmi_alloc \(unresolved module address\) \(0xffffffffa045fd47\)$/m],
		['where to look next for the IP layer', /^ {2}IP: netstat -s \(Ip, IpExt, Icmp sections\)/m],
		['a note about the unresolved module address', /^ {2}4 drops are at module addresses that -l kas resolved/m],
	])('shows %s for the blog capture', (_name, pattern) => {
		expect(renderDropwatchText(blog)).toMatch(pattern);
	});

	test('lists only --top N sites and says how many there are', () => {
		const text = renderDropwatchText(blog, { top: 2 });
		expect(text).toMatch(/^Top 2 of 6 drop sites$/m);
		expect(text).toContain('ip_local_deliver');
		expect(text).not.toContain('netlink_sendskb (');
	});

	test('prints no control characters from a hostile capture', () => {
		const text = renderDropwatchText(parse(HOSTILE));
		// eslint-disable-next-line no-control-regex
		expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
		expect(text).toContain('tcp_v4_rcv\\x1b[31m\\x1b]0;pwned\\x07');
	});
});

describe('renderDropwatchView', () => {
	const view = renderDropwatchView(parse(BLOG_CAPTURE));

	test('has the sections the report page expects, in order', () => {
		expect(view.sections.map((section) => section.id)).toEqual(['top-sites', 'drops-by-site', 'drops-by-layer', 'drops-by-reason', 'capture']);
	});

	test('puts the total drops first among the totals', () => {
		expect(view.totals[0]).toEqual({ label: 'Drops', value: 196 });
	});

	test('sorts every chart\'s bars from most to fewest drops', () => {
		const charts = view.sections.flatMap((section) => (section.chart ? [section.chart] : []));
		expect(charts.length).toBeGreaterThanOrEqual(2);
		for (const chart of charts) {
			const values = chart.bars.map((bar) => bar.value);
			expect(values).toEqual([...values].sort((a, b) => b - a));
		}
	});

	test('charts drops by layer with the layer labels', () => {
		const chart = view.sections.find((section) => section.id === 'drops-by-layer')?.chart;
		expect(chart?.bars).toEqual([
			{ label: 'unix sockets', value: 151 },
			{ label: 'IP', value: 38 },
			{ label: 'other', value: 6 },
			{ label: 'netlink', value: 1 },
		]);
	});

	test('tables every site with numeric drops', () => {
		const table = view.sections.find((section) => section.id === 'drops-by-site')?.table;
		expect(table?.rows).toHaveLength(6);
		expect(table?.columns.find((column) => column.key === 'drops')?.numeric).toBe(true);
		expect(table?.rows[0]).toMatchObject({ site: 'unix_stream_recvmsg', layer: 'unix sockets', drops: 151 });
		expect(table?.rows.find((row) => row.site === '.brk.dmi_alloc')?.note).toBe('unresolved module address');
	});

	test('explains the missing drop reasons in words when the capture has none', () => {
		const section = view.sections.find((s) => s.id === 'drops-by-reason');
		expect(section?.chart).toBeUndefined();
		expect(section?.text?.[0]).toMatch(/packet mode/);
	});

	test('leads the findings with the unresolved module address, then one per layer by drops', () => {
		expect(view.findings.map((finding) => [finding.code, finding.severity, finding.count])).toEqual([
			['dropwatch/unresolved-module-address', 'warning', 4],
			['dropwatch/unix-drops', 'info', 151],
			['dropwatch/ip-drops', 'info', 38],
			['dropwatch/other-drops', 'info', 6],
			['dropwatch/netlink-drops', 'info', 1],
		]);
		for (const finding of view.findings) expect(finding.explain).toMatch(/^guides\/dropwatch\/#[a-z0-9-]+$/);
	});

	test('charts drop reasons when packet mode reported them', () => {
		const text = 'drop at: tcp_v4_rcv+0x157/0x900 (0xffffffff81a0b2c4)\ndrop reason: NO_SOCKET\n\ndrop at: tcp_v4_rcv+0x157/0x900 (0xffffffff81a0b2c4)\ndrop reason: NO_SOCKET\n\ndrop at: udp_queue_rcv_one_skb+0x3c4/0x500 (0xffffffff81a0b2c5)\ndrop reason: SOCKET_RCVBUFF\n\n';
		const section = renderDropwatchView(parse(text)).sections.find((s) => s.id === 'drops-by-reason');
		expect(section?.chart?.bars).toEqual([{ label: 'NO_SOCKET', value: 2 }, { label: 'SOCKET_RCVBUFF', value: 1 }]);
	});

	test('keeps hostile text as plain strings in the view, for the page to escape', () => {
		const hostile = renderDropwatchView(parse(HOSTILE));
		const sites = hostile.sections.find((s) => s.id === 'drops-by-site')?.table?.rows.map((row) => row.site);
		expect(sites).toContain('<script>alert(1)</script> [<b>mod</b>]');
		expect(sites).toContain('"><img src=x onerror=alert(1)>');
	});
});
