/**
 * The extras on a real production log that stays in the shared corpus (Lightmeter's anonymised
 * Debian mail host, AGPL-3.0: read in place, never copied): postscreen with dnsblog, inbound and
 * outbound TLS, SASL submission, delivery delays, three syslog_names. Expected values from grep,
 * sort and awk over the file (`M=lightmeter-complete-mail.log`, `M1=….log.1`), quoted per case.
 */
import { describe, expect, test } from 'vitest';
import {
	collectPostfixExtras,
	mergePostfixExtras,
	percentilesOf,
} from '../../src/parsers/postfix/extras/index.ts';
import { plain, readLines } from '../postfix-findings/collect.ts';

const corpus = new URL('../../../shared/corpus/postfix/', import.meta.url);
const mail = readLines(new URL('lightmeter-complete-mail.log', corpus));
const mail1 = readLines(new URL('lightmeter-complete-mail.log.1', corpus));
const extras = collectPostfixExtras(mail);

describe('Lightmeter’s complete mail.log', () => {
	test('counts the postscreen events', () => {
		// grep -E 'postscreen\[[0-9]+\]: ' $M | sed -E 's/.*postscreen\[[0-9]+\]: (NOQUEUE: )?//' |
		//   grep -oE '^(CONNECT|PASS NEW|PASS OLD|DNSBL|PREGREET|HANGUP|DISCONNECT|…)' | sort | uniq -c
		expect(plain(extras.postscreen.events)).toEqual({
			CONNECT: 45,
			DISCONNECT: 1,
			'PASS NEW': 6,
			'PASS OLD': 38,
			PREGREET: 1,
		});
	});

	test('counts the lists dnsblog names (grep -o "listed by domain [^ ]*" $M | sort | uniq -c)', () => {
		expect(plain(extras.postscreen.lists)).toEqual({ 'h-3824e3d85a1cce': 28, 'h-b09b84de30baa4e': 2 });
	});

	test('follows one client through postscreen (grep -E "postscreen|dnsblog" $M | grep -c 224.73.110.132 → 12 + 12 + 12)', () => {
		expect(plain(extras.postscreen.clients['224.73.110.132'])).toEqual({
			CONNECT: 12,
			'PASS OLD': 12,
			listed: 12,
		});
	});

	test('counts TLS by direction, trust level, protocol and cipher', () => {
		// grep -oE '(Anonymous|Untrusted|Trusted|Verified)? ?TLS connection (established|reused)
		//   (from|to) [^ ]*: \S+ with cipher \S+' $M | sed -E 's/ (from|to) [^ ]*: / \1 /' | sort | uniq -c
		expect(plain(extras.tls)).toEqual({
			'in\tAnonymous\tTLSv1.2\tECDHE-RSA-AES256-GCM-SHA384': 20,
			'in\tAnonymous\tTLSv1.3\tTLS_AES_256_GCM_SHA384': 35,
			'out\tTrusted\tTLSv1.2\tECDHE-RSA-AES256-GCM-SHA384': 1,
			'out\tUntrusted\tTLSv1.2\tECDHE-RSA-AES256-GCM-SHA384': 10,
		});
	});

	test('counts SASL logins per mechanism (grep -o "sasl_method=[^,]*" $M | sort | uniq -c) and no failure', () => {
		expect(plain(extras.sasl.success)).toEqual({ LOGIN: 13 });
		expect(plain(extras.sasl.failure)).toEqual({});
	});

	test('counts lines, received and delivered per syslog_name (the awk of tests/postfix-extras/samples.test.ts)', () => {
		const counts = Object.entries(extras.instances).map(([name, c]) => [name, c.lines, c.received, c.delivered]);
		expect(counts.sort()).toEqual([
			['postfix', 1035, 96, 118],
			['postfix/sender-cleanup', 26, 0, 0],
			['postfix/submission', 55, 13, 0],
		]);
	});

	// pct() { sort -g | awk '{v[NR]=$1} END {n=NR; split("50 90 99",P," "); for (i=1;i<=3;i++)
	//   {r=int((P[i]*n+99)/100); printf "p%s=%s ",P[i],v[r]}; print "max=" v[n], "n=" n}'; }
	// grep ', status=sent ' $M | sed -E 's/.* delay=([0-9.]+), delays=([0-9.]+)\/([0-9.]+)\/([0-9.]+)\/([0-9.]+),.*/\1 \2 \3 \4 \5/' | cut -d' ' -f$S | pct
	test.each([
		['total', [0.22, 2.1, 4.6], 5],
		['a', [0.04, 2, 4.5], 4.9],
		['b', [0.01, 0.02, 0.03], 0.03],
		['c', [0, 0.03, 1.5], 1.5],
		['d', [0.09, 0.15, 0.27], 0.27],
	] as const)('delay stage %s has the percentiles sort and awk give', (stage, values, max) => {
		expect(percentilesOf(extras.delays.all[stage])).toEqual({ n: 118, values, max });
	});

	test('merges the previous day’s file into the two days’ delays (cat $M1 $M | … -f1 | pct)', () => {
		const both = mergePostfixExtras(collectPostfixExtras(mail1), extras);
		expect(percentilesOf(both.delays.all.total)).toEqual({ n: 372, values: [0.23, 1.8, 4.7], max: 8 });
		expect(plain(both)).toEqual(plain(collectPostfixExtras([...mail1, ...mail])));
	});
});
