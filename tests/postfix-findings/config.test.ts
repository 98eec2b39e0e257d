/** The `--check --config` file: every bad field is one line naming its path. */
import { describe, expect, test } from 'vitest';
import { UsageError } from '../../src/parsers/contract.ts';
import {
	listPostfixFindings,
	parsePostfixCheckConfig,
	readPostfixCheckConfig,
} from '../../src/parsers/postfix/findings/index.ts';
import { byCode, stateOf } from './collect.ts';

function problems(json: unknown): string[] {
	try {
		readPostfixCheckConfig(json, 'cfg.json');
	} catch (error) {
		expect(error).toBeInstanceOf(UsageError);
		return (error as Error).message
			.split('\n')
			.slice(1)
			.map((line) => line.trim());
	}
	return [];
}

describe('a bad config', () => {
	test.each([
		['a list at the top', [], ['(top level): expected an object, got []']],
		[
			'an unknown top-level field',
			{ thresold: {} },
			['thresold: unknown field (known: findings, blocklistMatchers, thresholds)'],
		],
		[
			'an unknown finding code',
			{ thresholds: { 'postfix/nope': { warning: 1 } } },
			[
				expect.stringMatching(
					/^thresholds\.postfix\/nope: unknown finding code \(known: postfix\/blocklisted, /,
				),
			],
		],
		[
			'a threshold that is not a number',
			{ thresholds: { 'postfix/expired': { warning: '5' } } },
			['thresholds.postfix/expired.warning: expected a number from 0, got "5"'],
		],
		[
			'a misspelt threshold',
			{ thresholds: { 'postfix/expired': { warn: 5 } } },
			['thresholds.postfix/expired.warn: unknown field (known: warning, critical)'],
		],
		[
			'a rate above 1',
			{ findings: { deferralRate: { rate: 2 } } },
			['findings.deferralRate.rate: expected a number from 0 to 1, got 2'],
		],
		[
			'an unknown findings field',
			{ findings: { burstiness: 3 } },
			[expect.stringMatching(/^findings\.burstiness: unknown field \(known: burst, /)],
		],
		[
			'a matcher without pattern and with a bad dsn',
			{ blocklistMatchers: [{ id: 'x', provider: 'X', meaning: 'm', dsn: 5 }] },
			[
				'blocklistMatchers[0].pattern: expected a non-empty string, got nothing',
				'blocklistMatchers[0].dsn: expected a string, got 5',
			],
		],
		[
			'a matcher whose pattern is not a regular expression',
			{ blocklistMatchers: [{ id: 'x', provider: 'X', meaning: 'm', pattern: '(' }] },
			[expect.stringMatching(/^blocklistMatchers\[0\]\.pattern: not a valid regular expression: /)],
		],
	])('%s', (_name, json, expected) => {
		expect(problems(json)).toEqual(expected);
	});

	test('reports every bad field at once, under a headline naming the file', () => {
		expect(() => readPostfixCheckConfig({ a: 1, b: 2 }, 'cfg.json')).toThrow(
			/^cfg\.json: invalid postfix check config:\n {2}a: unknown field .*\n {2}b: unknown field /,
		);
	});

	test('that is not JSON names the file', () => {
		expect(() => parsePostfixCheckConfig('{', 'cfg.json')).toThrow(/^cfg\.json: not JSON: /);
	});
});

describe('a good config', () => {
	test('an empty object gives the defaults', () => {
		expect(readPostfixCheckConfig({}).options).toEqual({});
	});

	test('a user blocklist matcher is checked before the built-in ones', () => {
		// A real Outlook.com reply (lightmeter-go-test-lines.log:48 shape), matched by the user's own pattern.
		const line =
			"Feb 18 11:55:37 mail postfix/smtp[19793]: 6BAB0300C9CD: to=<someone@hotmail.com>, relay=hotmail-com.olc.protection.outlook.com[104.47.66.33]:25, delay=0.7, delays=0.04/0.02/0.47/0.16, dsn=5.7.1, status=bounced (host hotmail-com.olc.protection.outlook.com[104.47.66.33] said: 550 5.7.1 Unfortunately, messages from [1.2.3.4] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140). (in reply to MAIL FROM command))";
		const config = readPostfixCheckConfig({
			blocklistMatchers: [
				{ id: 'my-outlook', provider: 'Outlook (mine)', pattern: 'S3140', meaning: 'ours' },
			],
		});
		const finding = byCode(
			listPostfixFindings(stateOf([line], 'x', config.options), config.options),
			'postfix/blocklisted',
		)!;
		expect(finding.top).toEqual([{ key: 'my-outlook dsn=5.7.1', count: 1 }]);
		expect(finding.detail).toContain('Outlook (mine) dsn=5.7.1: 1');
		expect(finding.detail).toContain(
			'Per remote domain: hotmail.com 1. Per sending IP: 1.2.3.4 1.',
		);
	});
});
