/** Hostile and damaged lines never throw, and log text never reaches an object's prototype. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { listPostfixFindings } from '../../src/parsers/postfix/findings/index.ts';
import { findingsOf, readLines, stateOf } from './collect.ts';

const attack = readLines(
	new URL('../../content/samples/postfix/abuse-day.log.gz', import.meta.url),
);
/** Real lines of every kind the collector reads: SASL, bursts, rejects, deferrals, expiry. */
const real = [...new Set(attack.map((line) => line.replace(/\[\d+\]/, '[1]')))].slice(0, 400);

describe('damaged lines', () => {
	test('truncated, byte-flipped or duplicated real lines never throw', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.tuple(fc.constantFrom(...real), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 2 })),
					{ maxLength: 40 },
				),
				(edits) => {
					const lines = edits.map(([line, at, code, kind]) => {
						const i = at % (line.length + 1);
						if (kind === 0) return line.slice(0, i);
						if (kind === 1)
							return line.slice(0, i) + String.fromCharCode(code % 0x10000) + line.slice(i + 1);
						return line.slice(0, i) + line.slice(i / 2);
					});
					const state = stateOf(lines, 'fuzz');
					expect(() => listPostfixFindings(state)).not.toThrow();
				},
			),
			{ numRuns: 200 },
		);
	});

	test('arbitrary text after a Postfix header never throws', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ maxLength: 200 }), { maxLength: 20 }), (messages) => {
				const lines = messages.map((m) => `Jul  9 15:05:00 mx1 postfix/smtpd[1]: ${m}`);
				expect(() => findingsOf(lines)).not.toThrow();
			}),
			{ numRuns: 200 },
		);
	});
});

describe('hostile keys', () => {
	test('a client, list or sender named __proto__ is counted as a key', () => {
		const lines = [
			'Jul  9 15:05:00 mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[__proto__]: 554 5.7.1 Service unavailable; Client host [1.2.3.4] blocked using __proto__; from=<a@b> to=<c@d> proto=ESMTP helo=<x>',
			'Jul  9 15:05:00 mx1 postfix/qmgr[1]: ABCDEF12: from=<__proto__>, status=expired, returned to sender',
		];
		const found = findingsOf(lines, 'x', { inactivityMinutes: 0 });
		expect(found.map((f) => [f.code, f.top])).toEqual([
			['postfix/rbl-rejects', [{ key: '__proto__', count: 1 }]],
			['postfix/expired', [{ key: '__proto__', count: 1 }]],
		]);
		expect(({} as Record<string, unknown>).count).toBeUndefined();
	});
});
