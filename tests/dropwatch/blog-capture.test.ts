import { describe, expect, test } from 'vitest';
import { BLOG_CAPTURE, dropsBySite, findSite, parse } from './helpers.ts';

// Expected numbers come from the awk one-liners in tests/fixtures/dropwatch/blog-capture/SOURCE.md.
describe('the blog capture (content/samples/dropwatch/blog-capture.txt)', () => {
	const result = parse(BLOG_CAPTURE);
	const { summary } = result;

	test('totals 196 drops over 10 lines, all of them read', () => {
		expect(summary.drops).toBe(196);
		expect(summary.formats).toEqual({ legacy: 10, tagged: 0, location: 0, packet: 0 });
		expect(result.unparsed.total).toBe(0);
		expect(result.messages).toEqual([]);
	});

	test('sums drops per site, symbol without offset', () => {
		expect(dropsBySite(summary)).toEqual({
			unix_stream_recvmsg: 151,
			ip_local_deliver: 36,
			'.brk.dmi_alloc': 4,
			ip_rcv_finish: 2,
			skb_queue_purge: 2,
			netlink_sendskb: 1,
		});
	});

	test('keeps the one address seen per site', () => {
		expect(findSite(summary, 'ip_local_deliver')?.addresses).toEqual(['0xffffffff813f12d7']);
		expect(findSite(summary, 'unix_stream_recvmsg')?.addresses).toEqual(['0xffffffff81440fb9']);
	});

	test('sums drops per layer through the layer table', () => {
		expect(summary.layers).toEqual({ unix: 151, ip: 38, other: 6, netlink: 1 });
	});

	test('flags .brk.dmi_alloc+1e60bd47 as an unresolved module address, not a real site', () => {
		expect(findSite(summary, '.brk.dmi_alloc')).toMatchObject({ unresolved: 'module-address', layer: 'other' });
		expect(summary.unresolvedModuleDrops).toBe(4);
	});

	test('counts every drop as software: dropwatch 1.4 reported only software drops', () => {
		expect(summary.origins).toEqual({ software: 196, hardware: 0 });
	});
});
