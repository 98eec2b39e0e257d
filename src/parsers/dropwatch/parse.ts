/**
 * The dropwatch sink: line-local handlers, plus one open packet-mode block (`drop at:` up to
 * the blank line that ends it). Each handler says whether it took the line.
 */
import type { Message, Result, Sink, SinkContext } from '../contract.ts';
import { addUnparsed, emptyTally } from '../tally.ts';
import { CHATTER, PROMPT, SHELL_COMMAND, TOOL_ERRORS } from './chatter.ts';
import { closeBlock, handleDropAt, handlePacketField } from './packet.ts';
import { addTo, listCounts } from './counts.ts';
import { countDrop, symbolDrop, type SiteDrop, type State } from './state.ts';
import { emptyDropwatchSummary, sortSites, type DropwatchSummary } from './summary.ts';

/** Options of `fieldnotes dropwatch`. */
export interface DropwatchOptions {
	/** Sites listed in the text report (default 10). */
	top?: number;
}

const SUMMARY_LINE = /^(\d+) drops at (.+?)(?: \[(software|hardware)\])?(?: \[ns: (\d+)\])?$/;
const SYMBOL_AT = /^(.+)\+([0-9a-f]+) \((0x[0-9a-f]+)\)$/;
const LOCATION_AT = /^location (0x[0-9a-f]+)$/;

/**
 * Summary mode, one line per drop site per interval:
 * `4 drops at ip_local_deliver+291 (0xffffffff813f12d7)` (1.4 to 1.5.1),
 * `1 drops at tcp_v4_rcv+163 (0xffffffffa96e95e3) [software]` (1.5.2 and later),
 * `2 drops at location 0xffffffff815d3371` (no `-l kas`),
 * `3 drops at ingress_flow_action_drop [hardware]` (hardware trap, 1.5.2 and later).
 */
function handleSummaryLine(state: State, text: string): boolean {
	const match = SUMMARY_LINE.exec(text);
	if (!match) return false;
	const [, count, where, tag, ns] = match as unknown as [string, string, string, string | undefined, string | undefined];
	const drops = Number(count);
	let drop: SiteDrop | undefined;
	if (tag === 'hardware') drop = { name: where, drops, origin: 'hardware', layer: 'link' };
	else {
		const location = LOCATION_AT.exec(where);
		const symbol = location ? undefined : SYMBOL_AT.exec(where);
		if (location) drop = { name: location[1]!, drops, origin: 'software', layer: 'other', address: location[1]!, unresolved: 'no-symbol' };
		else if (symbol) drop = symbolDrop(symbol[1]!, symbol[2]!, drops, 'software', symbol[3]!);
	}
	if (!drop) return false;
	closeBlock(state);
	countDrop(state, drop);
	const { formats } = state.summary;
	if (drop.unresolved === 'no-symbol') formats.location++;
	else if (tag === undefined) formats.legacy++;
	else formats.tagged++;
	if (ns !== undefined) state.summary.namespaces[ns] = (state.summary.namespaces[ns] ?? 0) + 1;
	return true;
}

/** `stats`: `Software statistics:` / `Hardware statistics:` then `Tail dropped: 0`. */
function handleStats(state: State, text: string): boolean {
	if (text === 'Software statistics:' || text === 'Hardware statistics:') {
		state.statsOrigin = text.startsWith('Software') ? 'software' : 'hardware';
		state.summary.chatter++;
		return true;
	}
	const tail = /^Tail dropped: (\d+)$/.exec(text);
	if (!tail) return false;
	state.summary.tailDropped[state.statsOrigin] += Number(tail[1]);
	state.summary.chatter++;
	return true;
}

/**
 * dropwatch's prompts and messages: `dropwatch> start`, `Initalizing kallsyms db`,
 * `Kernel monitoring activated.`, `^CGot a stop message`, `$ dropwatch -l kas`, and its
 * own failures (`Unable to find NET_DM family, dropwatch can't work`).
 */
function handleChatter(state: State, text: string): boolean {
	if (TOOL_ERRORS.some((pattern) => pattern.test(text))) {
		addTo(state.toolErrors, text);
	} else if (!PROMPT.test(text) && !SHELL_COMMAND.test(text) && !CHATTER.some((pattern) => pattern.test(text))) {
		return false;
	}
	closeBlock(state);
	state.summary.chatter++;
	return true;
}

function finish(state: State): Result<DropwatchSummary> {
	closeBlock(state);
	const { summary, file } = state;
	summary.sites = sortSites(state.sites.values());
	summary.reasons = listCounts(state.reasons);
	summary.inputPorts = listCounts(state.inputPorts);
	summary.toolErrors = listCounts(state.toolErrors);
	const messages: Message[] = [];
	if (state.recognised === 0 && state.nonBlank > 0) {
		messages.push({ file, line: state.firstLine, severity: 'error', code: 'dropwatch/not-dropwatch-output', reason: state.nonBlank === 1 ? 'the only non-blank line does not look like dropwatch output' : `none of ${state.nonBlank} non-blank lines looks like dropwatch output`, url: 'guides/dropwatch/#reading-the-output' });
	} else if (summary.drops === 0) {
		messages.push({ file, severity: 'warning', code: 'dropwatch/no-drops', reason: 'no drops in this capture: dropwatch was not started, or stopped before the kernel reported any', url: 'guides/dropwatch/#installing-and-running' });
	}
	return { summary, unparsed: state.tally, messages };
}

/**
 * Ctrl-C echoed onto the last drop line when a paste lost the newline:
 * `2 drops at inet_csk_reset_xmit_timer.clone.1+265 (0xffffffff814d9cb5) ^CGot a stop message`.
 */
const STOP_GLUED = /^(.+?)\s*\^CGot a stop message$/;

function readLine(state: State, text: string, lineNo: number): boolean {
	return handleSummaryLine(state, text) || handleDropAt(state, text) || handlePacketField(state, text, lineNo) || handleStats(state, text) || handleChatter(state, text);
}

/** A sink for one dropwatch capture. */
export function createDropwatchSink(context: SinkContext): Sink<DropwatchSummary> {
	const state: State = { summary: emptyDropwatchSummary(), sites: new Map(), reasons: new Map(), inputPorts: new Map(), toolErrors: new Map(), tally: emptyTally(), file: context.file, block: undefined, statsOrigin: 'software', nonBlank: 0, recognised: 0, firstLine: undefined };
	return {
		line(raw, lineNo) {
			const text = raw.trimEnd();
			if (text === '') {
				if (state.block) closeBlock(state);
				else state.summary.blankLines++;
				return;
			}
			state.nonBlank++;
			state.firstLine ??= lineNo;
			const glued = STOP_GLUED.exec(text);
			if (glued && readLine(state, glued[1]!, lineNo)) {
				state.summary.chatter++;
				state.recognised++;
				return;
			}
			if (readLine(state, text, lineNo)) {
				state.recognised++;
				return;
			}
			addUnparsed(state.tally, 'dropwatch/unknown-line', lineNo, raw, state.file);
		},
		end: () => finish(state),
	};
}
