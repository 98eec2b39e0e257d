/**
 * Findings on the committed real samples (Postfix 3.7.11 on loopback, see
 * `content/samples/postfix/relay-week.md`). Expected numbers come from grep/awk over the logs:
 *
 *   zcat relay-week.log.gz | grep -n 'non-SMTP command'                    → 682
 *   zcat relay-week.log.gz | grep -n -i 'pipelining'                       → 688, 690
 *   zcat relay-week.log.gz | grep -n 'Relay access denied'                 → 699, 707
 *   zcat relay-week.log.gz | grep -n 'older than source file'              → 460, 588
 *   zcat relay-week.log.gz | grep -c 'status=expired'                      → 7
 *   deferred per recipient domain with no sent/bounced line (awk over to=<…@d> status=…):
 *     example.net 13, refused.test 13, busy.example 7, slow.test 5 (example.com: 6 deferred, 40+ sent)
 *   longest time without status=sent: Jul  3 11:03:33 (line 1009) → Jul  5 02:15:00 (line 1014)
 */
import { describe, expect, test } from 'vitest';
import { listPostfixFindings } from '../../src/parsers/postfix/findings/index.ts';
import { byCode, findingsOf, readLines, stateOf } from './collect.ts';

const samples = new URL('../../content/samples/postfix/', import.meta.url);
const week = readLines(new URL('relay-week.log.gz', samples));
const clean = readLines(new URL('clean-day.log.gz', samples));
const FILE = 'relay-week.log.gz';
const found = findingsOf(week, FILE);
const lineNumbers = (code: string) => byCode(found, code)?.evidence.map((e) => e.line);

describe('the healthy sample', () => {
	test('gives no finding at all (false positives are bugs)', () => {
		expect(findingsOf(clean, 'clean-day.log.gz')).toEqual([]);
	});

	test('reads every one of its lines as Postfix', () => {
		expect(stateOf(clean).lines).toBe(clean.length);
	});
});

