/**
 * The normalized model every input kind parses into: counters keyed by nstat name, exact
 * unsigned decimal strings (BigInt only while computing), plus the lines nobody could map.
 */
import type { NetstatDelta } from './delta-types.ts';

/** What a file turned out to be, detected from its content. */
export type NetstatInputKind =
	| 'netstat-s' // net-tools `netstat -s` prose (any of -t/-u/-w/-6)
	| 'proc-pairs' // /proc/net/snmp or /proc/net/netstat header/value line pairs
	| 'name-value' // /proc/net/snmp6, /proc/net/sctp/snmp, or nstat text
	| 'nstat' // nstat text (`#kernel` header, a rate column)
	| 'nstat-json' // nstat --json
	| 'mib-ii-pairs'; // Solaris netstat -s: `tcpActiveOpens = 57`

/** One counter value and where it was read. */
export interface NetstatCounter {
	/** Exact unsigned decimal (up to 2^64−1); settings may be negative (`TcpMaxConn` -1). */
	value: string;
	/** Kernel section, `TcpExt`; empty when the name has no known section prefix. */
	section: string;
	/** Field within the section, `ListenOverflows`. */
	field: string;
	/** The `netstat -s` sentence it came from, as printed (absent for /proc and nstat input). */
	text?: string;
	/** 1-based line of the input that gave the value. */
	line: number;
	file?: string;
}

/** A line no rule could map: kept verbatim, never guessed, never dropped. */
export interface NetstatUnknown {
	file?: string;
	line: number;
	text: string;
}

/** When a capture was taken: the `date` line at the top of its file (forms in timestamp.ts). */
export interface NetstatTimestamp {
	/** Seconds since 1970-01-01 UTC (fractions kept from `date -Ins`, `date +%s.%N`). */
	epoch: number;
	/** The line as written, `Thu Nov 26 12:13:02 UTC 2026`. */
	text: string;
	line: number;
	file?: string;
}

export interface NetstatSummary {
	/** Kinds of input seen, in order of first appearance. */
	kinds: NetstatInputKind[];
	/** Every counter read, keyed by nstat name (`TcpRetransSegs`). Absent = not in the input. */
	counters: Record<string, NetstatCounter>;
	/** Configuration values (`IpForwarding`, `TcpRtoMin`…), keyed the same way; not counters. */
	settings: Record<string, NetstatCounter>;
	/** Lines of prose or fields no rule mapped, with line numbers. */
	unknown: NetstatUnknown[];
	/** Set when a `before` capture was given: after − before, counter by counter. */
	delta?: NetstatDelta;
	/** Set by a `date` line (UTC or numeric offset) as the file's first line. */
	capturedAt?: NetstatTimestamp;
}

export function emptyNetstatSummary(): NetstatSummary {
	return { kinds: [], counters: {}, settings: {}, unknown: [] };
}

/**
 * Combines independent captures (several hosts): counters add up exactly, settings, origins and
 * the timestamp keep the first seen, unknown lines are concatenated.
 */
export function mergeNetstatSummary(a: NetstatSummary, b: NetstatSummary): NetstatSummary {
	const counters: Record<string, NetstatCounter> = { ...a.counters };
	for (const [name, counter] of Object.entries(b.counters)) {
		const mine = counters[name];
		counters[name] = mine ? { ...mine, value: (BigInt(mine.value) + BigInt(counter.value)).toString() } : counter;
	}
	const kinds = [...a.kinds, ...b.kinds.filter((kind) => !a.kinds.includes(kind))];
	const merged: NetstatSummary = {
		kinds,
		counters,
		settings: { ...b.settings, ...a.settings },
		unknown: [...a.unknown, ...b.unknown],
	};
	const delta = a.delta ?? b.delta;
	if (delta) merged.delta = delta;
	const capturedAt = a.capturedAt ?? b.capturedAt;
	if (capturedAt) merged.capturedAt = capturedAt;
	return merged;
}

/** The counter values alone, `{ TcpRetransSegs: '428' }`: the `--format json` shape. */
export function counterValues(counters: Record<string, NetstatCounter>): Record<string, string> {
	return Object.fromEntries(Object.entries(counters).map(([name, counter]) => [name, counter.value]));
}
