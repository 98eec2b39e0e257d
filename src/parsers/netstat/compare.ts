/**
 * A before/after pair as one Result: the after capture's counters, the delta in the summary,
 * and both inputs' unknown lines, tallies and messages (each still naming its own file). Rates
 * use `interval` when given, else the files' `date` timestamps (interval.ts).
 * Pure; used by the sink's `before` option and ready for a CLI/loader "pair" input mode.
 */
import type { Result } from '../contract.ts';
import { mergeTally } from '../tally.ts';
import { describeDecreases, diffNetstat } from './delta.ts';
import { chooseInterval } from './interval.ts';
import type { NetstatSummary } from './summary.ts';

export function compareNetstat(
	before: { file: string; result: Result<NetstatSummary> },
	after: { file: string; result: Result<NetstatSummary> },
	interval?: number,
): Result<NetstatSummary> {
	const chosen = chooseInterval({ file: before.file, summary: before.result.summary }, { file: after.file, summary: after.result.summary }, interval);
	const delta = diffNetstat(before.result.summary, after.result.summary, { beforeFile: before.file, interval: chosen.seconds, intervalSource: chosen.source });
	return {
		summary: { ...after.result.summary, unknown: [...before.result.summary.unknown, ...after.result.summary.unknown], delta },
		unparsed: mergeTally(before.result.unparsed, after.result.unparsed),
		messages: [...before.result.messages, ...after.result.messages, ...chosen.messages, ...describeDecreases(delta, after.file)],
	};
}
