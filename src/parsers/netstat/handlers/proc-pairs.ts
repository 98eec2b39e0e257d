/**
 * `/proc/net/snmp` and `/proc/net/netstat`: a header line of field names, then a value line
 * for the same section.
 *   TcpExt: SyncookiesSent SyncookiesRecv SyncookiesFailed
 *   TcpExt: 0 0 12
 */
import { SETTINGS, toNstatName } from '../mib-lookup.ts';
import { addValue, keepUnknown, note, readU64, seeKind, type ParseState } from '../state.ts';

/** `Tcp: RtoAlgorithm RtoMin …` at column 0: only /proc headers have names after the colon. */
export const PROC_HEADER = /^([A-Za-z][A-Za-z0-9]*):((?:[ \t]+[A-Za-z][A-Za-z0-9_]*)+)[ \t]*$/;
/** `Tcp: 1 200 …` */
export const PROC_VALUES = /^([A-Za-z][A-Za-z0-9]*):((?:[ \t]+-?\d+)+)[ \t]*$/;

export function handleProcHeader(state: ParseState, text: string, lineNo: number): void {
	seeKind(state, 'proc-pairs');
	const match = PROC_HEADER.exec(text)!;
	state.pending = { section: match[1]!, names: match[2]!.trim().split(/[ \t]+/), line: lineNo, text };
}

/** True when `text` is the value line the pending header waits for (same section name). */
export function isPendingValueLine(state: ParseState, text: string): boolean {
	return state.pending !== undefined && text.startsWith(`${state.pending.section}:`);
}

/**
 * A header whose value line never came: every field in it stays unknown. `next` is the line
 * that came instead; a value line of another section is named as a mismatch.
 */
export function flushPendingHeader(state: ParseState, next?: string): void {
	const pending = state.pending;
	if (!pending) return;
	state.pending = undefined;
	const other = next === undefined ? undefined : PROC_VALUES.exec(next)?.[1];
	if (other !== undefined) {
		note(state, 'warning', 'netstat/section-mismatch', `header line names ${pending.section} but the next value line names ${other}; neither is read`, pending.line + 1);
	}
	note(state, 'warning', 'netstat/header-without-values', `${pending.section}: header line has no value line after it; its ${pending.names.length} counters are unknown`, pending.line);
	keepUnknown(state, 'netstat/header-without-values', pending.line, pending.text);
}

export function handleProcValues(state: ParseState, text: string, lineNo: number): void {
	const pending = state.pending!;
	state.pending = undefined;
	const values = text.slice(pending.section.length + 1).trim().split(/[ \t]+/).filter(Boolean);
	const bad: string[] = [];
	pending.names.forEach((field, i) => {
		const name = toNstatName(pending.section, field);
		const token = values[i];
		const value = token === undefined ? undefined : SETTINGS.has(name) && /^-\d+$/.test(token) ? token : readU64(token);
		if (value === undefined) bad.push(`${field}=${token ?? '(missing)'}`);
		else addValue(state, name, value, lineNo);
	});
	if (values.length > pending.names.length) bad.push(`${values.length - pending.names.length} values without a name`);
	if (bad.length === 0) return;
	note(state, 'warning', 'netstat/bad-proc-values', `${pending.section}: ${pending.names.length} names but ${values.length} values; unreadable: ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''}`, lineNo);
	keepUnknown(state, 'netstat/bad-proc-values', lineNo, text);
}

/** A value line with no header before it (or after another section's header). */
export function handleOrphanValues(state: ParseState, text: string, lineNo: number): void {
	seeKind(state, 'proc-pairs');
	keepUnknown(state, 'netstat/values-without-header', lineNo, text);
}
