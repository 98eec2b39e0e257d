/**
 * Lookups over the net-tools wording table and the kernel's counter names.
 *
 * Model keys are nstat names: section + field as `/proc/net/snmp` spells them (`TcpRetransSegs`,
 * `TcpExtListenOverflows`, `IcmpMsgInType3`); snmp6 names already carry their section
 * (`Ip6InReceives`), as do `/proc/net/sctp/snmp` names (`SctpCurrEstab`).
 */
import { MIB_ROWS } from './mib-table.ts';
import type { MibKind, MibRow } from './mib-types.ts';

/** Sections whose field names already start with the section (`/proc/net/snmp6`, sctp). */
const SELF_NAMED = new Set(['Ip6', 'Icmp6', 'Udp6', 'UdpLite6', 'Sctp']);

/** Every section the kernel writes, longest first so `Icmp6` wins over `Icmp`. */
export const KNOWN_SECTIONS = [
	'Ip', 'IpExt', 'Icmp', 'IcmpMsg', 'Tcp', 'TcpExt', 'MPTcpExt', 'Udp', 'UdpLite',
	'Ip6', 'Icmp6', 'Udp6', 'UdpLite6', 'Sctp',
].sort((a, b) => b.length - a.length);

/** Display and report order of sections. */
export const SECTION_ORDER = [
	'Ip', 'Icmp', 'IcmpMsg', 'Tcp', 'Udp', 'UdpLite', 'TcpExt', 'IpExt', 'MPTcpExt',
	'Ip6', 'Icmp6', 'Udp6', 'UdpLite6', 'Sctp',
];

/** Values that are configuration or gauges, not event counters (nstat leaves the first six out). */
export const SETTINGS = new Set([
	'IpForwarding', 'IpDefaultTTL', 'TcpRtoAlgorithm', 'TcpRtoMin', 'TcpRtoMax', 'TcpMaxConn',
]);

/** Counters that go up and down (current state), so a decrease between captures is normal. */
export const GAUGES = new Set(['TcpCurrEstab', 'SctpCurrEstab']);

/** `TcpExt` + `ListenOverflows` -> `TcpExtListenOverflows`; `Ip6` + `Ip6InReceives` -> itself. */
export function toNstatName(section: string, field: string): string {
	return SELF_NAMED.has(section) && field.startsWith(section) ? field : `${section}${field}`;
}

/** `TcpExtListenOverflows` -> { section: 'TcpExt', field: 'ListenOverflows' }; unknown prefix: no section. */
export function splitNstatName(name: string): { section: string; field: string } {
	for (const section of KNOWN_SECTIONS) {
		if (name.length > section.length && name.startsWith(section) && /[A-Z]/.test(name[section.length]!)) {
			return { section, field: name.slice(section.length) };
		}
	}
	return { section: '', field: name };
}

/** `TcpExtListenOverflows` -> `TcpExt:ListenOverflows`, the way the page and terminal show it. */
export function displayName(name: string): string {
	const { section, field } = splitNstatName(name);
	return section === '' ? name : `${section}:${field}`;
}

/** Which ICMP histogram a line sits in; `''` outside both. */
export type Histogram = '' | 'icmp-in' | 'icmp-out';

/** Lower-cased, trimmed, single-spaced: the form wordings and input lines are compared in. */
export function normalizeWording(text: string): string {
	return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function histogramOf(kind: MibKind): Histogram {
	return kind === 'icmp-in' || kind === 'icmp-out' ? kind : '';
}

function buildIndex(rows: readonly MibRow[]): Map<string, MibRow> {
	const index = new Map<string, MibRow>();
	for (const row of rows) {
		const [section, , kind, wording] = row;
		index.set(`${section}|${histogramOf(kind)}|${normalizeWording(wording)}`, row);
	}
	return index;
}

const INDEX = buildIndex(MIB_ROWS);

/** The wording row for a line of a section, trying the current histogram first, then none. */
export function findWording(section: string, histogram: Histogram, template: string): MibRow | undefined {
	const key = normalizeWording(template);
	return INDEX.get(`${section}|${histogram}|${key}`) ?? INDEX.get(`${section}||${key}`);
}

/** Every wording known for a counter (nstat name), newest net-tools first. */
export function wordingsOf(name: string): MibRow[] {
	return MIB_ROWS.filter(([section, field]) => toNstatName(section, field) === name).reverse();
}
