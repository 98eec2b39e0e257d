import { describe, expect, test } from 'vitest';
import { mergeDropwatchSummary } from '../../src/parsers/dropwatch/index.ts';
import { countsOf, dropsBySite, findSite, parse } from './helpers.ts';

// Line formats as printed by dropwatch's src/main.c (tags 1.4 … v1.5.5 of nhorman/dropwatch).
describe('summary-mode lines', () => {
	test.each([
		['1 drops at netlink_sendskb+14d (0xffffffff813df30e)', 'netlink_sendskb', 1, 'netlink', 'software', 'legacy'],
		['1 drops at tcp_v4_rcv+163 (0xffffffffa96e95e3) [software]', 'tcp_v4_rcv', 1, 'tcp', 'software', 'tagged'],
		['4 drops at ip_rcv_finish_core.isra.0+1de (0xffffffff96b6294e) [software]', 'ip_rcv_finish_core.isra.0', 4, 'ip', 'software', 'tagged'],
		['2 drops at location 0xffffffff815d3371', '0xffffffff815d3371', 2, 'other', 'software', 'location'],
		['2 drops at location 0xffffffff815d3371 [software]', '0xffffffff815d3371', 2, 'other', 'software', 'location'],
		['3 drops at ingress_flow_action_drop [hardware]', 'ingress_flow_action_drop', 3, 'link', 'hardware', 'tagged'],
		['2 drops at br_stp_rcv+61 (0xffffffffc2e70651) [software]', 'br_stp_rcv', 2, 'link', 'software', 'tagged'],
		['7 drops at udp_queue_rcv_one_skb+3c4 (0xffffffff81a0b2c4) [software]', 'udp_queue_rcv_one_skb', 7, 'udp', 'software', 'tagged'],
	] as const)('reads %j as %s, %i drops, layer %s, %s, format %s', (line, site, drops, layer, origin, format) => {
		const { summary, unparsed } = parse(`${line}\n`);
		expect(unparsed.total).toBe(0);
		expect(dropsBySite(summary)).toEqual({ [site]: drops });
		expect(findSite(summary, site)).toMatchObject({ layer, origin });
		expect(summary.formats[format]).toBe(1);
		expect(summary.origins[origin]).toBe(drops);
	});

	test('counts the proposed [ns: N] tag per namespace and still counts the drops', () => {
		const { summary } = parse('11 drops at location 0xffffffffad8cd0c3 [software] [ns: 4026532485]\n11 drops at location 0xffffffffad8cd0c3 [software] [ns: 4026532513]\n');
		expect(summary.drops).toBe(22);
		expect(summary.namespaces).toEqual({ '4026532485': 1, '4026532513': 1 });
	});

	test.each([
		['41 drops at __brk_limit+1e6c5938 (0xffffffffa0a1d938)', '__brk_limit'],
		['2 drops at __init_scratch_end+fbdc203 (0xffffffffc05dc203) [software]', '__init_scratch_end'],
		['4 drops at .brk.dmi_alloc+1e60bd47 (0xffffffffa045fd47)', '.brk.dmi_alloc'],
		['5 drops at some_function+2000000 (0xffffffffc1000000) [software]', 'some_function'],
	])('flags %j as an unresolved module address', (line, site) => {
		const { summary } = parse(`${line}\n`);
		expect(findSite(summary, site)).toMatchObject({ unresolved: 'module-address', layer: 'other' });
		expect(summary.unresolvedModuleDrops).toBe(summary.drops);
	});

	test('trusts an ordinary symbol with a small offset', () => {
		const { summary } = parse('1 drops at skb_queue_purge+18 (0xffffffff8151a968)\n');
		expect(findSite(summary, 'skb_queue_purge')?.unresolved).toBeUndefined();
		expect(summary.unresolvedModuleDrops).toBe(0);
	});

	test('reads a drop line with the Ctrl-C echo glued to it and counts the echo as chatter', () => {
		const { summary, unparsed } = parse('2 drops at inet_csk_reset_xmit_timer.clone.1+265 (0xffffffff814d9cb5) ^CGot a stop message\n');
		expect(unparsed.total).toBe(0);
		expect(dropsBySite(summary)).toEqual({ 'inet_csk_reset_xmit_timer.clone.1': 2 });
		expect(findSite(summary, 'inet_csk_reset_xmit_timer.clone.1')?.layer).toBe('tcp');
		expect(summary.chatter).toBe(1);
	});
});

