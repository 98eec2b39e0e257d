/**
 * Solaris `netstat -s`: RFC 1213 (MIB-II) object names with `=` and a value, two per line,
 * sometimes glued to the `=`:
 *   TCP: tcpRtoAlgorithm=     4 tcpRtoMin           =   200
 *   tcpOutDataSegs      =   995 tcpOutDataBytes     =1216733
 * Only the MIB-II objects Linux also counts (same names in /proc/net/snmp) are mapped:
 * `tcpActiveOpens` -> `TcpActiveOpens`. Vendor objects (`tcpOutDataBytes`) stay unknown.
 */
import { SETTINGS } from '../mib-lookup.ts';
import { addValue, keepUnknown, readU64, seeKind, type ParseState } from '../state.ts';

/** RFC 1213 objects per group, as /proc/net/snmp names them (Linux-only fields left out). */
const MIB_II: Record<string, string[]> = {
	ip: ['Forwarding', 'DefaultTTL', 'InReceives', 'InHdrErrors', 'InAddrErrors', 'ForwDatagrams', 'InUnknownProtos', 'InDiscards', 'InDelivers', 'OutRequests', 'OutDiscards', 'OutNoRoutes', 'ReasmTimeout', 'ReasmReqds', 'ReasmOKs', 'ReasmFails', 'FragOKs', 'FragFails', 'FragCreates'],
	icmp: ['InMsgs', 'InErrors', 'InDestUnreachs', 'InTimeExcds', 'InParmProbs', 'InSrcQuenchs', 'InRedirects', 'InEchos', 'InEchoReps', 'InTimestamps', 'InTimestampReps', 'InAddrMasks', 'InAddrMaskReps', 'OutMsgs', 'OutErrors', 'OutDestUnreachs', 'OutTimeExcds', 'OutParmProbs', 'OutSrcQuenchs', 'OutRedirects', 'OutEchos', 'OutEchoReps', 'OutTimestamps', 'OutTimestampReps', 'OutAddrMasks', 'OutAddrMaskReps'],
	tcp: ['RtoAlgorithm', 'RtoMin', 'RtoMax', 'MaxConn', 'ActiveOpens', 'PassiveOpens', 'AttemptFails', 'EstabResets', 'CurrEstab', 'InSegs', 'OutSegs', 'RetransSegs', 'InErrs', 'OutRsts'],
	udp: ['InDatagrams', 'NoPorts', 'InErrors', 'OutDatagrams'],
};

export const MIB_II_LINE = /^(?:[A-Za-z0-9]+:\s*)?(?:[A-Za-z][A-Za-z0-9]*\s*=\s*-?\d+\s*)+$/;
const PAIR = /([A-Za-z][A-Za-z0-9]*)\s*=\s*(-?\d+)/g;

/** `tcpActiveOpens` -> `TcpActiveOpens`; undefined for names outside MIB-II's shared objects. */
function toLinuxName(object: string): string | undefined {
	const match = /^(ip|icmp|tcp|udp)([A-Z]\w*)$/.exec(object);
	if (!match || !MIB_II[match[1]!]!.includes(match[2]!)) return undefined;
	return `${match[1]![0]!.toUpperCase()}${match[1]!.slice(1)}${match[2]}`;
}

export function handleMibIiLine(state: ParseState, text: string, lineNo: number): void {
	seeKind(state, 'mib-ii-pairs');
	let unmapped = false;
	for (const [, object, token] of text.matchAll(PAIR)) {
		const name = toLinuxName(object!);
		const value = name && SETTINGS.has(name) && token!.startsWith('-') ? token : readU64(token!);
		if (name === undefined || value === undefined) unmapped = true;
		else addValue(state, name, value, lineNo);
	}
	if (unmapped) keepUnknown(state, 'netstat/unmapped-mib-object', lineNo, text);
}
