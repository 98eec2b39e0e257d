/**
 * Fleets and parallel runs: the state of any split of a log, merged in order, equals the state
 * of the whole log — so are the findings.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	emptyPostfixFindings,
	listPostfixFindings,
	mergePostfixFindings,
} from '../../src/parsers/postfix/findings/index.ts';
import { jsonlLines, mergedPieces, plain, readLines, stateOf } from './collect.ts';

const week = readLines(new URL('../../content/samples/postfix/relay-week.log.gz', import.meta.url));
const attack = readLines(
	new URL('../../content/samples/postfix/abuse-day.log.gz', import.meta.url),
);
const grok = jsonlLines(
	new URL('../fixtures/postfix/corpus/whyscream-grok-test-messages.jsonl', import.meta.url),
);
/** Low thresholds so that every kind of finding has something to merge. */
const LOW = {
	saslFailures: 1,
	lostConnects: 1,
	burst: { minMessages: 2, factor: 1, relayFactor: 1 },
	surge: { minEvents: 2, factor: 1 },
};

describe.each([
	['the relay week', week],
	['the relay week with the grok lines after it', [...week, ...grok]],
	['the relay under attack (bursts, brute force)', attack],
])('%s', (_name, lines) => {
	const whole = stateOf(lines, 'log', LOW);

	test('merging the states of any split equals the whole', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: lines.length }), { maxLength: 6 }), (cuts) => {
				const merged = mergedPieces(lines, cuts, LOW);
				expect(plain(merged)).toEqual(plain(whole));
				expect(listPostfixFindings(merged, LOW)).toEqual(listPostfixFindings(whole, LOW));
			}),
			{ numRuns: 40 },
		);
	});

	test('merging with an empty state changes nothing, on either side', () => {
		expect(plain(mergePostfixFindings(emptyPostfixFindings(), whole))).toEqual(plain(whole));
		expect(plain(mergePostfixFindings(whole, emptyPostfixFindings()))).toEqual(plain(whole));
	});
});

describe('the backlog across a split', () => {
	// relay-week line 301: 55A4D184202 deferred (greylisted); qmgr expires it on line 966 and
	// removes it later. Split between the two, the first piece alone shows it pending.
	test('a message deferred before the split and removed after it is not pending', () => {
		const first = stateOf(week.slice(0, 400), 'log');
		expect(Object.keys(first.backlog.pending)).toContain('55A4D184202');
		const merged = mergePostfixFindings(first, stateOf(week.slice(400), 'log', undefined, 401));
		expect(merged.backlog.pending).toEqual({});
	});

	test('two relays merged keep both relays’ counts', () => {
		const twice = mergePostfixFindings(stateOf(week, 'relay1'), stateOf(week, 'relay2'));
		const counts = listPostfixFindings(twice, { inactivityMinutes: 0 }).map((f) => [
			f.code,
			f.count,
		]);
		expect(counts).toContainEqual(['postfix/expired', 14]);
		expect(counts).toContainEqual(['postfix/non-smtp-command', 2]);
	});
});
