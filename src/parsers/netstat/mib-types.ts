/** Types of the generated `mib-table.ts`. */

/**
 * How net-tools prints a counter: `number` as a sentence with the value in it, `setting` as
 * text (`Forwarding is enabled`), `icmp-in`/`icmp-out` as `name: N` under the ICMP input/output
 * histogram title (the same words mean different counters in the two histograms).
 */
export type MibKind = 'number' | 'setting' | 'icmp-in' | 'icmp-out';

/**
 * One wording: kernel section as `/proc/net/snmp` names it (`TcpExt`), MIB field as net-tools'
 * table names it (`ListenOverflows`; `Ip6InReceives` for the snmp6 sections), kind, the sentence
 * with `%llu` where the value goes, and the net-tools revisions that print exactly that sentence.
 */
export type MibRow = readonly [
	section: string,
	field: string,
	kind: MibKind,
	wording: string,
	revisions: readonly string[],
];
