/**
 * What each kernel counter counts, for the reference page: one or two sentences per counter in
 * our own words, each with the document it was read from. Where nothing authoritative says what
 * a counter counts, the entry is `NOT_DOCUMENTED` (the project guesses nothing).
 *
 * Sources: the kernel's `Documentation/networking/snmp_counter.rst`, the RFCs defining the MIB
 * objects (RFC 4293 IP-MIB, RFC 4022 TCP-MIB, RFC 4113 UDP-MIB, RFC 2465/2466 IPv6, RFC 3873
 * SCTP-MIB), and kernel source where a comment or the incrementing code says it
 * (`include/uapi/linux/snmp.h`, `net/mptcp/mib.h`, `net/ipv4/proc.c`, …).
 */
import { IP_DOCS } from './counter-docs/ip.ts';
import { IPV6_DOCS } from './counter-docs/ipv6.ts';
import { MPTCP_DOCS } from './counter-docs/mptcp.ts';
import { TCP_EXT_DOCS } from './counter-docs/tcp-ext.ts';
import { TRANSPORT_DOCS } from './counter-docs/transport.ts';
import type { CounterDocTable, CounterSource } from './counter-docs/types.ts';
import { NOT_DOCUMENTED } from './counter-docs/types.ts';

export { NOT_DOCUMENTED };
export type { CounterDocTable, CounterSource };

/** A counter's description, or the explicit statement that no authoritative text exists. */
export type CounterDoc =
	| { documented: true; text: string; source: CounterSource }
	| { documented: false };

/** Every described counter by nstat name (`TcpExtSyncookiesFailed`). */
export const COUNTER_DOCS: CounterDocTable = {
	...IP_DOCS,
	...TRANSPORT_DOCS,
	...TCP_EXT_DOCS,
	...IPV6_DOCS,
	...MPTCP_DOCS,
};

/** The kinds of source an entry may cite; the unit test holds every entry to them. */
export const SOURCE_PATTERN = /^(?:snmp_counter\.rst|RFC \d{3,4}|kernel source (?:[\w./-]+\.[ch])(?: \+ [\w./-]+\.[ch])*)$/;

/** Per-type ICMP counters have one name per type number: `IcmpMsgInType3`, `Icmp6OutType135`. */
const PER_TYPE = /^(IcmpMsg|Icmp6)(In|Out)Type(\d{1,3})$/;

function describePerType(name: string): CounterDoc | undefined {
	const match = PER_TYPE.exec(name);
	if (!match) return undefined;
	const [, section, direction, type] = match;
	const family = section === 'Icmp6' ? 'ICMPv6' : 'ICMP';
	const verb = direction === 'In' ? 'received' : 'sent';
	return {
		documented: true,
		text: `${family} messages of type ${type} ${verb}, one counter per type number (the per-type table of RFC 4293's icmpMsgStatsTable).`,
		source: section === 'Icmp6' ? 'RFC 4293' : 'snmp_counter.rst',
	};
}

/** What a counter counts, by nstat name; `undefined` when the table has no entry at all. */
export function describeCounter(name: string): CounterDoc | undefined {
	const entry = COUNTER_DOCS[name];
	if (entry === NOT_DOCUMENTED) return { documented: false };
	if (entry) return { documented: true, text: entry[0], source: entry[1] };
	return describePerType(name);
}
