/** The sink's state, and how one drop is counted into it. */
import type { Tally } from '../tally.ts';
import { findLayer, isUnresolvedModuleAddress, type LayerId } from './layers.ts';
import type { DropOrigin, DropwatchSite, DropwatchSummary } from './summary.ts';

/** The packet-mode block being read: the fields counted when it ends. */
export interface PacketBlock {
	ifindex?: string;
	portName?: string;
}

/** Everything one capture has built so far; text-keyed counts stay in Maps until the end. */
export interface State {
	/** Numeric totals; its lists are filled from the maps below when the sink ends. */
	summary: DropwatchSummary;
	sites: Map<string, DropwatchSite>;
	reasons: Map<string, number>;
	inputPorts: Map<string, number>;
	toolErrors: Map<string, number>;
	tally: Tally;
	file: string;
	block: PacketBlock | undefined;
	/** Which `stats` section a `Tail dropped:` line belongs to. */
	statsOrigin: DropOrigin;
	nonBlank: number;
	recognised: number;
	firstLine: number | undefined;
}

/** One summary line or packet block, ready to count. */
export interface SiteDrop {
	name: string;
	drops: number;
	origin: DropOrigin;
	layer: LayerId;
	address?: string;
	module?: string;
	unresolved?: DropwatchSite['unresolved'];
}

/** Adds a drop to the totals, its origin, its layer and its site. */
export function countDrop(state: State, drop: SiteDrop): void {
	const { summary } = state;
	summary.drops += drop.drops;
	summary.origins[drop.origin] += drop.drops;
	summary.layers[drop.layer] = (summary.layers[drop.layer] ?? 0) + drop.drops;
	if (drop.unresolved === 'module-address') summary.unresolvedModuleDrops += drop.drops;
	let site = state.sites.get(drop.name);
	if (!site) {
		site = { name: drop.name, count: 0, layer: drop.layer, origin: drop.origin, addresses: [] };
		state.sites.set(drop.name, site);
	}
	site.count += drop.drops;
	if (drop.address !== undefined && !site.addresses.includes(drop.address)) site.addresses.push(drop.address);
	if (drop.module !== undefined && site.module === undefined) site.module = drop.module;
	if (drop.unresolved !== undefined) site.unresolved = drop.unresolved;
}

/** A symbolised site, `sym+off`: flagged when it is a mis-resolved module address. */
export function symbolDrop(symbol: string, offsetHex: string, drops: number, origin: DropOrigin, address?: string): SiteDrop {
	if (isUnresolvedModuleAddress(symbol, Number.parseInt(offsetHex, 16))) {
		return { name: symbol, drops, origin, layer: 'other', address, unresolved: 'module-address' };
	}
	return { name: symbol, drops, origin, layer: findLayer(symbol), address };
}

