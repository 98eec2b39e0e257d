/**
 * The mutable state one netstat sink carries while lines stream in, and the few ways handlers
 * change it. Handlers stay small: each reads one kind of line and calls these.
 */
import type { Message, Severity } from '../contract.ts';
import { addUnparsed, type Tally } from '../tally.ts';
import { SETTINGS, splitNstatName, type Histogram } from './mib-lookup.ts';
import type { NetstatInputKind, NetstatSummary } from './summary.ts';

/** 2^64 − 1: the largest value a kernel MIB counter (u64) can hold. */
export const MAX_U64 = 18_446_744_073_709_551_615n;

/** Site-relative guide for input problems. */
export const INPUT_GUIDE = 'guides/netstat/#inputs';

/** A /proc header line waiting for its value line. */
export interface PendingHeader {
	section: string;
	names: string[];
	line: number;
	text: string;
}

export interface ParseState {
	file: string;
	summary: NetstatSummary;
	unparsed: Tally;
	messages: Message[];
	/** `netstat -s`: the section of the last header line (`Tcp:`), not the indentation. */
	section: string;
	/** `netstat -s`: the last ICMP histogram title seen in this section. */
	histogram: Histogram;
	pending?: PendingHeader;
	/** nstat --json: brace depth, and the largest value seen (for the 32-bit warning). */
	json?: { depth: number; max: bigint };
	/** True until the first non-blank line: the only place a `date` timestamp is read. */
	atStart: boolean;
}

export function createState(file: string, summary: NetstatSummary, unparsed: Tally): ParseState {
	return { file, summary, unparsed, messages: [], section: '', histogram: '', atStart: true };
}

export function seeKind(state: ParseState, kind: NetstatInputKind): void {
	if (!state.summary.kinds.includes(kind)) state.summary.kinds.push(kind);
}

export function note(state: ParseState, severity: Severity, code: string, reason: string, line?: number): void {
	const message: Message = { file: state.file, severity, code, reason, url: INPUT_GUIDE };
	if (line !== undefined) message.line = line;
	state.messages.push(message);
}

/** Keeps a line no rule maps: in the summary (all of them) and in the tally (by reason). */
export function keepUnknown(state: ParseState, reason: string, line: number, text: string): void {
	state.summary.unknown.push({ file: state.file, line, text });
	addUnparsed(state.unparsed, reason, line, text, state.file);
}

/** Reads an unsigned decimal; undefined when it is not one or exceeds 2^64 − 1. */
export function readU64(digits: string): string | undefined {
	if (!/^\d+$/.test(digits)) return undefined;
	const value = BigInt(digits);
	return value <= MAX_U64 ? value.toString() : undefined;
}

/**
 * Records one value under its nstat name. Settings (`IpForwarding`…) go to `settings`; a second
 * value for the same name keeps the first and says so.
 */
export function addValue(state: ParseState, name: string, value: string, line: number, text?: string): void {
	const { section, field } = splitNstatName(name);
	const target = SETTINGS.has(name) ? state.summary.settings : state.summary.counters;
	const seen = target[name];
	if (seen) {
		if (seen.value !== value) {
			note(state, 'warning', 'netstat/duplicate-counter', `${name} appears again (line ${seen.line} had ${seen.value}, this line ${value}); keeping the first`, line);
		}
		return;
	}
	target[name] = text === undefined ? { value, section, field, line, file: state.file } : { value, section, field, text, line, file: state.file };
}
