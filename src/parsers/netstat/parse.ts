/**
 * The netstat sink: one line at a time, the kind of each line decided by its own shape, so
 * `netstat -s` prose, /proc/net files, nstat text and nstat JSON all land in one model.
 */
import { gunzipSync } from 'node:zlib';
import type { Result, Sink } from '../contract.ts';
import { splitLines } from '../lines.ts';
import { emptyTally } from '../tally.ts';
import { compareNetstat } from './compare.ts';
import { MIB_II_LINE, handleMibIiLine } from './handlers/mib-ii-pairs.ts';
import { NAME_ONLY, NAME_VALUE, handleNameValue, handleNstatHeader } from './handlers/name-value.ts';
import { SECTION_HEADER, handleProseLine, handleSectionHeader } from './handlers/netstat-text.ts';
import { endJson, handleJsonLine, startsJson } from './handlers/nstat-json.ts';
import { handleTimestampLine } from './handlers/timestamp-line.ts';
import {
	PROC_HEADER, PROC_VALUES, flushPendingHeader, handleOrphanValues, handleProcHeader, handleProcValues,
	isPendingValueLine,
} from './handlers/proc-pairs.ts';
import { createState, keepUnknown, note, seeKind, type ParseState } from './state.ts';
import { emptyNetstatSummary, type NetstatSummary } from './summary.ts';

/** Options: a `before` capture turns the report into a delta; `interval` gives rates. */
export interface NetstatOptions {
	/** The earlier capture, already parsed (the CLI reads `--before FILE`). */
	before?: { file: string; result: Result<NetstatSummary> };
	/** Seconds between the two captures, for per-second rates. */
	interval?: number;
}

/** `error parsing /proc/net/netstat: No such file or directory`, `cannot open /proc/net/snmp6: …` */
const TOOL_ERROR = /^(error parsing|problem while parsing|cannot open) (\/proc\/\S+?):?(?: (.*))?$/i;

function handleLine(state: ParseState, text: string, lineNo: number): void {
	if (state.atStart && text.trim() !== '') {
		state.atStart = false;
		if (handleTimestampLine(state, text, lineNo)) return;
	}
	if (state.json) return handleJsonLine(state, text, lineNo);
	if (state.pending) {
		if (isPendingValueLine(state, text)) return handleProcValues(state, text, lineNo);
		flushPendingHeader(state, text);
	}
	if (text.trim() === '') return;
	if (/^\s/.test(text)) return handleProseLine(state, text, lineNo);
	if (PROC_HEADER.test(text)) return handleProcHeader(state, text, lineNo);
	if (SECTION_HEADER.test(text)) return handleSectionHeader(state, text);
	// After a netstat -s header, a line pasted without its indentation is still prose.
	if (state.section !== '' && !TOOL_ERROR.test(text.trim())) return handleProseLine(state, text, lineNo);
	if (PROC_VALUES.test(text)) return handleOrphanValues(state, text, lineNo);
	if (MIB_II_LINE.test(text)) return handleMibIiLine(state, text, lineNo);
	if (NAME_VALUE.test(text)) return handleNameValue(state, text, lineNo);
	if (/^#kernel\s*$/.test(text)) return handleNstatHeader(state);
	if (startsJson(text) && state.summary.kinds.length === 0) return handleJsonLine(state, text, lineNo);
	const toolError = TOOL_ERROR.exec(text.trim());
	if (toolError) {
		seeKind(state, 'netstat-s');
		const reason = `netstat could not read ${toolError[2]}${toolError[3] ? ` (${toolError[3]})` : ''}: its counters are missing from this capture`;
		return note(state, 'warning', 'netstat/tool-error', reason, lineNo);
	}
	keepUnknown(state, NAME_ONLY.test(text) ? 'netstat/name-without-value' : 'netstat/unknown-line', lineNo, text);
}

/** A netstat sink, plus a way to count lines too long to read (as `runParser` does). */
export type NetstatSink = Sink<NetstatSummary> & { overlong(line: number, length: number, head: string): void };

export function createNetstatSink(context: { file: string }, options: NetstatOptions = {}): NetstatSink {
	const summary = emptyNetstatSummary();
	const unparsed = emptyTally();
	const state = createState(context.file, summary, unparsed);
	let lastLine = 0;
	return {
		beginFile(file) {
			state.file = file;
		},
		line(text, lineNo) {
			lastLine = lineNo;
			handleLine(state, text, lineNo);
		},
		overlong(line, length, head) {
			keepUnknown(state, 'input/line-too-long', line, `${head}… (${length} characters)`);
		},
		end() {
			flushPendingHeader(state);
			endJson(state, lastLine);
			if (summary.kinds.includes('nstat') || summary.kinds.includes('nstat-json')) {
				note(state, 'info', 'netstat/nstat-increments', 'nstat prints what changed since its previous run unless run with -a: these values are totals since boot only for nstat -a');
			}
			if (Object.keys(summary.counters).length === 0 && Object.keys(summary.settings).length === 0) {
				note(state, 'warning', 'netstat/no-counters', `no counter could be read (${summary.unknown.length} unknown lines)`);
			}
			const result = { summary, unparsed, messages: state.messages };
			if (!options.before) return result;
			return compareNetstat(options.before, { file: state.file, result }, options.interval);
		},
	};
}

/** Parses a whole capture held in memory (gzip'd or not): used for `--before FILE`. */
export function parseNetstatBytes(bytes: Uint8Array, file: string): Result<NetstatSummary> {
	const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
	const sink = createNetstatSink({ file });
	splitLines(text, (line, lineNo) => sink.line(line, lineNo), (line, length, head) => sink.overlong(line, length, head));
	return sink.end();
}