describe('dropwatch chatter', () => {
	test.each([
		'dropwatch -l kas',
		'$ dropwatch',
		'[root@localhost src]# ./dropwatch -l kas ',
		'root@user-HP-Z420-WOrkstation:/home/user/DROPWATCH# dropwatch -l kas',
		'Initalizing kallsyms db',
		'Initializing kallsyms db',
		'Initalizing null lookup method',
		'dropwatch> start',
		'dropwatch> set alertmode packet',
		'dropwatch>',
		'Enabling monitoring...',
		'Enabling monitoring..',
		'Kernel monitoring activated.',
		'Issue Ctrl-C to stop monitoring',
		'^CGot a stop message',
		'^C',
		'Got a stop message',
		'Deactivation requested, turning off monitoring',
		'Waiting for activation ack....',
		'Waiting for deactivation ack...',
		'Waiting for statistics query response',
		'Alert limit reached, deactivating!',
		'setting hardware drops monitoring to 1',
		'setting software drops monitoring to 0',
		'setting alert capture limit to 100',
		'Setting alert mode',
		'Alert mode successfully set',
		'Setting queue length to 1000',
		'Getting existing configuration',
		'Alert mode: Summary',
		'Truncation length: 0',
		'Queue length: 1000',
		'Getting statistics',
		'Command Syntax:',
		'exit\t\t\t\t - Quit dropwatch',
		'\tsw <true | false>\t - monitor software drops',
		'Terminating dropwatch...',
		'Shutting down ...',
	])('recognises %j as chatter, not as a drop or an unparsed line', (line) => {
		const { summary, unparsed } = parse(`${line}\n`);
		expect(unparsed.total).toBe(0);
		expect(summary.chatter).toBe(1);
		expect(summary.drops).toBe(0);
	});

	test.each([
		'Unable to find NET_DM family, dropwatch can\'t work',
		'Failed activation request, error: Operation not permitted',
		'Unknown lookup method bfd',
	])('lists dropwatch\'s own failure %j in toolErrors', (line) => {
		const { summary, unparsed } = parse(`${line}\n`);
		expect(unparsed.total).toBe(0);
		expect(summary.toolErrors).toEqual([{ name: line, count: 1 }]);
		expect(summary.chatter).toBe(1);
	});

	test('adds stats "Tail dropped" to the section it follows', () => {
		const { summary } = parse('Getting statistics\nSoftware statistics:\nTail dropped: 3\nHardware statistics:\nTail dropped: 5\n');
		expect(summary.tailDropped).toEqual({ software: 3, hardware: 5 });
		expect(summary.chatter).toBe(5);
	});
});

