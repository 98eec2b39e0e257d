/**
 * Findings on real lines from other projects' test data (permissive licences, copied with
 * `tests/fixtures/postfix/corpus/SOURCE.md`). Expected counts come from the grep/jq commands
 * in that file, quoted beside each case.
 */
import { describe, expect, test } from 'vitest';
import { byCode, findingsOf, jsonlLines, readLines } from './collect.ts';

const dir = new URL('../fixtures/postfix/corpus/', import.meta.url);
const exporter = readLines(new URL('postfix-exporter-test-lines.log', dir));
const templated = readLines(new URL('sergeymakinen-exporter-malformed-and-templated.log', dir));
const grok = jsonlLines(new URL('whyscream-grok-test-messages.jsonl', dir));
const logwatch = jsonlLines(new URL('postfix-logwatch-TD-messages.jsonl', dir));
/** One finding per line is enough here: the thresholds are tested elsewhere. */
const LOW = { saslFailures: 1, lostConnects: 1, inactivityMinutes: 0 };
const top = (lines: string[], code: string) => byCode(findingsOf(lines, 'x', LOW), code)?.top;

describe('RBL rejects, per list', () => {
	// jq -r .message … | grep 'reject:' | grep -o 'blocked using [^;,]*' | sort | uniq -c
	test('postfix-logwatch: spamcop, spamhaus, orbz and a list name with spaces; reject_warning lines are not rejects', () => {
		expect(top(logwatch, 'postfix/rbl-rejects')).toEqual([
			{ key: 'bl.spamcop.net', count: 4 },
			{ key: 'orbz.org', count: 1 },
			{ key: 'sbl-xbl.spamhaus.org', count: 1 },
			{ key: 'sbl.spamhaus.org', count: 1 },
			{ key: 'trend micro rbl+', count: 1 },
			{ key: 'zen.spamhaus.org', count: 1 },
		]);
	});

	test('grok set: a postscreen reject and a HELO name on an RHSBL', () => {
		expect(top(grok, 'postfix/rbl-rejects')).toEqual([
			{ key: 'dbl.spamhaus.org', count: 1 },
			{ key: 'zen.spamhaus.org', count: 1 },
		]);
	});

	test('postfix_exporter: postscreen reject using zen.spamhaus.org on line 56', () => {
		const finding = byCode(findingsOf(exporter, 'exporter.log'), 'postfix/rbl-rejects')!;
		expect(finding.evidence.map((e) => e.line)).toEqual([56]);
	});
});

describe('mail loops', () => {
	// jq -r .message … | grep -E 'forwarding loop|loops back to myself|mailer loop'
	test.each([
		[
			'postfix-logwatch',
			logwatch,
			[
				{ key: 'loops-back-to-myself', count: 2 },
				{ key: 'mailer-loop', count: 1 },
			],
		],
		['grok set', grok, [{ key: 'forwarding-loop', count: 1 }]],
	])('%s: loops by kind', (_name, lines, expected) => {
		expect(top(lines, 'postfix/mail-loop')).toEqual(expected);
	});
});

describe('exploit attempts', () => {
	test.each([
		[
			'non-SMTP command from smtpd (logwatch)',
			logwatch,
			'postfix/non-smtp-command',
			[{ key: '10.0.0.1', count: 1 }],
		],
		[
			'NON-SMTP COMMAND from postscreen (grok)',
			grok,
			'postfix/non-smtp-command',
			[{ key: '93.174.93.51', count: 1 }],
		],
		[
			'improper pipelining from smtpd and postscreen (grok)',
			grok,
			'postfix/command-pipelining',
			[
				{ key: '2001:968:9999:20:415c:cd2:da8e:d0cf', count: 1 },
				{ key: '88.208.233.4', count: 1 },
			],
		],
		[
			'the Improper use of SMTP command pipelining reject (logwatch)',
			logwatch,
			'postfix/command-pipelining',
			[{ key: '10.0.0.1', count: 1 }],
		],
		['PREGREET (postfix_exporter)', exporter, 'postfix/pregreet', [{ key: '1.2.3.4', count: 1 }]],
		['PREGREET (grok)', grok, 'postfix/pregreet', [{ key: '216.81.72.72', count: 1 }]],
		[
			'SASL failures per client (logwatch)',
			logwatch,
			'postfix/sasl-brute-force',
			[
				{ key: '10.0.0.1', count: 1 },
				{ key: '192.168.0.1', count: 1 },
			],
		],
		['SASL failure (grok)', grok, 'postfix/sasl-brute-force', [{ key: '3.84.57.208', count: 1 }]],
		[
			'lost connection after CONNECT (templated)',
			templated,
			'postfix/connect-flood',
			[{ key: '123.45.67.89', count: 1 }],
		],
		[
			'Relay access denied over IPv6, VRFY included (grok)',
			grok,
			'postfix/relay-probe',
			[{ key: '2001:968:9999:20:88b:9b7d:2a54:2bd2', count: 1 }],
		],
	])('%s', (_name, lines, code, expected) => {
		expect(top(lines, code)).toEqual(expected);
	});

	test('a single SASL failure is not brute force with the default threshold (10)', () => {
		expect(byCode(findingsOf(exporter), 'postfix/sasl-brute-force')).toBeUndefined();
		expect(byCode(findingsOf(templated), 'postfix/connect-flood')).toBeUndefined();
	});

	test('smtpd warnings that are not client failures (saslauthd down) are not counted', () => {
		// Lines 34–35: `warning: SASL authentication failure: cannot connect to saslauthd server`
		expect(top(exporter, 'postfix/sasl-brute-force')).toEqual([{ key: '192.168.1.2', count: 1 }]);
	});
});

describe('delivery health and configuration', () => {
	// grep -c -E 'status=(force-)?expired' postfix-exporter-test-lines.log → 2
	test('expired and force-expired messages, per sender', () => {
		expect(top(exporter, 'postfix/expired')).toEqual([{ key: 'noreply@domain.com', count: 2 }]);
	});

	test('a stale client_checks map names the postmap command', () => {
		const finding = byCode(findingsOf(logwatch, 'x', LOW), 'postfix/stale-map')!;
		expect(finding.detail).toContain('postmap /etc/postfix/client_checks');
	});

	test('a Gmail bounce for low sender reputation is a blocklisting, our IPv6 address read from the reply', () => {
		const finding = byCode(findingsOf(grok, 'grok'), 'postfix/blocklisted')!;
		expect(finding.top).toEqual([{ key: 'google-unsolicited dsn=5.7.1', count: 1 }]);
		expect(finding.detail).toContain('gmail.com 1');
		expect(finding.detail).toContain('2607:4100:3:25:100::2 1');
	});
});

describe('lines that must not give findings', () => {
	test('the crafted and templated lines give no blocklisting, loop or burst', () => {
		const codes = findingsOf(templated).map((f) => f.code);
		for (const code of ['postfix/blocklisted', 'postfix/mail-loop', 'postfix/sender-burst'])
			expect(codes).not.toContain(code);
	});
});
