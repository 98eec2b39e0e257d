/** IPv6 counters: `/proc/net/snmp6` (Ip6, Icmp6, Udp6, UdpLite6). */
import type { CounterDocTable, CounterSource } from './types.ts';
import { NOT_DOCUMENTED } from './types.ts';

const RST = 'snmp_counter.rst';
const IP_MIB = 'RFC 4293';
const ICMP6_MIB = 'RFC 2466';
const ND = NOT_DOCUMENTED;

/** net/ipv6/proc.c: named Icmp6 type counters, kept "for RFC 2466 compatibility" beside the per-type table. */
const ICMP6_TYPES: readonly [field: string, what: string][] = [
	['DestUnreachs', 'Destination Unreachable'],
	['PktTooBigs', 'Packet Too Big'],
	['TimeExcds', 'Time Exceeded'],
	['ParmProblems', 'Parameter Problem'],
	['Echos', 'Echo Request'],
	['EchoReplies', 'Echo Reply'],
	['GroupMembQueries', 'multicast listener (group membership) Query'],
	['GroupMembResponses', 'multicast listener (group membership) Report'],
	['GroupMembReductions', 'multicast listener (group membership) Done'],
	['RouterSolicits', 'Router Solicitation'],
	['RouterAdvertisements', 'Router Advertisement'],
	['NeighborSolicits', 'Neighbor Solicitation'],
	['NeighborAdvertisements', 'Neighbor Advertisement'],
	['Redirects', 'Redirect'],
];

function icmp6TypeDocs(): CounterDocTable {
	const docs: Record<string, readonly [string, CounterSource]> = {};
	for (const [field, what] of ICMP6_TYPES) {
		docs[`Icmp6In${field}`] = [`ICMPv6 ${what} messages received.`, ICMP6_MIB];
		docs[`Icmp6Out${field}`] = [`ICMPv6 ${what} messages sent.`, ICMP6_MIB];
	}
	const mld2 = 'kernel source net/ipv6/proc.c';
	docs.Icmp6InMLDv2Reports = ['ICMPv6 type 143 messages (MLDv2 Report) received; the name is the kernel\'s label for that type.', mld2];
	docs.Icmp6OutMLDv2Reports = ['ICMPv6 type 143 messages (MLDv2 Report) sent; the name is the kernel\'s label for that type.', mld2];
	return docs;
}

/** The IP-MIB objects (RFC 4293 ipSystemStats*) as the kernel keeps them for IPv6. */
const IP6_STATS: Record<string, string> = {
	InReceives: 'IPv6 datagrams received from interfaces, those received in error included.',
	InHdrErrors: 'Received IPv6 datagrams discarded for an error in their header (version, hop limit exceeded, bad options, …).',
	InNoRoutes: 'Received IPv6 datagrams discarded because no route was found to forward them.',
	InAddrErrors: 'Received IPv6 datagrams discarded because the destination address was invalid or, on a host that does not forward, not local.',
	InUnknownProtos: 'Locally addressed IPv6 datagrams discarded because their next-header protocol is unknown or unsupported.',
	InTruncatedPkts: 'Received IPv6 datagrams discarded because the frame was too short to hold the whole datagram.',
	InDiscards: 'Received IPv6 datagrams discarded with nothing wrong in them (for example, lack of buffer space).',
	InDelivers: 'IPv6 datagrams delivered to upper-layer protocols, ICMPv6 included.',
	OutForwDatagrams: 'IPv6 datagrams forwarded: not addressed here, and a route was found for them.',
	OutRequests: 'IPv6 datagrams that local protocols handed to IP for sending; forwarded datagrams not included.',
	OutDiscards: 'Outgoing IPv6 datagrams discarded with nothing wrong in them (for example, lack of buffer space).',
	OutNoRoutes: 'Locally generated IPv6 datagrams discarded because no route was found for them.',
	ReasmReqds: 'IPv6 fragments received that had to be reassembled here.',
	ReasmOKs: 'IPv6 datagrams successfully reassembled.',
	ReasmFails: 'Failures the IPv6 reassembly algorithm detected (timeouts, errors, …); not necessarily a count of discarded fragments.',
	FragOKs: 'Outgoing IPv6 datagrams successfully fragmented here.',
	FragFails: 'Outgoing IPv6 datagrams discarded because they needed fragmenting but could not be.',
	FragCreates: 'Fragments generated here by fragmenting outgoing IPv6 datagrams.',
	InMcastPkts: 'IPv6 multicast datagrams received.',
	OutMcastPkts: 'IPv6 multicast datagrams transmitted.',
	InOctets: 'Octets received in IPv6 datagrams, those received in error included.',
	OutOctets: 'Octets in IPv6 datagrams handed to the lower layers for transmission.',
	InMcastOctets: 'Octets received in IPv6 multicast datagrams.',
	OutMcastOctets: 'Octets transmitted in IPv6 multicast datagrams.',
	OutTransmits: 'IPv6 datagrams handed to the lower layers for transmission, forwarded and locally generated together.',
};