describe('packet-mode blocks', () => {
	const block = [
		'drop at: do_execute_actions+0x197/0xb20 [openvsw (0xffffffffc0db6f97)',
		'origin: software',
		'input port ifindex: 8',
		'timestamp: Tue Aug 20 10:19:17 2024 859853461 nsec',
		'protocol: 0x800',
		'length: 98',
		'original length: 98',
		'drop reason: OVS_DROP_ACTION_ERROR',
		'',
	].join('\n');

	test('counts one drop per block at the symbol, with its module and address', () => {
		const { summary, unparsed } = parse(block);
		expect(unparsed.total).toBe(0);
		expect(summary.packets).toBe(1);
		expect(summary.drops).toBe(1);
		expect(findSite(summary, 'do_execute_actions')).toEqual({ name: 'do_execute_actions', count: 1, layer: 'link', origin: 'software', addresses: ['0xffffffffc0db6f97'], module: 'openvsw' });
	});

	test('counts the drop reason, the input port and the protocol', () => {
		const { summary } = parse(block);
		expect(countsOf(summary.reasons)).toEqual({ OVS_DROP_ACTION_ERROR: 1 });
		expect(countsOf(summary.inputPorts)).toEqual({ 'ifindex 8': 1 });
		expect(summary.protocols).toEqual({ '0x800': 1 });
	});

	test('reads a hardware block: trap name, trap group, port name', () => {
		const text = 'drop at: ingress_flow_action_drop (acl_drops)\norigin: hardware\ninput port ifindex: 30\ninput port name: enp0s16np1\ncookie: 1c6a5c2e9b3e\ntimestamp: Thu Jan 23 12:58:56 2020 434291226 nsec\nprotocol: 0x800\nlength: 98\noriginal length: 98\n\n';
		const { summary, unparsed } = parse(text);
		expect(unparsed.total).toBe(0);
		expect(findSite(summary, 'ingress_flow_action_drop')).toMatchObject({ count: 1, origin: 'hardware', layer: 'link' });
		expect(countsOf(summary.inputPorts)).toEqual({ enp0s16np1: 1 });
	});

	test('starts a new block at "drop at:" even without the blank line', () => {
		const { summary } = parse('drop at: ip_rcv_finish_core.isra.0+0x1de/0x440 (0xffffffff96b6294e)\norigin: software\ndrop at: ip_rcv_finish_core.isra.0+0x1de/0x440 (0xffffffff96b6294e)\norigin: software\n');
		expect(summary.packets).toBe(2);
		expect(findSite(summary, 'ip_rcv_finish_core.isra.0')).toMatchObject({ count: 2, layer: 'ip' });
	});

	test('tallies a packet field outside any block as an orphan field', () => {
		const { unparsed } = parse('origin: software\n');
		expect(unparsed.reasons['dropwatch/orphan-packet-field']?.count).toBe(1);
	});

	test('tallies a field with text pasted after it as an unknown line', () => {
		const { unparsed } = parse('drop at: ingress_flow_action_drop (acl_drops)\ncookie: 31237981273918  <<<<<<<<\n');
		expect(unparsed.reasons['dropwatch/unknown-line']).toEqual({ count: 1, examples: [{ file: 'capture.txt', line: 2, text: 'cookie: 31237981273918  <<<<<<<<' }] });
	});
});

describe('messages', () => {
	test('warns that an empty capture has no drops', () => {
		expect(parse('').messages).toEqual([expect.objectContaining({ severity: 'warning', code: 'dropwatch/no-drops', file: 'capture.txt' })]);
	});

	test('warns when dropwatch ran but reported no drops', () => {
		const { messages } = parse('dropwatch> start\nEnabling monitoring...\n');
		expect(messages).toEqual([expect.objectContaining({ severity: 'warning', code: 'dropwatch/no-drops' })]);
	});

	test('reports an error with file and first line when nothing looks like dropwatch output', () => {
		const { messages, unparsed } = parse('\nhello\nworld\n');
		expect(messages).toEqual([expect.objectContaining({ severity: 'error', code: 'dropwatch/not-dropwatch-output', file: 'capture.txt', line: 2 })]);
		expect(unparsed.reasons['dropwatch/unknown-line']?.count).toBe(2);
	});

	test('stays silent for a capture with drops', () => {
		expect(parse('1 drops at tcp_v4_rcv+163 (0xffffffffa96e95e3) [software]\n').messages).toEqual([]);
	});
});

describe('names that collide with Object.prototype', () => {
	const text = [
		'5 drops at __proto__+10 (0xffffffff81000010) [software]',
		'3 drops at constructor+20 (0xffffffff81000020) [software]',
		'2 drops at __proto__+10 (0xffffffff81000010) [software]',
		'drop at: toString+0x1/0x10 (0xffffffff81000030)',
		'input port name: __proto__',
		'drop reason: __proto__',
		'',
	].join('\n');

	test.each([
		['__proto__', 7],
		['constructor', 3],
		['toString', 1],
	])('counts a site named %s like any other (%i drops)', (name, drops) => {
		expect(findSite(parse(text).summary, name)?.count).toBe(drops);
	});

	test('keeps reasons and ports named __proto__ through merge and JSON, without touching Object.prototype', () => {
		const { summary } = parse(text);
		const merged = mergeDropwatchSummary(summary, summary);
		expect(merged.reasons).toEqual([{ name: '__proto__', count: 2 }]);
		expect(merged.inputPorts).toEqual([{ name: '__proto__', count: 2 }]);
		expect(findSite(merged, '__proto__')?.count).toBe(14);
		expect(JSON.parse(JSON.stringify(merged))).toEqual(merged);
		expect(({} as Record<string, unknown>).count).toBeUndefined();
		expect(summary.drops).toBe(11);
	});
});
