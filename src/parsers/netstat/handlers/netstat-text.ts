/**
 * net-tools `netstat -s` prose: section headers at column 0, indented sentences below. The
 * section and the ICMP histogram a line belongs to come from the last header line seen, never
 * from indentation (net-tools indents by its own state, e.g. `ICMP output histogram:` at 8).
 */
import { HISTOGRAM_TITLES } from '../histogram-titles.ts';
import { findWording, normalizeWording, toNstatName, type Histogram } from '../mib-lookup.ts';
import { addValue, keepUnknown, readU64, seeKind, type ParseState } from '../state.ts';

/** `Tcp:` — a section header (net-tools prints `%s:` at column 0). */
export const SECTION_HEADER = /^([A-Za-z][A-Za-z0-9]*):\s*$/;

export function handleSectionHeader(state: ParseState, text: string): void {
	seeKind(state, 'netstat-s');
	state.section = SECTION_HEADER.exec(text)![1]!;
	state.histogram = '';
}

/** `    ICMP input histogram:`, `        ICMP-Ausgabehistogramm:` (any catalog net-tools ships). */
const HISTOGRAMS = new Map<string, Histogram>(HISTOGRAM_TITLES.map(([, kind, title]) => [normalizeWording(title), kind]));
/** `    Forwarding is enabled` — a setting printed as a word (net-tools says enabled for 2). */
const SETTING_WORD = /^(Forwarding|RTO algorithm) is (\S+)$/;
/** `    TCPLossProbes: 12` — a counter net-tools has no sentence for. */
const GENERIC = /^([A-Za-z][A-Za-z0-9_]*): (\d+)$/;

/** An indented line under a section header. */
export function handleProseLine(state: ParseState, text: string, lineNo: number): void {
	const body = text.trim();
	if (state.section === '') return keepUnknown(state, 'netstat/line-before-section', lineNo, text);
	seeKind(state, 'netstat-s');
	const histogram = HISTOGRAMS.get(normalizeWording(body));
	if (histogram) {
		state.histogram = histogram;
		return;
	}
	if (readSentence(state, body, text, lineNo)) return;
	const setting = SETTING_WORD.exec(body);
	if (setting && state.section === (setting[1] === 'Forwarding' ? 'Ip' : 'Tcp')) {
		const name = setting[1] === 'Forwarding' ? 'IpForwarding' : 'TcpRtoAlgorithm';
		return addValue(state, name, setting[2]!, lineNo, body);
	}
	const generic = GENERIC.exec(body);
	if (generic) {
		const value = readU64(generic[2]!);
		if (value === undefined) return keepUnknown(state, 'netstat/value-out-of-range', lineNo, text);
		return addValue(state, toNstatName(state.section, generic[1]!), value, lineNo);
	}
	keepUnknown(state, 'netstat/unknown-line', lineNo, text);
}

/**
 * `    428 segments retransmited`, `    Quick ack mode was activated 9 times`,
 * `        destination unreachable: 107`: each digit run in turn is taken as the value and the
 * rest looked up as a net-tools wording of the current section and histogram.
 */
function readSentence(state: ParseState, body: string, text: string, lineNo: number): boolean {
	for (const match of body.matchAll(/\d+/g)) {
		const at = match.index;
		const template = `${body.slice(0, at)}%llu${body.slice(at + match[0].length)}`;
		const row = findWording(state.section, state.histogram, template);
		if (!row) continue;
		const value = readU64(match[0]);
		if (value === undefined) {
			keepUnknown(state, 'netstat/value-out-of-range', lineNo, text);
			return true;
		}
		addValue(state, toNstatName(row[0], row[1]), value, lineNo, body);
		return true;
	}
	return false;
}
