/**
 * The dropwatch summary: plain JSON, mergeable. Drop counts are sums; address lists are sets.
 */
import type { LayerId } from './layers.ts';

export type DropOrigin = 'software' | 'hardware';

/** One place where the kernel freed packets as dropped. */
export interface DropwatchSite {
	/** Drops counted here: `N` of each `N drops at …` line, plus 1 per packet-mode block. */
	drops: number;
	layer: LayerId;
	origin: DropOrigin;
	/** Distinct addresses printed for this site (`0xffffffff813f12d7`), sorted. */
	addresses: string[];
	/** Module name from a packet-mode `drop at: sym+0x…/0x… [module]`, possibly cut short. */
	module?: string;
	/**
	 * Why the name is not to be trusted: `module-address` when `-l kas` resolved a module address
	 * to the end of the kernel image (`__brk_limit+…`); `no-symbol` for `drops at location 0x…`.
	 */
	unresolved?: 'module-address' | 'no-symbol';
}

/** Which of dropwatch's output formats appeared, counted per line or block. */
export interface DropwatchFormats {
	/** `N drops at sym+off (0xaddr)` without a tag: dropwatch 1.4 to 1.5.1. */
	legacy: number;
	/** Summary lines ending in `[software]` or `[hardware]`: dropwatch 1.5.2 and later. */
	tagged: number;
	/** `N drops at location 0x…`: no symbol lookup (dropwatch started without `-l kas`). */
	location: number;
	/** Packet-mode blocks starting with `drop at:` (`set alertmode packet`, 1.5.2 and later). */
	packet: number;
}

export interface DropwatchSummary {
	/** Total drops: the sum over every `N drops at …` line plus one per packet-mode block. */
	drops: number;
	/** Drops per site, keyed by symbol without offset (trap name for hardware, address when unresolved). */
	sites: Record<string, DropwatchSite>;
	/** Drops per layer (`link`, `ip`, `tcp`, `udp`, `unix`, `netlink`, `other`). */
	layers: Partial<Record<LayerId, number>>;
	/** Packet-mode blocks per `drop reason:` value (`NO_SOCKET`, `OVS_DROP_LAST_ACTION`). */
	reasons: Record<string, number>;
	/** Drops per origin: the `[software]`/`[hardware]` tag, the block's `drop at:` form. */
	origins: Record<DropOrigin, number>;
	/** Packet-mode blocks (`drop at:` … blank line); each is one dropped packet. */
	packets: number;
	/** Packet-mode blocks per input port (`input port name:` when given, else `ifindex N`). */
	inputPorts: Record<string, number>;
	/** Packet-mode blocks per `protocol: 0x…` value (EtherType). */
	protocols: Record<string, number>;
	formats: DropwatchFormats;
	/** Drops whose symbol is a mis-resolved module address (`__brk_limit+…`, `.brk.dmi_alloc+…`). */
	unresolvedModuleDrops: number;
	/** Summary lines per network-namespace tag `[ns: N]` (a proposed format, not yet released). */
	namespaces: Record<string, number>;
	/** `Tail dropped: N` from the `stats` command: alerts the kernel's queue could not hold. */
	tailDropped: Record<DropOrigin, number>;
	/** Lines of dropwatch's own chatter: prompts, start-up and status messages, help, stats headers. */
	chatter: number;
	/** Failures dropwatch itself printed (`Unable to find NET_DM family, dropwatch can't work`), per text. */
	toolErrors: Record<string, number>;
	/** Blank lines outside packet-mode blocks. */
	blankLines: number;
}

/** The summary of no input. */
export function emptyDropwatchSummary(): DropwatchSummary {
	return {
		drops: 0,
		sites: {},
		layers: {},
		reasons: {},
		origins: { software: 0, hardware: 0 },
		packets: 0,
		inputPorts: {},
		protocols: {},
		formats: { legacy: 0, tagged: 0, location: 0, packet: 0 },
		unresolvedModuleDrops: 0,
		namespaces: {},
		tailDropped: { software: 0, hardware: 0 },
		chatter: 0,
		toolErrors: {},
		blankLines: 0,
	};
}

function addCounts<K extends string>(a: Partial<Record<K, number>>, b: Partial<Record<K, number>>): Record<K, number> {
	const out = { ...a } as Record<K, number>;
	for (const [key, value] of Object.entries(b) as [K, number][]) out[key] = (out[key] ?? 0) + value;
	return out;
}

function mergeSite(a: DropwatchSite | undefined, b: DropwatchSite): DropwatchSite {
	if (!a) return { ...b, addresses: [...b.addresses] };
	const merged: DropwatchSite = {
		...a,
		drops: a.drops + b.drops,
		addresses: [...new Set([...a.addresses, ...b.addresses])].sort(),
	};
	if (merged.module === undefined && b.module !== undefined) merged.module = b.module;
	return merged;
}

/** Combines the summaries of independent captures. `merge(empty(), s)` equals `s`. */
export function mergeDropwatchSummary(a: DropwatchSummary, b: DropwatchSummary): DropwatchSummary {
	const sites: Record<string, DropwatchSite> = {};
	for (const source of [a.sites, b.sites]) {
		for (const [name, site] of Object.entries(source)) sites[name] = mergeSite(sites[name], site);
	}
	return {
		drops: a.drops + b.drops,
		sites,
		layers: addCounts(a.layers, b.layers),
		reasons: addCounts(a.reasons, b.reasons),
		origins: addCounts(a.origins, b.origins),
		packets: a.packets + b.packets,
		inputPorts: addCounts(a.inputPorts, b.inputPorts),
		protocols: addCounts(a.protocols, b.protocols),
		formats: addCounts(a.formats, b.formats),
		unresolvedModuleDrops: a.unresolvedModuleDrops + b.unresolvedModuleDrops,
		namespaces: addCounts(a.namespaces, b.namespaces),
		tailDropped: addCounts(a.tailDropped, b.tailDropped),
		chatter: a.chatter + b.chatter,
		toolErrors: addCounts(a.toolErrors, b.toolErrors),
		blankLines: a.blankLines + b.blankLines,
	};
}
