/** `--check`: the Nagios/Icinga plugin output and exit status, from the findings. */
import { describe, expect, test } from 'vitest';
import {
	DEFAULT_THRESHOLDS,
	emptyPostfixFindings,
	parsePostfixCheckConfig,
	renderPostfixCheck,
	renderPostfixCheckError,
} from '../../src/parsers/postfix/findings/index.ts';
import { readLines, stateOf } from './collect.ts';

const samples = new URL('../../content/samples/postfix/', import.meta.url);
const week = stateOf(readLines(new URL('relay-week.log.gz', samples)), 'relay-week.log.gz');
const clean = stateOf(readLines(new URL('clean-day.log.gz', samples)), 'clean-day.log.gz');
const firstLine = (text: string) => text.split('\n')[0]!;
/** `label=value;warn;crit;min;max` as the plugin guidelines define it (max left empty). */
const PERF_ITEM = /^[a-z-]+=\d+;\d*;\d*;0;$/;

describe('the status line', () => {
	test('is OK with exit 0 for the healthy sample', () => {
		const check = renderPostfixCheck(clean);
		expect([check.status, check.exitCode]).toEqual(['OK', 0]);
		expect(firstLine(check.text)).toMatch(
			/^POSTFIX OK - 158 lines, 0 finding\(s\), none over its threshold \| lines=158;;;0; /,
		);
		expect(check.text.split('\n')).toHaveLength(2);
	});

	test('is WARNING with exit 1 for the relay week, naming the findings over threshold', () => {
		const check = renderPostfixCheck(week);
		expect([check.status, check.exitCode]).toEqual(['WARNING', 1]);
		expect(firstLine(check.text)).toMatch(
			/^POSTFIX WARNING - 4 finding\(s\) over threshold: deferral-rate 4, expired 7, mail-inactivity 2351, stale-map 2 \| /,
		);
	});

	test('carries perfdata for every finding code, zeros included', () => {
		const perf = firstLine(renderPostfixCheck(week).text).split(' | ')[1]!.split(' ');
		expect(perf[0]).toBe('lines=1327;;;0;');
		for (const item of perf.slice(1)) expect(item).toMatch(PERF_ITEM);
		expect(perf).toContain('expired=7;0;10;0;');
		expect(perf).toContain('blocklisted=0;0;10;0;');
		expect(perf).toHaveLength(1 + Object.keys(DEFAULT_THRESHOLDS).length);
	});

	test('lists each finding over threshold with its guide link and evidence lines', () => {
		const lines = renderPostfixCheck(week).text.split('\n');
		expect(lines).toContain(
			'WARNING postfix/stale-map: 2 - A lookup table was edited but not rebuilt (guides/relay-health/#config-warnings)',
		);
		expect(
			lines.some((l) => l.startsWith('  relay-week.log.gz:460: Jul  1 08:33:02 mx1 postfix/smtpd')),
		).toBe(true);
	});
});

describe('thresholds', () => {
	test.each([
		['above critical', { warning: 1, critical: 6 }, 'CRITICAL', 2],
		['above warning only', { warning: 6, critical: 7 }, 'WARNING', 1],
		['at the value itself (Nagios alerts only outside 0..N)', { warning: 7, critical: 7 }, 'OK', 0],
	])('expired=7 %s', (_name, expired, status, exitCode) => {
		const thresholds = {
			...Object.fromEntries(Object.keys(DEFAULT_THRESHOLDS).map((code) => [code, {}])),
			'postfix/expired': expired,
		};
		const check = renderPostfixCheck(week, thresholds);
		expect([check.status, check.exitCode]).toEqual([status, exitCode]);
	});

	test('come from the config file, over the defaults', () => {
		const config = parsePostfixCheckConfig(
			JSON.stringify({ thresholds: { 'postfix/expired': { warning: 3, critical: 5 } } }),
		);
		const check = renderPostfixCheck(week, config.thresholds, config.options);
		expect([check.status, check.exitCode]).toEqual(['CRITICAL', 2]);
		expect(check.text.split('\n')[1]).toMatch(/^CRITICAL postfix\/expired: 7 /);
	});

	test('detection options in the config change the findings themselves', () => {
		const config = parsePostfixCheckConfig(JSON.stringify({ findings: { inactivityMinutes: 0 } }));
		expect(
			firstLine(renderPostfixCheck(week, config.thresholds, config.options).text),
		).not.toContain('mail-inactivity 2351');
	});
});

describe('UNKNOWN', () => {
	test('when the input has no Postfix line, exit 3', () => {
		const check = renderPostfixCheck(emptyPostfixFindings());
		expect(check).toEqual({
			status: 'UNKNOWN',
			exitCode: 3,
			text: 'POSTFIX UNKNOWN - no Postfix log lines in the input\n',
		});
	});

	test('for a bad config, on one line', () => {
		let reason = '';
		try {
			parsePostfixCheckConfig('{"thresholds": {"postfix/expired": {"warning": -1}}}', 'check.json');
		} catch (error) {
			reason = (error as Error).message;
		}
		expect(renderPostfixCheckError(reason).text).toBe(
			'POSTFIX UNKNOWN - check.json: invalid postfix check config: thresholds.postfix/expired.warning: expected a number from 0, got -1\n',
		);
	});
});

describe('the relay under attack', () => {
	test('is CRITICAL with exit 2: an account logging in from many addresses', () => {
		const attack = stateOf(readLines(new URL('abuse-day.log.gz', samples)), 'abuse-day.log.gz');
		const check = renderPostfixCheck(attack);
		expect([check.status, check.exitCode]).toEqual(['CRITICAL', 2]);
		expect(firstLine(check.text)).toMatch(
			/^POSTFIX CRITICAL - 9 finding\(s\) over threshold: sasl-user-many-ips 1, expired 60, sender-burst 2, reject-surge 1, deferral-surge 1, sasl-brute-force 40, connect-flood 25, relay-probe 60, deferral-rate 1 \| /,
		);
		expect(check.text.split('\n')[1]).toBe(
			'CRITICAL postfix/sasl-user-many-ips: 1 - A SASL user logs in from many addresses (compromised account?) (guides/relay-health/#exploit-attempts)',
		);
	});
});
