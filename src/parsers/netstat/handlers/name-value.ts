/**
 * One counter per line, full nstat name first:
 *   /proc/net/snmp6:      `Ip6InReceives                   \t757`
 *   /proc/net/sctp/snmp:  `SctpCurrEstab                   \t0`
 *   nstat text:           `TcpExtTCPPureAcks               2                  0.0`
 */
import { addValue, keepUnknown, readU64, seeKind, type ParseState } from '../state.ts';

export const NAME_VALUE = /^([A-Za-z][A-Za-z0-9_]*)[ \t]+(\S+)(?:[ \t]+(\d+(?:\.\d+)?))?[ \t]*$/;
/** `Ip6InHdrErrors` alone: a truncated name-value line. */
export const NAME_ONLY = /^[A-Za-z][A-Za-z0-9_]*[ \t]*$/;

export function handleNameValue(state: ParseState, text: string, lineNo: number): void {
	const [, name, token, rate] = NAME_VALUE.exec(text)!;
	seeKind(state, rate === undefined ? 'name-value' : 'nstat');
	const value = readU64(token!);
	if (value === undefined) return keepUnknown(state, 'netstat/non-numeric-value', lineNo, text);
	addValue(state, name!, value, lineNo);
}

/** `#kernel`: nstat's first line. */
export function handleNstatHeader(state: ParseState): void {
	seeKind(state, 'nstat');
}
