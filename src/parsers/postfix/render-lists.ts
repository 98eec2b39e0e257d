/**
 * pflogsumm's list sections: host/domain summaries, per-user lists, nested detail hashes. Each
 * yields its text a row at a time: a relay probed by a botnet has a row per address (260,000
 * rows, 14 MB), which the CLI writes as it goes rather than holding whole (`render-text.ts`).
 */
import { formatCount, formatFixed1, subsectionTitle, timeUnits } from './format.ts';
import { normalizeHost } from './strings.ts';
import type { Counts, CountSize, DomainDelivery, Nested2, Nested3 } from './summary.ts';

/** Our order for rows pflogsumm leaves in hash order: the key, ascending. */
function byKey(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Keys by `[count, size]` descending (pflogsumm's `reverse sort by_count_then_size`). */
export function sortByCountThenSize(rows: Record<string, readonly number[]>): string[] {
	return Object.keys(rows).sort((a, b) => {
		const x = rows[a]!;
		const y = rows[b]!;
		return y[0]! - x[0]! || y[1]! - x[1]! || byKey(a, b);
	});
}

/** Keys by value descending, then by `normalize_host` ascending (pflogsumm's count lists). */
export function sortByCountThenHost(keys: string[], value: (key: string) => number): string[] {
	const keyed = keys.map((key) => ({ key, value: value(key), host: normalizeHost(key) }));
	keyed.sort((a, b) => b.value - a.value || byKey(a.host, b.host) || byKey(a.key, b.key));
	return keyed.map((entry) => entry.key);
}

function take<T>(items: T[], limit: number): T[] {
	return limit > 0 ? items.slice(0, limit) : items;
}

/** "Host/Domain Summary: Message Delivery". */
export function* renderDeliveryDomains(rows: Record<string, DomainDelivery>, limit: number): Generator<string> {
	if (limit === 0) return;
	yield subsectionTitle(`Host/Domain Summary: Message Delivery ${limit > 0 ? `(top ${limit})` : ''}`);
	yield ' sent cnt  bytes   defers   avg dly max dly host/domain\n';
	yield ' -------- -------  -------  ------- ------- -----------\n';
	for (const key of take(sortByCountThenSize(rows), limit)) {
		const [sent, bytes, defers, delaySum, delayMax] = rows[key]!;
		const [avg, avgUnit] = timeUnits(sent ? delaySum / sent : 0);
		const [max, maxUnit] = timeUnits(delayMax);
		yield ` ${formatCount(sent)}  ${formatCount(bytes)}  ${formatCount(defers)}  ${formatFixed1(avg, 5)} ${avgUnit}  ${formatFixed1(max, 5)} ${maxUnit}  ${key}\n`;
	}
}

/** "Host/Domain Summary: Messages Received". */
export function* renderSenderDomains(rows: Record<string, CountSize>, limit: number): Generator<string> {
	if (limit === 0) return;
	yield subsectionTitle(`Host/Domain Summary: Messages Received ${limit > 0 ? `(top ${limit})` : ''}`);
	yield ' msg cnt   bytes   host/domain\n';
	yield ' -------- -------  -----------\n';
	for (const key of take(sortByCountThenSize(rows), limit)) {
		const [count, bytes] = rows[key]!;
		yield ` ${formatCount(count)}  ${formatCount(bytes)}  ${key}\n`;
	}
}

/** A heading and its underline, or `title: none` (nothing with `-q`); null when omitted. */
function listTitle(title: string, empty: boolean, quiet: boolean): string | null {
	if (empty) return quiet ? null : `\n${title}: none\n`;
	return `\n${title}\n${'-'.repeat(title.length)}\n`;
}

/** pflogsumm `print_user_data`: "Senders by message count" and its three siblings. */
export function* renderUsers(rows: Record<string, CountSize>, title: string, index: 0 | 1, limit: number, quiet: boolean): Generator<string> {
	if (limit === 0) return;
	const keys = Object.keys(rows);
	const heading = listTitle(`${limit > 0 ? `top ${limit} ` : ''}${title}`, keys.length === 0, quiet);
	if (heading === null) return;
	yield heading;
	for (const key of take(sortByCountThenHost(keys, (k) => rows[k]![index]), limit)) {
		yield ` ${formatCount(rows[key]![index])}  ${key}\n`;
	}
}

/** pflogsumm `really_print_hash_by_cnt_vals`. */
function* renderCounts(counts: Counts, limit: number, indent: string): Generator<string> {
	for (const key of take(sortByCountThenHost(Object.keys(counts), (k) => counts[k]!), limit)) {
		yield `${indent}${formatCount(counts[key])}  ${key}\n`;
	}
}

/** pflogsumm `print_hash_by_cnt_vals` ("Master daemon messages"). */
export function* renderCountList(counts: Counts, title: string, quiet: boolean): Generator<string> {
	const heading = listTitle(title, isEmpty(counts), quiet);
	if (heading === null) return;
	yield heading;
	yield* renderCounts(counts, 0, ' ');
}

/** Whether a record has no key (without listing the keys of one that has 100,000). */
function isEmpty(value: object): boolean {
	for (const _ in value) return false;
	return true;
}

/** Whether a level of a nested hash holds the counts (its first value is a number). */
function isCounts(value: Counts | Nested2 | Nested3): value is Counts {
	for (const key in value) return typeof value[key] === 'number';
	return true;
}

function sum(counts: Counts): number {
	let total = 0;
	for (const key in counts) total += counts[key]!;
	return total;
}

/** pflogsumm `walk_nested_hash`: sorted keys with totals, then counts, two spaces per level. */
function* walkNested(hash: Nested2 | Nested3, limit: number, level: number): Generator<string> {
	const indent = ' '.repeat(level);
	for (const key of Object.keys(hash).sort(byKey)) {
		const child = hash[key]!;
		if (isCounts(child)) {
			yield `${indent}${key}${limit > 0 ? ` (top ${limit})` : ''} (total: ${sum(child)})\n`;
			yield* renderCounts(child, limit, ' '.repeat(level + 2));
		} else {
			yield `${indent}${key}\n`;
			yield* walkNested(child, limit, level + 2);
		}
	}
}

/** pflogsumm `print_nested_hash` ("message deferral detail", "Warnings", …). */
export function* renderNested(hash: Nested2 | Nested3, title: string, limit: number, quiet: boolean): Generator<string> {
	const heading = listTitle(title, isEmpty(hash), quiet);
	if (heading === null) return;
	yield heading;
	yield* walkNested(hash, limit, 2);
}

/** pflogsumm `print_hash_by_key` ("Messages with no size data": queue id, recipient). */
export function* renderByKey(rows: Record<string, string>, title: string): Generator<string> {
	const keys = Object.keys(rows).sort(byKey);
	if (keys.length === 0) return;
	yield `\n${title}\n${'-'.repeat(title.length)}\n`;
	for (const key of keys) yield ` ${key}  ${rows[key]}\n`;
}
