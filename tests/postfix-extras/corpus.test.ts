/**
 * postscreen, TLS and SASL on the real lines of the permissive corpus copies
 * (tests/fixtures/postfix/corpus/, see SOURCE.md there; the `.jsonl` bodies get the syslog
 * header that file describes). Expected numbers from grep/jq in that folder, without fieldnotes:
 *   E=postfix-exporter-test-lines.log  G=whyscream-grok-test-messages.jsonl
 *   L=postfix-logwatch-TD-messages.jsonl
 *   EV='^(CONNECT|PASS NEW|PASS OLD|DNSBL|PREGREET|HANGUP|COMMAND PIPELINING|COMMAND (TIME|COUNT|LENGTH) LIMIT|BARE NEWLINE|NON-SMTP COMMAND|(ALLOW|WHITE)LISTED|(DENY|BLACK)LISTED|(ALLOW|WHITE)LIST VETO|DISCONNECT|reject)'
 *   TLS='^(Anonymous|Untrusted|Trusted|Verified)? ?TLS connection (established|reused) (from|to) [^ ]*: \S+ with cipher \S+'
 */
import { describe, expect, test } from 'vitest';
import { exporterLines, extrasOf, grokLines, logwatchLines } from './helpers.ts';

describe('postfix_exporter test lines', () => {
	const extras = extrasOf(exporterLines);

	test('counts each postscreen event as logged', () => {
		// grep -E 'postfix[^ ]*/postscreen\[[0-9]+\]: ' $E | sed -E 's/.*postscreen\[[0-9]+\]: (NOQUEUE: )?//' |
		//   grep -oE "$EV" | sort | uniq -c
		expect(extras.postscreen.events).toEqual({
			ALLOWLISTED: 1,
			BLACKLISTED: 1,
			CONNECT: 1,
			DENYLISTED: 1,
			DNSBL: 1,
			HANGUP: 1,
			'PASS NEW': 1,
			'PASS OLD': 1,
			PREGREET: 1,
			WHITELISTED: 1,
			reject: 4,
		});
	});

	test('counts postscreen events per client and the DNSBL rank', () => {
		// grep -cE 'postscreen\[[0-9]+\]: .*\[1\.2\.3\.4\]' $E   → 10 lines name 1.2.3.4
		expect(Object.values(extras.postscreen.clients['1.2.3.4']!).reduce((a, b) => a + b, 0)).toBe(10);
		expect(extras.postscreen.clients['69.171.232.146']).toEqual({ ALLOWLISTED: 1 });
		// grep -o 'DNSBL rank [0-9]*' $E
		expect(extras.postscreen.ranks).toEqual({ '3': 1 });
	});

	test('classes postscreen rejects: 3 connection limits without a code, 1 DNSBL 550 5.7.1', () => {
		// grep 'postscreen.*reject: ' $E | sed -E 's/.*from \[[^]]*\]:[0-9]+: //' | cut -c1-40
		expect(extras.rejects).toEqual({
			'postscreen-limit\ttoo many connections\t\t': 1,
			'postscreen-limit\tall screening ports busy\t\t': 1,
			'postscreen-limit\tall server ports busy\t\t': 1,
			'dnsbl\tzen.spamhaus.org\t550\t5.7.1': 1,
		});
	});

	test('reads outbound TLS with its trust level (grep -oE "$TLS" $E)', () => {
		expect(extras.tls).toEqual({
			'out\tVerified\tTLSv1.3\tTLS_AES_256_GCM_SHA384': 1,
			'out\tVerified\tTLSv1.2\tECDHE-RSA-AES256-GCM-SHA384': 1,
		});
	});

	test('counts one SASL login and one failure, not the saslauthd warnings (grep -i sasl $E)', () => {
		expect(extras.sasl.success).toEqual({ PLAIN: 1 });
		expect(extras.sasl.users).toEqual({ 'sasl_username=user@domain': 1 });
		expect(extras.sasl.failure).toEqual({ PLAIN: 1 });
		expect(extras.sasl.failedClients).toEqual({ '192.168.1.2': 1 });
	});
});

describe('postfix-grok-patterns test messages', () => {
	const extras = extrasOf(grokLines);

	test('counts every postscreen event kind they hold', () => {
		// jq -r 'select(.grok_pattern=="POSTFIX_POSTSCREEN") | .message' $G | sed -E 's/^(NOQUEUE: )?//' |
		//   grep -oE "$EV" | sort | uniq -c
		expect(extras.postscreen.events).toEqual({
			'ALLOWLIST VETO': 1,
			'BARE NEWLINE': 1,
			BLACKLISTED: 1,
			'COMMAND COUNT LIMIT': 1,
			'COMMAND LENGTH LIMIT': 1,
			'COMMAND PIPELINING': 1,
			'COMMAND TIME LIMIT': 6,
			CONNECT: 1,
			DISCONNECT: 1,
			DNSBL: 1,
			HANGUP: 2,
			'NON-SMTP COMMAND': 1,
			'PASS NEW': 1,
			'PASS OLD': 2,
			PREGREET: 1,
			'WHITELIST VETO': 1,
			WHITELISTED: 1,
			reject: 4,
		});
	});

	test('counts the list dnsblog names (jq -r .message $G | grep -o "listed by domain [^ ]*")', () => {
		expect(extras.postscreen.lists).toEqual({ 'list.dnswl.org': 1, 'psbl.surriel.com': 1 });
	});

	test('reads TLS in both directions with trust level, protocol and cipher (jq -r .message $G | grep -oE "$TLS")', () => {
		expect(extras.tls).toEqual({
			'in\tAnonymous\tTLSv1.2\tAECDH-AES256-SHA': 1,
			'in\tAnonymous\tTLSv1.3\tTLS_AES_256_GCM_SHA384': 1,
			'out\tTrusted\tTLSv1.2\tECDHE-RSA-AES128-GCM-SHA256': 1,
			'out\tTrusted\tTLSv1.3\tTLS_AES_256_GCM_SHA384': 1,
			'out\tUntrusted\tTLSv1.2\tAECDH-AES256-SHA': 1,
			'out\tUntrusted\tTLSv1.2\tECDHE-RSA-AES256-SHA384': 1,
			'out\tUntrusted\tTLSv1.3\tTLS_AES_256_GCM_SHA384': 1,
			'out\tVerified\tTLSv1\tECDHE-RSA-AES256-SHA': 1,
		});
	});

	test('counts the SASL LOGIN failure against its client (jq -r .message $G | grep "SASL LOGIN authentication failed")', () => {
		expect(extras.sasl.failure).toEqual({ LOGIN: 1 });
		expect(extras.sasl.failedClients).toEqual({ '3.84.57.208': 1 });
	});
});

describe('postfix-logwatch test data', () => {
	test('keeps TLS lines of older Postfix, which name no trust level, as "-" (jq -r .message $L | grep -oE "$TLS")', () => {
		expect(extrasOf(logwatchLines).tls).toEqual({
			'in\t-\tTLSv1\tDHE-RSA-AES256-SHA': 1,
			'in\tAnonymous\tTLSv1\tDHE-RSA-AES256-SHA': 1,
			'in\tUntrusted\tTLSv1\tDHE-RSA-AES256-SHA': 1,
			'out\t-\tTLSv1\tAES256-SHA': 1,
			'out\tVerified\tTLSv1\tDHE-DSS-AES256-SHA': 1,
		});
	});
});
