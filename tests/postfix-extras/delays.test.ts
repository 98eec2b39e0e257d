/**
 * Delivery delay percentiles: exact nearest-rank values of the delays as Postfix prints them.
 *
 * Postfix prints each delay with `format_tv(buf, sec, usec, 2, delay_logging_resolution_limit)`
 * (postfix/src/global/log_adhoc.c, postfix/src/util/format_tv.c in github:vdukhovni/postfix at
 * 17830e5c13c160d51c95cb971d137a46de84e48c, Postfix 3.12; the algorithm is unchanged since
 * 2.3). `formatTv` below is that C function line by line, so the test can show what values exist.
 *
 * Expected percentiles come from the log with sort and awk, not from our code (nearest rank:
 * the ⌈p·n/100⌉-th smallest value):
 *   pct() { sort -g | awk '{v[NR]=$1} END {n=NR; split("50 90 99",P," "); for (i=1;i<=3;i++)
 *     {r=int((P[i]*n+99)/100); printf "p%s=%s ",P[i],v[r]}; print "max=" v[n], "n=" n}'; }
 *   zcat content/samples/postfix/relay-week.log.gz | grep ', status=sent ' | sed -E 's/.* delay=([0-9.]+),
 *     delays=([0-9.]+)\/([0-9.]+)\/([0-9.]+)\/([0-9.]+),.*\/\1 \2 \3 \4 \5/' | cut -d' ' -f$S | pct
 * with S = 1 (delay), 2 (a), 3 (b), 4 (c), 5 (d); per domain, `grep -i 'to=<[^>]*@example.com>'`
 * before the sed.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { percentilesOf } from '../../src/parsers/postfix/extras/index.ts';
import { extrasOf, readLines, relayWeek } from './helpers.ts';

/** format_tv() of Postfix, transliterated (integer arithmetic as in C). */
function formatTv(secIn: number, usecIn: number, sigDig: number, maxDig: number): string {
	const MILLION = 1000000;
	const pow10 = [1, 10, 100, 1000, 10000, 100000, 1000000];
	let sec = secIn;
	let usec = usecIn;
	let ures = MILLION / pow10[maxDig]!;
	const wid = pow10[sigDig]!;
	if (ures < MILLION) {
		if (sec > 0) {
			let n = 1;
			while (sec >= n && n <= wid / 10) n *= 10;
			ures = (MILLION / wid) * n;
		} else {
			while (usec >= wid * ures) ures *= 10;
		}
	}
	if (ures > 1) {
		usec += Math.trunc(ures / 2);
		if (usec >= MILLION) {
			sec += 1;
			usec -= MILLION;
		}
	}
	let out = String(sec);
	if (usec >= ures) {
		out += '.';
		let rem = usec;
		for (let n = MILLION / 10; rem >= ures && n > 0; n = Math.trunc(n / 10)) {
			out += '0123456789'[Math.trunc(rem / n)];
			rem %= n;
		}
	}
	return out;
}

/** The shape of every value format_tv prints with 2 significant digits and 2 decimals. */
const PRINTED = /^(?:0|0\.\d?[1-9]|[1-9](?:\.[1-9])?|[1-9]\d+)$/;

describe('the delay format Postfix logs (default delay_logging_resolution_limit = 2)', () => {
	test('below 100 s there are exactly 280 printable values, whole seconds from 10 s on', () => {
		const values = new Set<string>();
		for (let us = 0; us < 100_000_000; us += 1000)
			values.add(formatTv(Math.floor(us / 1e6), us % 1e6, 2, 2));
		const below100 = [...values].filter((v) => Number(v) < 100);
		expect(below100).toHaveLength(280);
		expect(below100.filter((v) => Number(v) >= 10).every((v) => /^\d+$/.test(v))).toBe(true);
	});

	test('every value it prints has the shape the histogram keys take', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 0, max: 999_999 }), (s, us) => {
				const printed = formatTv(s, us, 2, 2);
				expect(printed).toMatch(PRINTED);
				expect(String(Number(printed))).toBe(printed);
			}),
		);
	});

	test.each([
		['content/samples/postfix/relay-week.log.gz'],
		['content/samples/postfix/abuse-day.log.gz'],
		['content/samples/postfix/clean-day.log.gz'],
		['tests/fixtures/postfix/corpus/postfix-exporter-test-lines.log'],
	])('every delay logged in %s has that shape', (path) => {
		const lines = readLines(new URL(`../../${path}`, import.meta.url));
		const values = lines.flatMap((line) => {
			const m = / delay=([^,]*), delays=([^,]*)/.exec(line);
			return m ? [m[1]!, ...m[2]!.split('/')] : [];
		});
		expect(values.length).toBeGreaterThan(0);
		expect(values.filter((v) => !PRINTED.test(v))).toEqual([]);
	});
});

describe('nearest-rank percentiles of a histogram', () => {
	test.each([
		['one value', { '0.5': 1 }, [0.5, 0.5, 0.5], 0.5],
		['1 … 10 once each', Object.fromEntries([...Array(10)].map((_, i) => [String(i + 1), 1])), [5, 9, 10], 10],
		['99 fast and one slow', { '0.01': 99, '312': 1 }, [0.01, 0.01, 0.01], 312],
		['98 fast and two slow', { '0.01': 98, '312': 2 }, [0.01, 0.01, 312], 312],
	])('%s', (_name, histogram, values, max) => {
		expect(percentilesOf(histogram)).toEqual({ n: countOf(histogram), values, max });
	});

	test('an empty histogram has none', () => {
		expect(percentilesOf({})).toBeUndefined();
	});
});

function countOf(histogram: Record<string, number>): number {
	return Object.values(histogram).reduce((a, b) => a + b, 0);
}

describe('relay-week delays (161 status=sent lines)', () => {
	const { delays } = extrasOf(relayWeek);

	test.each([
		['total', [0.01, 0.1, 0.23], 6.1],
		['a', [0, 0.01, 0.06], 0.08],
		['b', [0, 0, 0.01], 0.03],
		['c', [0, 0.05, 0.08], 0.08],
		['d', [0.01, 0.05, 0.12], 6],
	] as const)('stage %s has the percentiles sort and awk give', (stage, values, max) => {
		expect(percentilesOf(delays.all[stage])).toEqual({ n: 161, values, max });
	});

	test('example.com (any case) has 23 deliveries with the p50/p90/p99 awk gives', () => {
		// … | grep ', status=sent ' | grep -i 'to=<[^>]*@example.com>' | … -f1 | pct
		expect(percentilesOf(delays.domains['example.com']!.total)).toEqual({
			n: 23,
			values: [0.09, 0.1, 0.14],
			max: 0.14,
		});
	});

	test('the slowest delivery (6.1 s) is the tarpit relay, spent in transmission', () => {
		// zcat relay-week.log.gz | grep ', status=sent ' | grep 'delay=6.1,'
		expect(delays.relays['127.0.0.1[127.0.0.1]:2531']!.d).toEqual({ '6': 1 });
		expect(delays.domains['tarpit.test']!.total).toEqual({ '6.1': 1 });
	});
});
