// The dropwatch parser on every real capture in ../shared/corpus/dropwatch/, read in place:
// they are unlicensed GitHub excerpts or GPL kernel-patch text, so they are never copied into
// this repository (see /work/shared/corpus/SOURCES.md for each file's origin).
//
// Expected numbers were computed independently with these awk one-liners (mawk 1.3.4, LC_ALL=C),
// run in /work/shared/corpus/dropwatch on 2026-11-26:
//
//   drops and packets per file (a summary line adds its N, a packet-mode block adds 1):
//     awk '/^[0-9]+ drops at /{n+=$1} /^drop at: /{p++} END{print n+p, p+0}' FILE
//   drops per site (symbol without +offset; the address for `location` lines):
//     awk '/^[0-9]+ drops at /{s=$4; if (s=="location") s=$5; sub(/\+[0-9a-f]+$/,"",s); n[s]+=$1}
//          /^drop at: /{s=$3; sub(/\+0x.*/,"",s); n[s]++} END{for(k in n) print n[k], k}' FILE
//   other non-blank lines (dropwatch chatter plus lines nobody recognises):
//     awk 'NF && !/^[0-9]+ drops at / && !/^drop at: / && !/^(origin|input port ifindex|input port name|cookie|timestamp|protocol|length|original length|drop reason): /{o++} END{print o+0}' FILE
//   drop reasons:  awk '/^drop reason: /{print $3}' FILE | sort | uniq -c
//
// The awk "other" count equals chatter + unparsed lines except where a packet-mode field carries
// text pasted after it (packet-mode-hardware-cookie.pr19.txt: `cookie: 31237981273918  <<<<…`;
// awk '/^cookie: [0-9a-f]+ /' FILE | wc -l gives 1): awk counts it as a field, the parser as unparsed.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Result } from '../../src/parsers/contract.ts';
import { dropwatch, type DropwatchOptions, type DropwatchSummary } from '../../src/parsers/dropwatch/index.ts';
import { parseText } from '../../src/parsers/run.ts';

const CORPUS = new URL('../../../shared/corpus/dropwatch/', import.meta.url);

interface Expected {
	drops: number;
	packets: number;
	/** awk "other" lines. */
	other: number;
	unparsed: number;
	sites: Record<string, number>;
}

const EXPECTED: Record<string, Expected> = {
	'legacy-1.4-kas.clearlinux-issue1043.txt': { drops: 45, packets: 0, other: 6, unparsed: 0, sites: { __brk_limit: 41, nf_hook_slow: 2, skb_queue_purge: 1, skb_release_data: 1 } },
	'legacy-null-then-kas.tsuyopon-memo.txt': { drops: 10, packets: 0, other: 17, unparsed: 0, sites: { '0xffffffff815d3371': 3, ip_recv_error: 3, '0xffffffff8163c638': 2, '0xffffffff81572ec8': 1, skb_queue_purge: 1 } },
	'packet-mode-and-summary.issue77.txt': { drops: 20, packets: 2, other: 8, unparsed: 0, sites: { net_tx_action: 18, 'ip_rcv_finish_core.isra.0': 2 } },
	'packet-mode-drop-reason-ovs.kernel-patch-2024.txt': { drops: 2, packets: 2, other: 0, unparsed: 0, sites: { do_execute_actions: 2 } },
	'packet-mode-hardware-cookie.pr19.txt': { drops: 1, packets: 1, other: 9, unparsed: 1, sites: { ingress_flow_action_drop: 1 } },
	'proposed-netns-format.netdev-patch-2022.txt': { drops: 22, packets: 0, other: 0, unparsed: 0, sites: { '0xffffffffad8cd0c3': 22 } },
	'stats-and-silent-start.issue90.txt': { drops: 0, packets: 0, other: 10, unparsed: 0, sites: {} },
	'summary-module-symbol-misresolved.goflow2-issue408.txt': { drops: 161, packets: 0, other: 4, unparsed: 0, sites: { __init_scratch_end: 149, skb_queue_purge_reason: 12 } },
	'summary-software.issue47.txt': { drops: 12, packets: 0, other: 0, unparsed: 0, sites: { sk_stream_kill_queues: 10, tcp_v4_do_rcv: 1, tcp_v4_rcv: 1 } },
	'summary-ubuntu-6.14-modules.issue95.txt': { drops: 8, packets: 0, other: 6, unparsed: 0, sites: { ieee80211_iface_work: 3, ieee80211_rx_handlers: 2, unix_release_sock: 2, br_stp_rcv: 1 } },
};

