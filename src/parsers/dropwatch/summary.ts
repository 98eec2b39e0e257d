/**
 * The dropwatch summary: plain JSON, mergeable. Drop counts are sums; address lists are sets.
 * Lists are kept sorted (most drops first, then by name), so a summary has one canonical form.
 */
import { addTo, compareByCount, listCounts, mergeCounts, type NamedCount } from './counts.ts';
import type { LayerId } from './layers.ts';

export type { NamedCount } from './counts.ts';
export type DropOrigin = 'software' | 'hardware';

/** One place where the kernel freed packets as dropped. */
export interface DropwatchSite {
	/** Symbol without offset (`ip_local_deliver`), hardware trap name, or the address when unresolved. */
	name: string;
	/** Drops counted here: `N` of each `N drops at …` line, plus 1 per packet-mode block. */
	count: number;
	/** Layer from the table in `layers.ts`; `other` for unresolved sites. */
	layer: LayerId;
	/** `hardware` for `[hardware]` lines and trap blocks, else `software`. */
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
	/** Drops per site, most first. */
	sites: DropwatchSite[];
	/** Drops per layer (`link`, `ip`, `tcp`, `udp`, `unix`, `netlink`, `other`); absent when 0. */
	layers: Partial<Record<LayerId, number>>;
	/** Packet-mode blocks per `drop reason:` value (`NO_SOCKET`, `OVS_DROP_LAST_ACTION`). */
	reasons: NamedCount[];
	/** Drops per origin: the `[software]`/`[hardware]` tag, or the form of the block's `drop at:`. */
	origins: Record<DropOrigin, number>;
	/** Packet-mode blocks (`drop at:` … blank line); each is one dropped packet. */
	packets: number;
	/** Packet-mode blocks per input port (`input port name:` when given, else `ifindex N`). */
	inputPorts: NamedCount[];
	/** Packet-mode blocks per `protocol: 0x…` value (EtherType, hex digits only). */
	protocols: Record<string, number>;
	/** Which output formats the capture holds: hints at the dropwatch version. */
	formats: DropwatchFormats;
	/** Drops whose symbol is a mis-resolved module address (`__brk_limit+…`, `.brk.dmi_alloc+…`). */
	unresolvedModuleDrops: number;
	/** Summary lines per network-namespace tag `[ns: N]` (a proposed format, not yet released). */
	namespaces: Record<string, number>;
	/** `Tail dropped: N` from the `stats` command: packets drop_monitor could not queue. */
	tailDropped: Record<DropOrigin, number>;
	/** Lines of dropwatch's own chatter: prompts, start-up and status messages, help, stats headers. */
	chatter: number;
	/** Failures dropwatch itself printed (`Unable to find NET_DM family, dropwatch can't work`). */
	toolErrors: NamedCount[];
	/** Blank lines outside packet-mode blocks. */
	blankLines: number;
}

/** The summary of no input. */
export function emptyDropwatchSummary(): DropwatchSummary {
	return {
		drops: 0,
		sites: [],
		layers: {},
		reasons: [],
		origins: { software: 0, hardware: 0 },
		packets: 0,
		inputPorts: [],
		protocols: {},
		formats: { legacy: 0, tagged: 0, location: 0, packet: 0 },
		unresolvedModuleDrops: 0,
		namespaces: {},
		tailDropped: { software: 0, hardware: 0 },
		chatter: 0,
		toolErrors: [],
		blankLines: 0,
	};
}

/** Sums records whose keys are fixed or validated (layers, origins, formats, hex, digits). */
function addRecords<K extends string>(a: Partial<Record<K, number>>, b: Partial<Record<K, number>>): Record<K, number> {
	const map = new Map<string, number>(Object.entries(a) as [string, number][]);
	for (const [key, value] of Object.entries(b) as [string, number][]) addTo(map, key, value);
	return Object.fromEntries(map) as Record<K, number>;
}

/** Sorts sites into their canonical order, with sorted address lists. */
export function sortSites(sites: Iterable<DropwatchSite>): DropwatchSite[] {
	return [...sites].map((site) => ({ ...site, addresses: [...site.addresses].sort() })).sort(compareByCount);
}

function mergeSites(a: DropwatchSite[], b: DropwatchSite[]): DropwatchSite[] {
	const byName = new Map<string, DropwatchSite>();
	for (const site of [...a, ...b]) {
		const seen = byName.get(site.name);
		if (!seen) byName.set(site.name, { ...site, addresses: [...site.addresses] });
		else {
			seen.count += site.count;
			seen.addresses = [...new Set([...seen.addresses, ...site.addresses])];
			if (seen.module === undefined && site.module !== undefined) seen.module = site.module;
		}
	}
	return sortSites(byName.values());
}

/** Combines the summaries of independent captures. `merge(empty(), s)` equals `s`. */
export function mergeDropwatchSummary(a: DropwatchSummary, b: DropwatchSummary): DropwatchSummary {
	return {
		drops: a.drops + b.drops,
		sites: mergeSites(a.sites, b.sites),
		layers: addRecords(a.layers, b.layers),
		reasons: mergeCounts(a.reasons, b.reasons),
		origins: addRecords(a.origins, b.origins),
		packets: a.packets + b.packets,
		inputPorts: mergeCounts(a.inputPorts, b.inputPorts),
		protocols: addRecords(a.protocols, b.protocols),
		formats: addRecords(a.formats, b.formats),
		unresolvedModuleDrops: a.unresolvedModuleDrops + b.unresolvedModuleDrops,
		namespaces: addRecords(a.namespaces, b.namespaces),
		tailDropped: addRecords(a.tailDropped, b.tailDropped),
		chatter: a.chatter + b.chatter,
		toolErrors: mergeCounts(a.toolErrors, b.toolErrors),
		blankLines: a.blankLines + b.blankLines,
	};
}

