/**
 * Messages per client and hour (`rates.ts`): a log of many clients keeps a row per client only
 * for hours that could burst, splits still merge to one pass, and bursts are measured against
 * the client's mean over its other hours.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { listPostfixFindings } from '../../src/parsers/postfix/findings/index.ts';
import { RATE_KEPT_FROM } from '../../src/parsers/postfix/findings/rates.ts';
import { byCode, mergedPieces, plain, readLines, stateOf } from './collect.ts';

// The shape of the relay week's `client=` lines (`Jun 28 09:12:00 mx1 postfix/smtpd[22034]:
// 4D6F918405C: client=unknown[127.0.0.5]`), with the time, queue id and address varied.
const week = readLines(new URL('../../content/samples/postfix/relay-week.log.gz', import.meta.url));
const template = week.find((line) => line.includes(': client=unknown[127.0.0.5]'))!;

const pad = (n: number) => String(n).padStart(2, '0');
let serial = 0;
/** A `client=` line on June 28 + `hour` hours, at minute `minute`, from 127.x.y.z. */
function received(hour: number, minute: number, client: string): string {
	const day = 28 + Math.floor(hour / 24);
	const when = `Jun ${day} ${pad(hour % 24)}:${pad(minute)}:00`;
	const qid = (0x100000 + serial++).toString(16).toUpperCase();
	return template
		.replace(/^Jun 28 \d\d:\d\d:\d\d/, when)
		.replace(/4D6F918405C|[0-9A-F]{9,}/, qid)
		.replace('[127.0.0.5]', `[${client}]`);
}

/** Two days of 300 clients, each once an hour: none comes near a burst. */
function manyClients(): string[] {
	const lines: string[] = [];
	for (let hour = 0; hour < 48; hour++)
		for (let c = 0; c < 300; c++) lines.push(received(hour, c % 60, `127.1.${c >> 8}.${c & 255}`));
	return lines;
}

describe('messages per client and hour', () => {
	test('the template is a real client= line', () => {
		expect(template).toMatch(/^Jun 28 \d\d:\d\d:\d\d mx1 postfix\/smtpd\[\d+\]: [0-9A-F]+: client=unknown\[127\.0\.0\.5\]$/);
	});

	test('a client heard once an hour keeps rows only in the first and last hour, and its total', () => {
		const state = stateOf(manyClients());
		const rows = Object.keys(state.groups['client-hour']);
		expect(new Set(rows.map((row) => row.slice(0, 8)))).toEqual(new Set(['06-28 00', '06-29 23']));
		expect(rows).toHaveLength(600);
		const totals = state.groups['client-total'];
		expect(Object.keys(totals)).toHaveLength(300);
		expect(Object.values(totals).every((c) => c.count === 48 && c.evidence.length === 0)).toBe(true);
		expect(Object.values(state.groups['received-hour']).map((c) => c.count)).toEqual(Array(48).fill(300));
	});

	test(`an hour of ${RATE_KEPT_FROM} messages or more is kept, whichever hour it is`, () => {
		const lines = manyClients();
		const busy = Array.from({ length: RATE_KEPT_FROM }, () => received(20, 30, '127.2.0.1'));
		const state = stateOf([...lines.slice(0, 21 * 300), ...busy, ...lines.slice(21 * 300)]);
		expect(state.groups['client-hour']['06-28 20\t127.2.0.1']?.count).toBe(RATE_KEPT_FROM);
		expect(state.groups['client-total']['127.2.0.1']?.count).toBe(RATE_KEPT_FROM);
	});

	test('lines out of order across one hour boundary keep their counts', () => {
		// 12 lines of hour 5 arrive after hour 6 began (syslog of two hosts merged, say).
		const late = Array.from({ length: 12 }, () => received(5, 59, '127.3.0.1'));
		const lines = [received(0, 0, '127.3.0.9'), ...late.slice(0, 6), received(6, 0, '127.3.0.2'), ...late.slice(6), received(9, 0, '127.3.0.2')];
		expect(stateOf(lines).groups['client-hour']['06-28 05\t127.3.0.1']?.count).toBe(12);
	});

	test('merging the states of any split of a many-client log equals the whole', () => {
		const lines = manyClients().filter((_, i) => i % 7 === 0);
		const whole = stateOf(lines, 'log');
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: lines.length }), { maxLength: 5 }), (cuts) => {
				expect(plain(mergedPieces(lines, cuts))).toEqual(plain(whole));
			}),
			{ numRuns: 30 },
		);
	});
});

describe('bursts against the mean of the other hours', () => {
	/** A day of `steady` messages an hour from 127.4.0.1, then `peak` in the 25th hour. */
	function day(steady: number, peak: number): string[] {
		const lines: string[] = [];
		for (let hour = 0; hour < 24; hour++) {
			for (let i = 0; i < steady; i++) lines.push(received(hour, i % 60, '127.4.0.1'));
			// The rest of the relay: 100 clients once an hour (its median: 100 + steady).
			for (let c = 0; c < 100; c++) lines.push(received(hour, c % 60, `127.5.0.${c}`));
		}
		for (let i = 0; i < peak; i++) lines.push(received(24, i % 60, '127.4.0.1'));
		return lines;
	}
	const options = { burst: { minMessages: 50, factor: 10, relayFactor: 1 } };

	test('60 an hour, then 1,000: a burst (the floor is 10 × 60)', () => {
		const burst = byCode(listPostfixFindings(stateOf(day(60, 1000)), options), 'postfix/sender-burst');
		expect(burst?.top).toEqual([{ key: 'client 127.4.0.1 at 06-29 00h', count: 1000 }]);
	});

	test('the baseline is shown to a tenth', () => {
		// One more message in the first hour: 1,441 over 24 hours is 60.04 an hour.
		const lines = [received(0, 0, '127.4.0.1'), ...day(60, 1000)];
		const burst = byCode(listPostfixFindings(stateOf(lines), options), 'postfix/sender-burst');
		expect(burst?.detail).toBe('1 hour(s). client 127.4.0.1: 1000 messages in 06-29 00h (baseline 60/h).');
	});

	test('150 an hour, then 1,000: no burst (the floor is 10 × 150)', () => {
		expect(byCode(listPostfixFindings(stateOf(day(150, 1000)), options), 'postfix/sender-burst')).toBeUndefined();
	});
});
