/**
 * The time between a before and an after capture, for per-second rates: `--interval` when
 * given, else the two files' `date` timestamps. Anything that leaves the interval unknown or
 * wrong (one timestamp, after not later than before) is said in a message, and there are no rates.
 */
import type { Message } from '../contract.ts';
import type { NetstatSummary } from './summary.ts';

export interface CaptureInterval {
	/** Seconds, > 0; absent when unknown. */
	seconds?: number;
	/** Where it came from: `--interval` (or a sample's `options.interval`) or the timestamps. */
	source?: 'option' | 'timestamps';
	messages: Message[];
}

const GUIDE = 'guides/netstat/#before-after';

/** `3`, `2.5`, `0.001` — seconds as people read them. */
function showSeconds(seconds: number): string {
	return `${Number(seconds.toPrecision(6))} s`;
}

/** `; rates per second over 3 s (from the files' timestamps)`, or nothing without an interval. */
export function describeInterval(delta: { interval?: number; intervalSource?: CaptureInterval['source'] }): string {
	if (delta.interval === undefined) return '';
	const source = delta.intervalSource === 'timestamps' ? "from the files' timestamps" : 'from --interval';
	return `; rates per second over ${showSeconds(delta.interval)} (${source})`;
}

/** The interval for rates and what to tell the user about it. */
export function chooseInterval(
	before: { file: string; summary: NetstatSummary },
	after: { file: string; summary: NetstatSummary },
	option?: number,
): CaptureInterval {
	const then = before.summary.capturedAt;
	const now = after.summary.capturedAt;
	if (option !== undefined && option > 0) {
		const messages: Message[] = [];
		if (then && now && Math.abs(now.epoch - then.epoch - option) >= 1) {
			messages.push({
				file: after.file,
				severity: 'info',
				code: 'netstat/interval-overrides-timestamps',
				reason: `rates use --interval ${showSeconds(option)}; the files' timestamps are ${showSeconds(now.epoch - then.epoch)} apart`,
				url: GUIDE,
			});
		}
		return { seconds: option, source: 'option', messages };
	}
	if (then && now) {
		const seconds = now.epoch - then.epoch;
		if (seconds > 0) {
			const reason = `rates per second use the files' timestamps, ${showSeconds(seconds)} apart ("${then.text}" → "${now.text}")`;
			return { seconds, source: 'timestamps', messages: [{ file: after.file, severity: 'info', code: 'netstat/rates-from-timestamps', reason, url: GUIDE }] };
		}
		return {
			messages: [{
				file: after.file,
				line: now.line,
				severity: 'warning',
				code: 'netstat/timestamps-not-increasing',
				reason: `the after capture's timestamp "${now.text}" is not later than the before capture's "${then.text}" (${before.file}): no rates (files swapped?)`,
				url: GUIDE,
			}],
		};
	}
	if (!then && !now) return { messages: [] };
	const [dated, undated] = then ? [before, after] : [after, before];
	return {
		messages: [{
			file: undated.file,
			severity: 'warning',
			code: 'netstat/timestamp-missing',
			reason: `only ${dated.file} starts with a usable timestamp, ${undated.file} does not: no rates (give --interval SECONDS, or start both with a date line)`,
			url: GUIDE,
		}],
	};
}
