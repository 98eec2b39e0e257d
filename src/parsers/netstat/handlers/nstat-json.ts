/**
 * `nstat --json`: `{"kernel":{"IpInReceives":12083,"IpInHdrErrors":0,…}}`, on one line or
 * pretty-printed over many. Values are read from the text, not through JSON.parse, so 64-bit
 * values stay exact.
 */
import { addValue, keepUnknown, note, readU64, seeKind, type ParseState } from '../state.ts';

const PAIR = /"([A-Za-z][A-Za-z0-9_]*)"\s*:\s*(-?[\d.eE+-]+)/g;
/** What may surround the pairs: braces, commas, the `"kernel":` wrapper, white space. */
const FRAME = /^(?:[{},\s]|"kernel"\s*:)*$/;

/**
 * Before iproute2 6.19 nstat wrote JSON values with `jsonw_uint_field` (unsigned int), so each
 * value is the counter modulo 2^32; commit 536fc07e (first in v6.19.0) switched to
 * `print_lluint`. Seen for real in tests/fixtures/netstat/crafted/nstat-asz.json (6.1).
 */
const MAX_U32 = 4_294_967_295n;

export function startsJson(text: string): boolean {
	return /^\s*\{/.test(text);
}

export function handleJsonLine(state: ParseState, text: string, lineNo: number): void {
	seeKind(state, 'nstat-json');
	const json = (state.json ??= { depth: 0, max: 0n });
	for (const char of text) {
		if (char === '{') json.depth++;
		else if (char === '}') json.depth--;
	}
	let bad = !FRAME.test(text.replace(PAIR, ''));
	for (const [, name, token] of text.matchAll(PAIR)) {
		const value = readU64(token!);
		if (value === undefined) {
			bad = true;
			continue;
		}
		if (BigInt(value) > json.max) json.max = BigInt(value);
		addValue(state, name!, value, lineNo);
	}
	if (bad) keepUnknown(state, 'netstat/bad-json', lineNo, text);
}

/** At the end of input: an unclosed object, and the 32-bit truncation of older nstat. */
export function endJson(state: ParseState, lastLine: number): void {
	const json = state.json;
	if (!json) return;
	if (json.depth !== 0) {
		note(state, 'warning', 'netstat/truncated-json', `nstat --json output ends inside an object (${json.depth} unclosed)`, lastLine);
	}
	if (json.max <= MAX_U32) {
		note(state, 'warning', 'netstat/nstat-json-32bit', 'nstat --json before iproute2 6.19 keeps only the low 32 bits of each value: counters above 4294967295 read wrapped (use nstat text output or /proc/net files for exact values)');
	}
}
