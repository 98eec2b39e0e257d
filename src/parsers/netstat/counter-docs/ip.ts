/** IPv4 and ICMP counters: `/proc/net/snmp` sections Ip, Icmp, IcmpMsg and `/proc/net/netstat` IpExt. */
import type { CounterDocTable } from './types.ts';
import { NOT_DOCUMENTED } from './types.ts';

const RST = 'snmp_counter.rst';
const IP_MIB = 'RFC 4293';

/** RFC 1213 names every ICMP message type twice; snmp_counter.rst: In = received, Out = sent. */
const ICMP_TYPES: readonly [field: string, what: string][] = [
	['DestUnreachs', 'Destination Unreachable'],
	['TimeExcds', 'Time Exceeded'],
	['ParmProbs', 'Parameter Problem'],
	['SrcQuenchs', 'Source Quench'],
	['Redirects', 'Redirect'],
	['Echos', 'Echo (request)'],
	['EchoReps', 'Echo Reply'],
	['Timestamps', 'Timestamp (request)'],
	['TimestampReps', 'Timestamp Reply'],
	['AddrMasks', 'Address Mask Request'],
	['AddrMaskReps', 'Address Mask Reply'],
];

function icmpTypeDocs(): CounterDocTable {
	const docs: Record<string, readonly [string, typeof RST]> = {};
	for (const [field, what] of ICMP_TYPES) {
		docs[`IcmpIn${field}`] = [`ICMP ${what} messages the kernel received.`, RST];
		docs[`IcmpOut${field}`] = [`ICMP ${what} messages the kernel sent.`, RST];
	}
	return docs;
}

export const IP_DOCS: CounterDocTable = {
	IpForwarding: ['A setting, not a counter: 1 when this host forwards IPv4 datagrams as a router, 2 when it does not.', IP_MIB],
	IpDefaultTTL: ['A setting, not a counter: the TTL put into the header of datagrams this host originates when the transport layer gives none.', IP_MIB],
	IpInReceives: ['Packets the IP layer received, counted at the start of ip_rcv, so also those dropped later for a bad header or checksum; after GRO/LRO, so merged segments count once.', RST],
	IpInHdrErrors: ['Packets dropped because of an error in the IP header, on the input or the forwarding path.', RST],
	IpInAddrErrors: ['Packets dropped because the destination address is invalid, or is not local while IP forwarding is off.', RST],
	IpForwDatagrams: ['Datagrams not addressed to this host for which it tried to find a route to forward them.', IP_MIB],
	IpInUnknownProtos: ['Packets addressed here whose layer-4 protocol the kernel does not support; not counted when a raw socket takes the packet.', RST],
	IpInDiscards: ['Packets dropped on the receive path for internal reasons such as lack of memory, with nothing wrong in the packet.', RST],
	IpInDelivers: ['Packets handed to upper-layer protocols (TCP, UDP, ICMP, …, and raw sockets).', RST],
	IpOutRequests: ['Packets sent through the IP layer, unicast and multicast alike; always updated with IpExt:OutOctets.', RST],
	IpOutDiscards: ['Packets dropped on the send path for internal kernel reasons.', RST],
	IpOutNoRoutes: ['Packets dropped on the send path because no route was found for them.', RST],
	IpReasmTimeout: ['Fragment queues given up because their reassembly timer expired (ip_expire); each also counts in Ip:ReasmFails.', 'kernel source net/ipv4/proc.c + net/ipv4/ip_fragment.c'],
	IpReasmReqds: ['IP fragments received that had to be reassembled here.', IP_MIB],
	IpReasmOKs: ['IP datagrams successfully reassembled.', IP_MIB],
	IpReasmFails: ['Failures the reassembly algorithm detected (timeouts, errors, …); not necessarily a count of discarded fragments.', IP_MIB],
	IpFragOKs: ['Outgoing IP datagrams successfully fragmented here.', IP_MIB],
	IpFragFails: ['Outgoing IP datagrams discarded because they needed fragmenting but could not be, for example because Don\'t Fragment was set.', IP_MIB],
	IpFragCreates: ['Fragments generated here by fragmenting outgoing datagrams.', IP_MIB],
	IpOutTransmits: ['IP datagrams handed to the lower layers for transmission, forwarded and locally generated together.', IP_MIB],
	IpExtInNoRoutes: ['Received packets dropped because no route was found for them, typically when forwarding is on and the destination is not local.', RST],
	IpExtInTruncatedPkts: ['IPv4 packets whose actual data is shorter than the Total Length field of their header.', RST],
	IpExtInMcastPkts: ['IP multicast datagrams received.', IP_MIB],
	IpExtOutMcastPkts: ['IP multicast datagrams transmitted.', IP_MIB],
	IpExtInBcastPkts: ['IP broadcast datagrams received.', IP_MIB],
	IpExtOutBcastPkts: ['IP broadcast datagrams transmitted.', IP_MIB],
	IpExtInOctets: ['Bytes received at the IP layer: IP header plus data, without the link-layer header (a Linux extension, not an RFC object).', RST],
	IpExtOutOctets: ['Bytes sent at the IP layer: IP header plus data, without the link-layer header (a Linux extension).', RST],
	IpExtInMcastOctets: ['Octets received in IP multicast datagrams.', IP_MIB],
	IpExtOutMcastOctets: ['Octets transmitted in IP multicast datagrams.', IP_MIB],
	IpExtInBcastOctets: ['Octets received in IP broadcast datagrams.', IP_MIB],
	IpExtOutBcastOctets: ['Octets transmitted in IP broadcast datagrams.', IP_MIB],
	IpExtInCsumErrors: NOT_DOCUMENTED,
	IpExtInNoECTPkts: ['Received packets whose ECN field says Not-ECT; counted per real frame, before GRO/LRO merging.', RST],
	IpExtInECT1Pkts: ['Received packets whose ECN field is ECT(1); counted per real frame, before GRO/LRO merging.', RST],
	IpExtInECT0Pkts: ['Received packets whose ECN field is ECT(0); counted per real frame, before GRO/LRO merging.', RST],
	IpExtInCEPkts: ['Received packets whose ECN field is CE (congestion experienced); counted per real frame, before GRO/LRO merging.', RST],
	IpExtReasmOverlaps: NOT_DOCUMENTED,
	IcmpInMsgs: ['ICMP messages received, including those with errors or an invalid type.', RST],
	IcmpOutMsgs: ['ICMP messages sent, including those a program built itself on a raw socket; equals the sum of IcmpMsg:OutType*.', RST],
	IcmpInErrors: ['Received ICMP messages that hit an error in the ICMP receive path; every Icmp:InCsumErrors also counts here.', RST],
	IcmpOutErrors: ['ICMP messages that hit an error in the ICMP output path.', RST],
	IcmpInCsumErrors: ['Received ICMP messages with a wrong checksum; each also counts in Icmp:InErrors and in no IcmpMsg:InType*.', RST],
	IcmpOutRateLimitGlobal: NOT_DOCUMENTED,
	IcmpOutRateLimitHost: NOT_DOCUMENTED,
	...icmpTypeDocs(),
	IcmpMsgInType3: ['ICMP messages of type 3 (Destination Unreachable) received; IcmpMsg has one such counter per type number.', RST],
	IcmpMsgOutType3: ['ICMP messages of type 3 (Destination Unreachable) sent; IcmpMsg has one such counter per type number.', RST],
	IcmpMsgInType0: ['ICMP messages of type 0 (Echo Reply) received.', RST],
	IcmpMsgOutType8: ['ICMP messages of type 8 (Echo) sent.', RST],
};
