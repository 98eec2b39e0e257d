/**
 * Delivery delays: histograms of the printed `delay=` and `delays=a/b/c/d` values of
 * `status=sent` lines, and exact percentiles from them.
 *
 * Why a histogram keyed by the printed value is exact and small: Postfix's `log_adhoc()`
 * (src/global/log_adhoc.c) prints every delay through `format_tv(buf, sec, usec, 2,
 * var_delay_max_res)` (src/util/format_tv.c; its algorithm is unchanged since Postfix 2.3, later
 * commits only widened int to long): two significant digits, at most
 * `delay_logging_resolution_limit` (default 2, range 0..6) digits after the point, trailing
 * zeros dropped, and whole seconds from 10 s on. With the default the only values below 100 s
 * are 0, 0.01 … 0.99, 1 … 9.9 and 10 … 99 (280 values); above that one value per whole second,
 * and a message leaves the queue within `maximal_queue_lifetime` (5 days by default). The
 * percentiles of the printed values are therefore computed exactly from counts
 * per printed value, the counts of two pieces of a log simply add, and memory is a few hundred
 * entries per histogram in practice (at most one per whole second of the longest delay).
 *
 * Percentiles are nearest-rank: the p-th percentile of n values is the smallest printed value
 * v such that at least ⌈p·n/100⌉ values are ≤ v (so p100 is the maximum, and every percentile
 * is a value that was logged).
 */
import { bump, emptyDelayHistograms } from './state.ts';
import {
	DELAY_STAGES,
	type DelayHistograms,
	type DelayStage,
	type Histogram,
	type PostfixExtras,
} from './types.ts';

// to=<bob@example.org>, relay=mx.example.org[192.0.2.9]:25, delay=1.2, delays=0.1/0/0.52/0.58,
// dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4Fq…)
// (Postfix 3.11 may put `, tls=…` between delays= and dsn=.)
const DELAYS = /, delay=([\d.]+), delays=([\d.]+)\/([\d.]+)\/([\d.]+)\/([\d.]+)[,\s]/;
const TO_DOMAIN = /^to=<[^>]*@([^>@]+)>/;
const RELAY = /, relay=([^,\s]+)/;

/** Keys of the printed values seen lately: a log prints a few hundred values over and over. */
const keys = new Map<string, string | null>();

/** `0.10` and `0.1` are one value; a key is the shortest decimal of the number. */
function keyOf(printed: string): string | undefined {
	let key = keys.get(printed);
	if (key === undefined) {
		const n = Number(printed);
		key = Number.isFinite(n) ? String(n) : null;
		// Bounded whatever the log holds (one value per whole second of delay, above 100 s).
		if (keys.size >= 4096) keys.clear();
		keys.set(printed, key);
	}
	return key ?? undefined;
}

function add(histograms: DelayHistograms, values: readonly string[]): void {
	for (let i = 0; i < DELAY_STAGES.length; i++) bump(histograms[DELAY_STAGES[i]!], values[i]!);
}

/** The five keys of the current line (reused). */
const values: string[] = ['', '', '', '', ''];

/**
 * Counts one `status=sent` message (the text after the queue id) into `delays`: overall, per
 * recipient domain and per relay. Lines without `delays=` (Postfix < 2.3) are not counted.
 */
export function observeDelays(
	delays: PostfixExtras['delays'],
	message: string,
): void {
	const match = DELAYS.exec(message);
	if (!match) return;
	for (let i = 0; i < 5; i++) {
		const key = keyOf(match[i + 1]!);
		if (key === undefined) return;
		values[i] = key;
	}
	add(delays.all, values);
	const domain = TO_DOMAIN.exec(message)?.[1]?.toLowerCase();
	if (domain !== undefined) add((delays.domains[domain] ??= emptyDelayHistograms()), values);
	const relay = RELAY.exec(message)?.[1];
	if (relay !== undefined) add((delays.relays[relay] ??= emptyDelayHistograms()), values);
}

/** The percentiles the report shows. */
export const PERCENTILES = [50, 90, 99] as const;

/** Number of values in a histogram. */
export function countOf(histogram: Histogram): number {
	let n = 0;
	for (const key of Object.keys(histogram)) n += histogram[key]!;
	return n;
}

/** Nearest-rank percentiles (and the maximum) of a histogram; undefined when it is empty. */
export function percentilesOf(
	histogram: Histogram,
	ps: readonly number[] = PERCENTILES,
): { n: number; values: number[]; max: number } | undefined {
	const entries = Object.keys(histogram)
		.map((key) => [Number(key), histogram[key]!] as const)
		.sort((x, y) => x[0] - y[0]);
	const n = entries.reduce((sum, [, count]) => sum + count, 0);
	if (n === 0) return undefined;
	const values = ps.map((p) => {
		const rank = Math.max(1, Math.ceil((p * n) / 100));
		let seen = 0;
		for (const [value, count] of entries) if ((seen += count) >= rank) return value;
		return entries.at(-1)![0];
	});
	return { n, values, max: entries.at(-1)![0] };
}

/** Percentile rows for the stages of one set of histograms. */
export function stageRows(
	histograms: DelayHistograms,
): { stage: DelayStage; n: number; values: number[]; max: number }[] {
	const rows = [];
	for (const stage of DELAY_STAGES) {
		const p = percentilesOf(histograms[stage]);
		if (p) rows.push({ stage, ...p });
	}
	return rows;
}