const results = new Map<string, Result<DropwatchSummary>>();
function parseCorpus(name: string): Result<DropwatchSummary> {
	let result = results.get(name);
	if (!result) {
		result = parseText<DropwatchSummary, DropwatchOptions>(dropwatch, readFileSync(new URL(name, CORPUS)), undefined, name);
		results.set(name, result);
	}
	return result;
}

describe('dropwatch corpus (read in place)', () => {
	test('has an expectation for every file in the corpus folder, and a file for every expectation', () => {
		expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(EXPECTED).sort());
	});

	test.each(Object.entries(EXPECTED))('%s: totals match the awk count', (name, expected) => {
		const { summary, unparsed } = parseCorpus(name);
		expect(summary.drops).toBe(expected.drops);
		expect(summary.packets).toBe(expected.packets);
		expect(Object.fromEntries(summary.sites.map((site) => [site.name, site.count]))).toEqual(expected.sites);
		expect(unparsed.total).toBe(expected.unparsed);
		expect(summary.chatter + unparsed.total).toBe(expected.other + (name.includes('pr19') ? 1 : 0));
	});

	test.each([
		['legacy-1.4-kas.clearlinux-issue1043.txt', { legacy: 4, tagged: 0, location: 0, packet: 0 }],
		['legacy-null-then-kas.tsuyopon-memo.txt', { legacy: 3, tagged: 0, location: 4, packet: 0 }],
		['packet-mode-and-summary.issue77.txt', { legacy: 0, tagged: 8, location: 0, packet: 2 }],
		['summary-software.issue47.txt', { legacy: 0, tagged: 11, location: 0, packet: 0 }],
	])('%s: tells the dropwatch output formats apart', (name, formats) => {
		expect(parseCorpus(name).summary.formats).toEqual(formats);
	});

	test.each([
		['legacy-1.4-kas.clearlinux-issue1043.txt', '__brk_limit', 41],
		['summary-module-symbol-misresolved.goflow2-issue408.txt', '__init_scratch_end', 149],
	])('%s: flags %s as an unresolved module address (%i drops)', (name, site, drops) => {
		const { summary } = parseCorpus(name);
		expect(summary.sites.find((s) => s.name === site)?.unresolved).toBe('module-address');
		expect(summary.unresolvedModuleDrops).toBe(drops);
	});

	test('reads the OVS drop reasons and the module name cut short by drop_monitor', () => {
		const { summary } = parseCorpus('packet-mode-drop-reason-ovs.kernel-patch-2024.txt');
		expect(summary.reasons).toEqual([{ name: 'OVS_DROP_ACTION_ERROR', count: 1 }, { name: 'OVS_DROP_LAST_ACTION', count: 1 }]);
		expect(summary.sites[0]).toMatchObject({ name: 'do_execute_actions', module: 'openvsw' });
		expect(summary.inputPorts).toEqual([{ name: 'ifindex 8', count: 2 }]);
	});

	test('reads the hardware packet-mode block and tallies the annotated cookie line', () => {
		const { summary, unparsed } = parseCorpus('packet-mode-hardware-cookie.pr19.txt');
		expect(summary.origins).toEqual({ software: 0, hardware: 1 });
		expect(summary.inputPorts).toEqual([{ name: 'enp0s16np1', count: 1 }]);
		expect(unparsed.reasons['dropwatch/unknown-line']?.examples[0]?.line).toBe(14);
	});

	test('counts the proposed [ns: N] tags per namespace', () => {
		expect(parseCorpus('proposed-netns-format.netdev-patch-2022.txt').summary.namespaces).toEqual({ '4026532485': 1, '4026532513': 1 });
	});

	test('reads the stats answer and warns that the silent start reported no drops', () => {
		const { summary, messages } = parseCorpus('stats-and-silent-start.issue90.txt');
		expect(summary.tailDropped).toEqual({ software: 0, hardware: 0 });
		expect(messages.map((m) => `${m.severity} ${m.code}`)).toEqual(['warning dropwatch/no-drops']);
	});

	test.each(Object.keys(EXPECTED).filter((name) => !name.includes('issue90')))('%s: gives no message', (name) => {
		expect(parseCorpus(name).messages).toEqual([]);
	});
});
