/**
 * Findings on real lines that stay in the shared corpus (AGPL Lightmeter, GPL fail2ban, an
 * unlicensed sendmailanalyzer issue excerpt): read in place, never copied. Expected values from
 * grep over the files, quoted beside each case. fail2ban's `#` lines have no syslog header and
 * are not Postfix lines, so line numbers are the file's own.
 */
import { describe, expect, test } from 'vitest';
import { byCode, findingsOf, readLines } from '../postfix-findings/collect.ts';

const corpus = new URL('../../../shared/corpus/postfix/', import.meta.url);
const read = (name: string) => readLines(new URL(name, corpus));
const lightmeterLines = read('lightmeter-go-test-lines.log');
const fail2ban = read('fail2ban-postfix.log');

describe('blocklisted: real remote bounce texts (Lightmeter’s message-RBL test lines)', () => {
	const finding = byCode(findingsOf(lightmeterLines, 'lm'), 'postfix/blocklisted')!;
	const providerOf = (line: number) =>
		byCode(findingsOf([lightmeterLines[line - 1]!], 'lm'), 'postfix/blocklisted')?.top[0]?.key;

	test.each([
		[44, 'microsoft-banned-ip dsn=5.7.606'], // 550 5.7.606 Access denied, banned sending IP [239.58.50.50]
		[46, 'mimecast-reputation dsn=5.0.0'], // 550 csi.mimecast.org Poor Reputation Sender
		[47, 'generic-blocklist dsn=4.7.0'], // refused to talk to me: 550 5.7.0 Blocked - see https://…?ip=
		[48, 'microsoft-network-block-list dsn=5.7.1'], // part of their network is on our block list
		[49, 'google-low-reputation dsn=5.7.1'], // 550-5.7.1 … very low reputation of the sending IP
		[51, 'google-unsolicited-rate dsn=5.7.1'], // 550-5.7.28 … unusual rate of 550-5.7.28 unsolicited mail
		[53, 'proofpoint-reputation dsn=4.7.0'], // iCloud: 554 5.7.0 Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi
		[54, 'proofpoint-reputation dsn=4.0.0'], // pphosted: 554 Blocked - see https://ipcheck.proofpoint.com/?ip=
	])('line %i is %s (provider, then the DSN of the line)', (line, id) => {
		expect(providerOf(line)).toBe(id);
	});

	test('counts them all, per remote domain and per our sending IP', () => {
		expect(finding.count).toBe(8);
		// The instance name postfix-135.97.192.135 gives our IP where the reply does not;
		// Proofpoint's `?ip=11.22.33.44` names it; iCloud's `?0ip=` is empty (unknown).
		expect(finding.detail).toContain(
			'Per remote domain: example.com 5, h-83e81c.com 1, hotmail.com 1, recipient.com 1.',
		);
		expect(finding.detail).toContain(
			'Per sending IP: 1.2.3.4 3, 135.97.192.135 2, 11.22.33.44 1, 239.58.50.50 1, unknown 1.',
		);
	});

	test('replies that only carry a DSN but no blocklist words are not counted', () => {
		// Lines 55–59: dsn=5.7.606 with "Error for Host 1 insight 1" — no remote reply text.
		const quiet = lightmeterLines.slice(54, 59);
		expect(byCode(findingsOf(quiet), 'postfix/blocklisted')).toBeUndefined();
	});
});

describe('Lightmeter’s production log (one Debian host, Jan 27–28 2021)', () => {
	test('finds the Outlook.com S3140 bounce on mail.log line 2087', () => {
		const finding = byCode(
			findingsOf(read('lightmeter-complete-mail.log'), 'mail.log'),
			'postfix/blocklisted',
		)!;
		expect(finding.top).toEqual([{ key: 'microsoft-network-block-list dsn=5.7.1', count: 1 }]);
		expect(finding.evidence.map((e) => e.line)).toEqual([2087]);
		expect(finding.detail).toContain('Per sending IP: 95.232.162.33 1');
	});

	// grep -c 'non-SMTP command from' mail.log.1 → 7; grep 'reject:' … | grep -c 'blocked using' → 7
	test.each([
		['postfix/non-smtp-command', 7],
		['postfix/rbl-rejects', 7],
		['postfix/pregreet', 5],
		['postfix/command-pipelining', 2],
	])('mail.log.1: %s counts %i', (code, count) => {
		expect(byCode(findingsOf(read('lightmeter-complete-mail.log.1')), code)?.count).toBe(count);
	});

	test('an expired message is found on its qmgr line', () => {
		const finding = byCode(findingsOf(read('lightmeter-18_expired.log'), 'x'), 'postfix/expired')!;
		expect(finding.evidence.map((e) => e.line)).toEqual([22]);
	});
});

describe('fail2ban’s Postfix filter test log', () => {
	// grep -v '^#' | grep -o 'warning: [^ ]*: SASL [^ ]* authentication failed' | grep -o '\[[^]]*\]' | sort | uniq -c
	test('SASL failures per client, submission/smtps/postfix-incoming instances included', () => {
		const finding = byCode(
			findingsOf(fail2ban, 'f2b', { saslFailures: 2 }),
			'postfix/sasl-brute-force',
		)!;
		expect(finding.top).toEqual([
			{ key: '1.1.1.1', count: 4 },
			{ key: '192.0.2.5', count: 2 },
			{ key: '82.221.106.233', count: 2 },
		]);
		expect(finding.count).toBe(8);
	});

	test.each([
		['postfix/command-pipelining', 5], // grep -c 'improper command pipelining'
		['postfix/rbl-rejects', 4], // grep 'reject:' | grep -c 'blocked using'
		['postfix/relay-probe', 1],
		['postfix/pregreet', 1],
	])('%s counts %i', (code, count) => {
		expect(byCode(findingsOf(fail2ban), code)?.count).toBe(count);
	});
});

describe('mail loops (sendmailanalyzer issue #30 excerpt)', () => {
	// grep -c 'loops back to myself' → 2 (one of them inside rsyslog's "message repeated" line)
	test('a 5.4.6 "loops back to myself" bounce, also when rsyslog folded a repeat', () => {
		const finding = byCode(
			findingsOf(read('loops-back-to-myself-and-repeated.sendmailanalyzer-issue30.log'), 'x'),
			'postfix/mail-loop',
		)!;
		expect(finding.top).toEqual([{ key: 'loops-back-to-myself', count: 2 }]);
	});
});
