/**
 * The first line of a capture made as `(date; netstat -s) > before.txt`: a timestamp, kept in
 * the summary so a before/after pair gets rates. Never an unknown counter line.
 */
import { readTimestamp } from '../timestamp.ts';
import type { ParseState } from '../state.ts';

/** `Thu Nov 26 12:13:02 UTC 2026`, `2026-11-26T12:13:05+00:00`, `1795695189`: true when taken. */
export function handleTimestampLine(state: ParseState, text: string, lineNo: number): boolean {
	const reading = readTimestamp(text);
	if (reading === undefined) return false;
	const written = text.trim();
	if ('epoch' in reading) {
		state.summary.capturedAt = { epoch: reading.epoch, text: written, line: lineNo, file: state.file };
		return true;
	}
	const zone = reading.unplaced === 'none given' ? 'no time zone' : `the time zone name ${reading.unplaced}, which stands for different offsets in different places`;
	state.messages.push({
		file: state.file,
		line: lineNo,
		severity: 'warning',
		code: 'netstat/timestamp-zone-unknown',
		reason: `the timestamp "${written}" has ${zone}: not used for rates (write it with date -Is, date -R, date +%s or TZ=UTC date)`,
		url: 'guides/netstat/#before-after',
	});
	return true;
}
