/** What `fieldnotes netstat --format json` prints. */
import type { Result } from '../contract.ts';
import { findNetstatProblems } from './findings.ts';
import { counterValues, type NetstatSummary } from './summary.ts';

/**
 * `{ "counters": { "TcpRetransSegs": "428" }, "unknown": [{ "line": 7, "text": "…" }], … }`:
 * values are exact decimal strings, keys nstat names.
 */
export function renderNetstatJson(result: Result<NetstatSummary>): unknown {
	const { summary } = result;
	// The file is worth naming only when several inputs were merged.
	const files = new Set(summary.unknown.map((entry) => entry.file));
	return {
		kinds: summary.kinds,
		counters: counterValues(summary.counters),
		settings: counterValues(summary.settings),
		unknown: summary.unknown.map(({ file, line, text }) => (files.size > 1 ? { file, line, text } : { line, text })),
		...(summary.capturedAt ? { capturedAt: summary.capturedAt } : {}),
		...(summary.delta ? { delta: summary.delta } : {}),
		findings: findNetstatProblems(summary),
		messages: result.messages,
	};
}
