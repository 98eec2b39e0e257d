/**
 * Fleets and parallel runs: the extras state of any split of a log, merged in order, equals the
 * state of the whole log — so do the percentiles made from it.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	collectPostfixExtras,
	emptyPostfixExtras,
	mergePostfixExtras,
	renderPostfixExtrasSections,
} from '../../src/parsers/postfix/extras/index.ts';
import { abuseDay, exporterLines, grokLines, plain, relayWeek } from './helpers.ts';

function mergedPieces(lines: string[], cuts: number[]) {
	const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), lines.length];
	let merged = emptyPostfixExtras();
	for (let i = 0; i + 1 < bounds.length; i++)
		merged = mergePostfixExtras(merged, collectPostfixExtras(lines.slice(bounds[i], bounds[i + 1])));
	return merged;
}

describe.each([
	['the relay week', relayWeek],
	['the relay under attack', abuseDay],
	['postscreen, TLS and SASL corpus lines after the relay week', [...relayWeek, ...exporterLines, ...grokLines]],
])('%s', (_name, lines) => {
	const whole = collectPostfixExtras(lines);

	test('merging the states of any split equals the whole, and so do its sections', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: lines.length }), { maxLength: 6 }), (cuts) => {
				const merged = mergedPieces(lines, cuts);
				expect(plain(merged)).toEqual(plain(whole));
				expect(renderPostfixExtrasSections(merged)).toEqual(renderPostfixExtrasSections(whole));
			}),
			{ numRuns: 40 },
		);
	});

	test('merging with an empty state changes nothing, on either side', () => {
		expect(plain(mergePostfixExtras(emptyPostfixExtras(), whole))).toEqual(plain(whole));
		expect(plain(mergePostfixExtras(whole, emptyPostfixExtras()))).toEqual(plain(whole));
	});

	test('merging leaves its inputs as they were', () => {
		const before = JSON.stringify(whole);
		const merged = mergePostfixExtras(whole, whole);
		merged.lines = 0;
		expect(JSON.stringify(whole)).toBe(before);
	});
});

test('two relays merged count both (the fleet is the sum)', () => {
	const one = collectPostfixExtras(relayWeek);
	const two = mergePostfixExtras(one, collectPostfixExtras(relayWeek));
	expect(two.instances.postfix!.delivered).toBe(2 * one.instances.postfix!.delivered);
	expect(two.delays.all.total['6.1']).toBe(2);
});

test('a __proto__ key from a log line stays a plain key through the merge', () => {
	const line =
		'Jul  1 08:00:00 mx postfix/postscreen[1]: PASS NEW [__proto__]:25';
	const state = collectPostfixExtras([line]);
	const merged = mergePostfixExtras(state, state);
	expect(Object.keys(merged.postscreen.clients)).toEqual(['__proto__']);
	expect(merged.postscreen.clients['__proto__']).toEqual({ 'PASS NEW': 2 });
});