describe('the relay week', () => {
	test('has exactly the findings its log shows, in report order', () => {
		expect(found.map((f) => [f.code, f.count])).toEqual([
			['postfix/non-smtp-command', 1],
			['postfix/command-pipelining', 2],
			['postfix/relay-probe', 2],
			['postfix/deferral-rate', 4],
			['postfix/expired', 7],
			['postfix/mail-inactivity', 2351],
			['postfix/stale-map', 2],
		]);
	});

	test.each([
		['postfix/non-smtp-command', [682]],
		['postfix/command-pipelining', [688, 690]],
		['postfix/relay-probe', [699, 707]],
		['postfix/stale-map', [460, 588]],
		['postfix/mail-inactivity', [1009, 1014]],
	])('%s points at lines %j', (code, lines) => {
		expect(lineNumbers(code)).toEqual(lines);
	});

	test('evidence carries the file name and the line as logged', () => {
		const evidence = byCode(found, 'postfix/non-smtp-command')!.evidence[0]!;
		expect(evidence).toEqual({ file: FILE, line: 682, text: week[681] });
	});

	test('relay probes count the submission and postfix-msa instances too', () => {
		expect(byCode(found, 'postfix/relay-probe')!.top).toEqual([
			{ key: '127.0.0.3', count: 1 },
			{ key: '127.0.0.4', count: 1 },
		]);
	});

	test('names the failing destinations with their deferral counts', () => {
		expect(byCode(found, 'postfix/deferral-rate')!.top).toEqual([
			{ key: 'example.net', count: 13 },
			{ key: 'refused.test', count: 13 },
			{ key: 'busy.example', count: 7 },
			{ key: 'slow.test', count: 5 },
		]);
	});

	test('shows each failing destination over time: deferred of attempts per day', () => {
		// zcat relay-week.log.gz | awk '/status=(sent|deferred|bounced)/ && /to=<[^>]*@example\.net>/
		//   { match($0, /status=[a-z]+/); c[$1" "$2" "substr($0, RSTART+7, RLENGTH-7)]++ } END { for (k in c) print k, c[k] }'
		// → Jun 29 deferred 2, Jun 30 deferred 3, Jul 1 deferred 2, Jul 2 deferred 2, Jul 3 deferred 4 (nothing sent)
		expect(byCode(found, 'postfix/deferral-rate')!.detail).toContain(
			'example.net: 06-29 2 of 2, 06-30 3 of 3, 07-01 2 of 2, 07-02 2 of 2, 07-03 4 of 4;',
		);
	});

	test('says which command rebuilds the stale map', () => {
		expect(byCode(found, 'postfix/stale-map')!.detail).toContain(
			'postmap /var/tmp/fieldnotes-capture/etc/sender_access',
		);
	});

	test('links every finding to its section of the relay-health guide', () => {
		for (const finding of found)
			expect(finding.explain).toMatch(/^guides\/relay-health\/#[a-z-]+$/);
	});

	test('inactivity follows its window and can be turned off', () => {
		const codes = (minutes: number) =>
			listPostfixFindings(stateOf(week), { inactivityMinutes: minutes }).map((f) => f.code);
		expect(codes(0)).not.toContain('postfix/mail-inactivity');
		expect(codes(2352)).not.toContain('postfix/mail-inactivity');
		expect(codes(2351)).toContain('postfix/mail-inactivity');
	});
});

/**
 * The relay under attack (`content/samples/postfix/abuse-day.md`), expected values by grep:
 *   zcat abuse-day.log.gz | grep -c 'SASL PLAIN authentication failed'           → 40 (127.0.0.70; first line 2948)
 *   zcat abuse-day.log.gz | grep -c 'lost connection after CONNECT'              → 25 (127.0.0.71; first line 3068)
 *   zcat abuse-day.log.gz | grep -c 'reject:'                                     → 60, all `Relay access denied` from 127.0.0.72 at 15h (first line 3143)
 *   zcat abuse-day.log.gz | grep 'status=deferred' | awk '{print substr($3,1,2)}' | uniq -c → 477 at 11h (first line 156), all to refused.test
 *   zcat abuse-day.log.gz | grep -c 'status=expired'                             → 60 (first line 1262)
 *   zcat abuse-day.log.gz | grep 'client=' | awk '{print substr($3,1,2)}' | uniq -c
 *     → 5 at 08, 09, 10, 12, 13, 16; 65 at 11; 156 at 14 (150 from 127.0.0.9, first line 1856); none at 15
 *   zcat abuse-day.log.gz | grep -o 'client=unknown\[[0-9.]*\], sasl_method=PLAIN, sasl_username=dave' | sort -u | wc -l → 7
 * Burst threshold: relay median 5/h over the 9 hours 08–16 → 3 × 5 = 15; dave's and 127.0.0.9's
 * own mean over the other 8 hours 0 (all their lines are in 14h) → 10 × 1; minimum 50: 156 and 150 are bursts, the
 * outage's 20 per client are not.
 * Surges: median rejects and deferrals per hour 0 → 10 × 1, minimum 50: 60 rejects and 477
 * deferrals are surges.
 */
describe('the relay under attack', () => {
	const attack = readLines(new URL('abuse-day.log.gz', samples));
	const findings = findingsOf(attack, 'abuse-day.log.gz');

	test('has exactly the findings of its outage and its attacks', () => {
		expect(findings.map((f) => [f.code, f.count])).toEqual([
			['postfix/sender-burst', 2],
			['postfix/reject-surge', 1],
			['postfix/deferral-surge', 1],
			['postfix/sasl-brute-force', 40],
			['postfix/sasl-user-many-ips', 1],
			['postfix/connect-flood', 25],
			['postfix/relay-probe', 60],
			['postfix/deferral-rate', 1],
			['postfix/expired', 60],
		]);
	});

	test.each([
		[
			'postfix/sender-burst',
			[
				{ key: 'SASL user dave at 07-09 14h', count: 156 },
				{ key: 'client 127.0.0.9 at 07-09 14h', count: 150 },
			],
			1856,
		],
		['postfix/reject-surge', [{ key: 'rejects at 07-09 15h', count: 60 }], 3143],
		['postfix/deferral-surge', [{ key: 'deferrals at 07-09 11h', count: 477 }], 156],
		['postfix/sasl-brute-force', [{ key: '127.0.0.70', count: 40 }], 2948],
		['postfix/sasl-user-many-ips', [{ key: 'dave', count: 7 }], 1856],
		['postfix/connect-flood', [{ key: '127.0.0.71', count: 25 }], 3068],
		['postfix/relay-probe', [{ key: '127.0.0.72', count: 60 }], 3143],
		['postfix/deferral-rate', [{ key: 'refused.test', count: 477 }], 156],
		['postfix/expired', [{ key: 'carol@fieldnotes.test', count: 60 }], 1262],
	])('%s names %j from line %i', (code, top, line) => {
		const finding = byCode(findings, code)!;
		expect(finding.top).toEqual(top);
		expect(finding.evidence[0]!.line).toBe(line);
	});

	test('a burst needs both baselines: with relayFactor 40 (floor 200/h) there is none', () => {
		const state = stateOf(attack);
		const codes = listPostfixFindings(state, {
			burst: { minMessages: 50, factor: 10, relayFactor: 40 },
		}).map((f) => f.code);
		expect(codes).not.toContain('postfix/sender-burst');
	});

	test('the same lines in one hour only (no baseline) give no burst', () => {
		const burstHour = attack.filter((line) => line.startsWith('Jul  9 14:'));
		expect(byCode(findingsOf(burstHour), 'postfix/sender-burst')).toBeUndefined();
	});
});
