/**
 * Delivery attempts per destination and day (`dest-days.ts`): an outbound relay's thousands of
 * healthy domains keep no row per day, a failing one keeps the days it failed, and splits still
 * merge to one pass.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { listPostfixFindings } from '../../src/parsers/postfix/findings/index.ts';
import { byCode, mergedPieces, plain, readLines, stateOf } from './collect.ts';

// Real delivery lines of the relay week, with the day, queue id and recipient domain varied.
const week = readLines(new URL('../../content/samples/postfix/relay-week.log.gz', import.meta.url));
const sentLine = week.find((line) => / postfix\/smtp\[\d+\]: [0-9A-F]+: to=<[^>]+>, .*status=sent /.test(line))!;
const deferredLine = week.find((line) => / postfix\/smtp\[\d+\]: [0-9A-F]+: to=<[^>]+>, .*status=deferred /.test(line))!;

let serial = 0;
/** `line` on July `day`, to a recipient at `domain`. */
function attempt(line: string, day: number, domain: string): string {
	const qid = (0x200000 + serial++).toString(16).toUpperCase();
	return line
		.replace(/^[A-Z][a-z]{2} [ \d]\d/, `Jul ${String(day).padStart(2, ' ')}`)
		.replace(/: [0-9A-F]{6,}: to=<([^@>]+)@[^>]+>/, `: ${qid}: to=<$1@${domain}>`);
}

/** Five days of 200 healthy domains, and failing.test deferred on days 2 and 4 (sent on 2–5). */
function outbound(): string[] {
	const lines: string[] = [];
	for (let day = 1; day <= 5; day++) {
		for (let d = 0; d < 200; d++) lines.push(attempt(sentLine, day, `ok${d}.example`));
		if (day >= 2) lines.push(attempt(sentLine, day, 'failing.test'));
		if (day === 2 || day === 4) for (let i = 0; i < 6; i++) lines.push(attempt(deferredLine, day, 'failing.test'));
	}
	return lines;
}

describe('delivery attempts per destination and day', () => {
	test('the templates are real delivery lines', () => {
		expect(sentLine).toMatch(/status=sent \(/);
		expect(deferredLine).toMatch(/status=deferred \(/);
	});

	test('healthy domains keep rows only on the first and last day; the failing one on the days it failed', () => {
		const rows = Object.keys(stateOf(outbound()).groups['dest-day']);
		const healthy = rows.filter((row) => row.includes('\tok'));
		expect(new Set(healthy.map((row) => row.slice(0, 5)))).toEqual(new Set(['07-01', '07-05']));
		expect(healthy).toHaveLength(400);
		expect(rows.filter((row) => row.includes('\tfailing.test\t')).sort()).toEqual([
			'07-02\tfailing.test\tdeferred',
			'07-02\tfailing.test\tsent',
			'07-04\tfailing.test\tdeferred',
			'07-04\tfailing.test\tsent',
			'07-05\tfailing.test\tsent',
		]);
	});

	test('the deferral-rate finding shows the days it failed, each with all its attempts', () => {
		const finding = byCode(listPostfixFindings(stateOf(outbound())), 'postfix/deferral-rate');
		expect(finding?.detail).toContain('Deferred of attempts on the days they failed — failing.test: 07-02 6 of 7, 07-04 6 of 7.');
	});

	test('merging the states of any split equals the whole', () => {
		const lines = outbound();
		const whole = stateOf(lines, 'log');
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: lines.length }), { maxLength: 5 }), (cuts) => {
				expect(plain(mergedPieces(lines, cuts))).toEqual(plain(whole));
			}),
			{ numRuns: 30 },
		);
	});
});
