/**
 * Evidence lines per group are bounded: the first EVIDENCE_KEYS keys keep their first lines, a
 * later key keeps lines from its EVIDENCE_LATE_FROM-th on. Counts stay exact.
 */
import { describe, expect, test } from 'vitest';
import { listPostfixFindings } from '../../src/parsers/postfix/findings/index.ts';
import { EVIDENCE_KEYS, EVIDENCE_LATE_FROM, EVIDENCE_PER_KEY } from '../../src/parsers/postfix/findings/types.ts';
import { byCode, readLines, stateOf } from './collect.ts';

// `Jul  9 15:05:00 mx1 postfix/smtpd[19527]: lost connection after CONNECT from unknown[127.0.0.71]`
const attack = readLines(new URL('../../content/samples/postfix/abuse-day.log.gz', import.meta.url));
const template = attack.find((line) => line.includes('lost connection after CONNECT from unknown[127.0.0.71]'))!;
const lost = (ip: string) => template.replace('[127.0.0.71]', `[${ip}]`);
const ipOf = (n: number) => `127.9.${n >> 8}.${n & 255}`;

describe('a relay probed by many addresses, then flooded by one', () => {
	const scanners = EVIDENCE_KEYS + 500;
	const lines = [
		...Array.from({ length: scanners }, (_, n) => lost(ipOf(n))),
		...Array.from({ length: 30 }, () => lost('127.8.0.1')),
		lost(ipOf(0)),
	];
	const state = stateOf(lines, 'maillog');
	const group = state.groups['connect-lost'];

	test('the template is a real line of the abuse sample', () => {
		expect(template).toMatch(/^Jul  9 15:05:00 mx1 postfix\/smtpd\[\d+\]: lost connection after CONNECT from unknown\[127\.0\.0\.71\]$/);
	});

	test('counts every line of every address', () => {
		expect(Object.keys(group)).toHaveLength(scanners + 1);
		expect(group[ipOf(0)]!.count).toBe(2);
		expect(group[ipOf(scanners - 1)]!.count).toBe(1);
		expect(group['127.8.0.1']!.count).toBe(30);
	});

	test(`the first ${EVIDENCE_KEYS} addresses keep their first lines, the later ones none`, () => {
		expect(group[ipOf(0)]!.evidence.map((e) => e.line)).toEqual([1, scanners + 31]);
		expect(group[ipOf(EVIDENCE_KEYS - 1)]!.evidence.map((e) => e.line)).toEqual([EVIDENCE_KEYS]);
		expect(group[ipOf(EVIDENCE_KEYS)]!.evidence).toEqual([]);
		const kept = Object.values(group).reduce((sum, c) => sum + c.evidence.length, 0);
		expect(kept).toBe(EVIDENCE_KEYS + 1 + EVIDENCE_PER_KEY);
	});

	test(`the flood after them keeps lines from its ${EVIDENCE_LATE_FROM}th, and its finding shows them`, () => {
		const first = scanners + EVIDENCE_LATE_FROM;
		expect(group['127.8.0.1']!.evidence.map((e) => e.line)).toEqual([first, first + 1, first + 2]);
		const flood = byCode(listPostfixFindings(state), 'postfix/connect-flood')!;
		expect(flood.top).toEqual([{ key: '127.8.0.1', count: 30 }]);
		expect(flood.evidence.map((e) => e.line)).toEqual([first, first + 1, first + 2]);
		expect(flood.evidence[0]!.text).toBe(lost('127.8.0.1'));
	});
});