function ip6Docs(): CounterDocTable {
	const docs: Record<string, readonly [string, CounterSource]> = {};
	for (const [field, text] of Object.entries(IP6_STATS)) docs[`Ip6${field}`] = [text, IP_MIB];
	return docs;
}

/** snmp.h: one ipstats field list serves IPv4 (IpExt) and IPv6, so the ECN counters mean the same. */
function ecnText(codepoint: string): readonly [string, CounterSource] {
	return [`Received IPv6 packets whose ECN field is ${codepoint}; the IPv6 side of IpExt:In${codepoint === 'Not-ECT' ? 'NoECT' : codepoint.replace(/[()]/g, '')}Pkts.`, RST];
}

const UDP6: Record<string, string> = {
	InDatagrams: 'datagrams delivered to local sockets.',
	NoPorts: 'datagrams received for a port no application was listening on.',
	InErrors: 'received datagrams that could not be delivered for a reason other than a closed port.',
	OutDatagrams: 'datagrams sent.',
};

function udp6Docs(): CounterDocTable {
	const docs: Record<string, readonly [string, CounterSource] | typeof ND> = {};
	for (const [field, text] of Object.entries(UDP6)) {
		docs[`Udp6${field}`] = [`UDP over IPv6: ${text}`, 'RFC 4113'];
		docs[`UdpLite6${field}`] = [`UDP-Lite over IPv6: ${text}`, 'kernel source net/ipv6/proc.c'];
	}
	docs.Udp6IgnoredMulti = ['UDP over IPv6: multicast datagrams that no socket took, dropped.', 'kernel source net/ipv6/proc.c + net/ipv6/udp.c'];
	for (const field of ['RcvbufErrors', 'SndbufErrors', 'InCsumErrors', 'MemErrors']) {
		docs[`Udp6${field}`] = ND;
		docs[`UdpLite6${field}`] = ND;
	}
	return docs;
}

export const IPV6_DOCS: CounterDocTable = {
	...ip6Docs(),
	Ip6InTooBigErrors: ['IPv6 datagrams that could not be forwarded because they were larger than the MTU of the outgoing link.', 'RFC 2465'],
	Ip6ReasmTimeout: ['IPv6 fragment queues given up because their reassembly timer expired; each also counts in Ip6:ReasmFails.', 'kernel source net/ipv6/proc.c + net/ipv6/reassembly.c'],
	Ip6InBcastOctets: ND,
	Ip6OutBcastOctets: ND,
	Ip6InNoECTPkts: ecnText('Not-ECT'),
	Ip6InECT1Pkts: ecnText('ECT(1)'),
	Ip6InECT0Pkts: ecnText('ECT(0)'),
	Ip6InCEPkts: ecnText('CE'),
	Icmp6InMsgs: ['ICMPv6 messages received, including those counted in Icmp6:InErrors.', ICMP6_MIB],
	Icmp6InErrors: ['ICMPv6 messages received that had ICMP-specific errors (bad checksum, bad length, …).', ICMP6_MIB],
	Icmp6OutMsgs: ['ICMPv6 messages this host tried to send, errors included.', ICMP6_MIB],
	Icmp6OutErrors: ['ICMPv6 messages not sent because of problems inside ICMPv6, such as lack of buffers.', ICMP6_MIB],
	Icmp6InCsumErrors: ND,
	Icmp6OutRateLimitHost: ND,
	...icmp6TypeDocs(),
	Icmp6InType1: ['ICMPv6 messages of type 1 (Destination Unreachable) received; the per-type table has one such counter per type seen.', IP_MIB],
	Icmp6OutType1: ['ICMPv6 messages of type 1 (Destination Unreachable) sent.', IP_MIB],
	Icmp6OutType135: ['ICMPv6 messages of type 135 (Neighbor Solicitation) sent.', IP_MIB],
	Icmp6OutType143: ['ICMPv6 messages of type 143 (MLDv2 Report) sent.', IP_MIB],
	...udp6Docs(),
};
