/** Packet mode (`set alertmode packet`, dropwatch 1.5.2 and later): one block per dropped packet. */
import { addUnparsed } from '../tally.ts';
import { findLayer } from './layers.ts';
import { addTo } from './counts.ts';
import { countDrop, symbolDrop, type SiteDrop, type State } from './state.ts';

const PACKET_SYMBOL = /^(.+?)\+0x([0-9a-f]+)(?:\/0x[0-9a-f]*)?(?: \[([^\]]*)\]?)?$/;

/**
 * Packet mode, first line of a block (kernel `%pS`, cut at 39 characters by drop_monitor):
 * `drop at: ip_rcv_finish_core.isra.0+0x1de/0x440 (0xffffffff96b6294e)`,
 * `drop at: do_execute_actions+0x197/0xb20 [openvsw (0xffffffffc0db6f97)`,
 * hardware: `drop at: ingress_flow_action_drop (acl_drops)` (trap name, trap group).
 */
export function handleDropAt(state: State, text: string): boolean {
	const match = /^drop at: (.+) \(([^()]*)\)$/.exec(text);
	if (!match) return false;
	const [, where, paren] = match as unknown as [string, string, string];
	closeBlock(state);
	let drop: SiteDrop;
	if (!/^0x[0-9a-f]+$/.test(paren)) drop = { name: where, drops: 1, origin: 'hardware', layer: 'link' };
	else {
		const symbol = PACKET_SYMBOL.exec(where);
		if (symbol) drop = { ...symbolDrop(symbol[1]!, symbol[2]!, 1, 'software', paren), module: symbol[3] };
		else if (/^0x[0-9a-f]+$/.test(where)) drop = { name: where, drops: 1, origin: 'software', layer: 'other', address: paren, unresolved: 'no-symbol' };
		else drop = { name: where, drops: 1, origin: 'software', layer: findLayer(where), address: paren };
	}
	if (drop.module === undefined) delete drop.module;
	countDrop(state, drop);
	state.summary.packets++;
	state.summary.formats.packet++;
	state.block = {};
	return true;
}

const PACKET_FIELD = /^(origin: (?:software|hardware|unknown)|input port ifindex: (\d+)|input port name: (.+)|cookie: [0-9a-f]*|timestamp: .+ \d{9} nsec|protocol: (0x[0-9a-f]+)|length: \d+|original length: \d+|drop reason: (.+))$/;

/**
 * The other lines of a packet-mode block, in the order dropwatch prints them:
 * `origin: software`, `input port ifindex: 3`, `input port name: enp0s16np1`, `cookie: 1f2e…`,
 * `timestamp: Thu Dec 22 13:14:21 2022 005165840 nsec`, `protocol: 0x800`, `length: 1358`,
 * `original length: 1358`, `drop reason: OVS_DROP_LAST_ACTION`. Outside a block they are
 * tallied as `dropwatch/orphan-packet-field`.
 */
export function handlePacketField(state: State, text: string, lineNo: number): boolean {
	const match = PACKET_FIELD.exec(text);
	if (!match) return false;
	const block = state.block;
	if (!block) {
		addUnparsed(state.tally, 'dropwatch/orphan-packet-field', lineNo, text, state.file);
		return true;
	}
	const [, , ifindex, portName, protocol, reason] = match;
	const { summary } = state;
	if (ifindex !== undefined) block.ifindex = ifindex;
	if (portName !== undefined) block.portName = portName;
	if (protocol !== undefined) summary.protocols[protocol] = (summary.protocols[protocol] ?? 0) + 1;
	if (reason !== undefined) addTo(state.reasons, reason);
	return true;
}

/** Ends the open packet-mode block, counting its input port. */
export function closeBlock(state: State): void {
	const block = state.block;
	if (!block) return;
	const port = block.portName ?? (block.ifindex === undefined ? undefined : `ifindex ${block.ifindex}`);
	if (port !== undefined) addTo(state.inputPorts, port);
	state.block = undefined;
}
