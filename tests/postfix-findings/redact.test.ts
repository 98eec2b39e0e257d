/**
 * Findings of a redacted result (as the site build and `--redact` make it) name no address,
 * client IP or SASL login of the input: the state keeps them in forms the redactor knows.
 */
import { describe, expect, test } from 'vitest';
import {
	postfixFindingViews,
	renderPostfixFindingsJson,
} from '../../src/parsers/postfix/findings/index.ts';
import { redactResult } from '../../src/lib/redact.ts';
import { readLines, stateOf } from './collect.ts';

const attack = readLines(
	new URL('../../content/samples/postfix/abuse-day.log.gz', import.meta.url),
);
const week = readLines(new URL('../../content/samples/postfix/relay-week.log.gz', import.meta.url));

describe.each([
	['abuse-day', attack],
	['relay-week', week],
])('%s, redacted', (_name, lines) => {
	const state = redactResult(stateOf(lines, 'maillog'), { salt: 'test-salt' });
	const views = JSON.stringify(postfixFindingViews(state));
	const json = JSON.stringify(renderPostfixFindingsJson(state));

	test('still has its findings', () => {
		expect(postfixFindingViews(state).length).toBeGreaterThan(3);
	});

	test.each([
		['client IPs', /127\.0\.0\.\d/],
		['addresses', /[\w.+-]+@(?!redacted\.invalid)[\w-]+\.[\w.-]+/],
		['the SASL logins', /\b(?:dave|carol)\b/],
	])('names none of the %s', (_what, pattern) => {
		expect(views).not.toMatch(pattern);
		expect(json).not.toMatch(pattern);
	});
});
