/** Tcp, Udp and UdpLite (`/proc/net/snmp`) and Sctp (`/proc/net/sctp/snmp`) counters. */
import type { CounterDocTable, CounterSource } from './types.ts';
import { NOT_DOCUMENTED } from './types.ts';

const RST = 'snmp_counter.rst';
const TCP_MIB = 'RFC 4022';
const UDP_MIB = 'RFC 4113';
const SCTP_MIB = 'RFC 3873';

/** UDP-MIB objects; net/ipv4/proc.c prints the same fields for UDP-Lite ("the UDP and UDP-Lite MIBs are the same"). */
const UDP_FIELDS: readonly [field: string, text: string, source: CounterSource][] = [
	['InDatagrams', 'datagrams delivered to local sockets.', UDP_MIB],
	['NoPorts', 'datagrams received for a port no application was listening on.', UDP_MIB],
	['InErrors', 'received datagrams that could not be delivered for a reason other than a closed port.', UDP_MIB],
	['OutDatagrams', 'datagrams sent.', UDP_MIB],
];

const UDP_C = 'kernel source net/ipv4/proc.c + net/ipv4/udp.c';

/** Read from where net/ipv4/udp.c increments them (the same code counts UDP-Lite with is_udplite). */
const UDP_ERRORS: readonly [field: string, text: string][] = [
	['RcvbufErrors', 'datagrams dropped because the socket receive buffer was full (ENOMEM on queueing); each also counts in InErrors.'],
	['SndbufErrors', 'sends that failed for lack of buffer space (ENOBUFS, or no space in the socket send buffer).'],
	['InCsumErrors', 'datagrams received with a bad checksum; each also counts in InErrors.'],
	['IgnoredMulti', 'multicast or broadcast datagrams that no socket took, dropped.'],
	['MemErrors', 'datagrams dropped because queueing failed for a reason other than a full receive buffer, such as the protocol memory limit (udp_mem); each also counts in InErrors.'],
];

function udpDocs(): CounterDocTable {
	const docs: Record<string, readonly [string, CounterSource] | typeof NOT_DOCUMENTED> = {};
	for (const [field, text, source] of UDP_FIELDS) {
		docs[`Udp${field}`] = [`UDP ${text}`, source];
		docs[`UdpLite${field}`] = [`UDP-Lite ${text} (the UDP-MIB definition, kept by the kernel separately for UDP-Lite.)`, 'kernel source net/ipv4/proc.c'];
	}
	for (const [field, text] of UDP_ERRORS) {
		docs[`Udp${field}`] = [`UDP ${text}`, UDP_C];
		docs[`UdpLite${field}`] = [`UDP-Lite ${text}`, UDP_C];
	}
	return docs;
}

export const TRANSPORT_DOCS: CounterDocTable = {
	TcpRtoAlgorithm: ['A setting, not a counter: which algorithm sets the retransmission timeout (a TCP-MIB enumeration).', TCP_MIB],
	TcpRtoMin: ['A setting, not a counter: the smallest retransmission timeout the implementation allows, in milliseconds.', TCP_MIB],
	TcpRtoMax: ['A setting, not a counter: the largest retransmission timeout the implementation allows, in milliseconds.', TCP_MIB],
	TcpMaxConn: ['A setting, not a counter: the limit on the number of TCP connections; -1 means the limit is dynamic.', TCP_MIB],
	TcpActiveOpens: ['Connections this host opened: it sent a SYN and entered SYN-SENT.', RST],
	TcpPassiveOpens: ['Connections opened from the other side: a SYN received, a SYN+ACK sent, the socket in SYN-RCVD.', RST],
	TcpAttemptFails: ['Connection attempts that failed: a direct move to CLOSED from SYN-SENT or SYN-RCVD, plus moves from SYN-RCVD back to LISTEN.', TCP_MIB],
	TcpEstabResets: ['Resets of established connections: a direct move to CLOSED from ESTABLISHED or CLOSE-WAIT, such as a RST received in those states.', RST],
	TcpCurrEstab: ['A gauge, not a counter: connections currently in ESTABLISHED or CLOSE-WAIT.', TCP_MIB],
	TcpInSegs: ['Segments received by TCP, including those in error (bad checksum, bad header); GRO-merged segments count once.', RST],
	TcpOutSegs: ['Segments sent by TCP, SYN, ACK and RST included but retransmissions excluded; GSO-split segments count each.', RST],
	TcpRetransSegs: ['Segments retransmitted: segments sent that carry one or more previously transmitted octets.', TCP_MIB],
	TcpInErrs: ['Segments received in error, such as a bad TCP checksum.', TCP_MIB],
	TcpOutRsts: ['Segments with RST the kernel tried to send (a send can still fail, for example on memory allocation).', RST],
	TcpInCsumErrors: ['Segments received with a bad TCP checksum; each also counts in Tcp:InErrs.', 'kernel source net/ipv4/proc.c + net/ipv4/tcp_ipv4.c'],
	...udpDocs(),
	SctpCurrEstab: ['A gauge: associations currently in ESTABLISHED, SHUTDOWN-RECEIVED or SHUTDOWN-PENDING.', SCTP_MIB],
	SctpActiveEstabs: ['Associations this host started (upper layer initiated) that reached ESTABLISHED from COOKIE-ECHOED.', SCTP_MIB],
	SctpPassiveEstabs: ['Associations the peer started (remote initiated) that reached ESTABLISHED from CLOSED.', SCTP_MIB],
	SctpAborteds: ['Associations closed ungracefully: a direct move to CLOSED from any state with an ABORT.', SCTP_MIB],
	SctpShutdowns: ['Associations closed gracefully: a direct move to CLOSED from SHUTDOWN-SENT or SHUTDOWN-ACK-SENT.', SCTP_MIB],
	SctpOutOfBlues: ['Out-of-the-blue packets: well formed with a correct checksum, but matching no association here.', SCTP_MIB],
	SctpChecksumErrors: ['SCTP packets received with an invalid checksum.', SCTP_MIB],
	SctpOutCtrlChunks: ['SCTP control chunks sent, retransmissions excluded.', SCTP_MIB],
	SctpOutOrderChunks: ['Ordered DATA chunks sent, retransmissions excluded.', SCTP_MIB],
	SctpOutUnorderChunks: ['Unordered DATA chunks sent, retransmissions excluded.', SCTP_MIB],
	SctpInCtrlChunks: ['SCTP control chunks received, duplicates excluded.', SCTP_MIB],
	SctpInOrderChunks: ['Ordered DATA chunks received, duplicates excluded.', SCTP_MIB],
	SctpInUnorderChunks: ['Unordered DATA chunks received, duplicates excluded.', SCTP_MIB],
	SctpFragUsrMsgs: ['User messages that had to be fragmented because of the path MTU.', SCTP_MIB],
	SctpReasmUsrMsgs: ['User messages reassembled from DATA chunks.', SCTP_MIB],
	SctpOutSCTPPacks: ['SCTP packets sent, retransmissions included.', SCTP_MIB],
	SctpInSCTPPacks: ['SCTP packets received, duplicates included.', SCTP_MIB],
};
