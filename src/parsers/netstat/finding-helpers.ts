/** Small arithmetic the finding rules share, on BigInt counters that may be absent. */
import type { CounterReader, RuleHit } from './findings.ts';

/** Sum of the counters that are present; undefined when none is. */
export function sum(read: CounterReader, ...names: string[]): bigint | undefined {
	let total: bigint | undefined;
	for (const name of names) {
		const value = read(name);
		if (value !== undefined) total = (total ?? 0n) + value;
	}
	return total;
}

/** `1234567` -> `1,234,567`. */
export function group(value: bigint | number): string {
	return value.toLocaleString('en-US');
}

/** part/whole as a percentage with 3 significant decimals; exact up to 2^64 inputs. */
export function percent(part: bigint, whole: bigint): number {
	return whole === 0n ? 0 : Number((part * 1_000_000n) / whole) / 10_000;
}

/** Fires when the summed counters exceed `above`: `warning` by default. */
export function countAbove(
	read: CounterReader,
	names: string[],
	above: bigint,
	severity: RuleHit['severity'] = 'warning',
): RuleHit | undefined {
	const total = sum(read, ...names);
	if (total === undefined || total <= above) return undefined;
	const parts = names.filter((name) => read(name) !== undefined).map((name) => `${name} ${group(read(name)!)}`);
	return { severity, count: Number(total), measured: parts.join(' + ') };
}

/**
 * Fires when part/whole exceeds `limit` percent and whole is at least `minWhole` (so a few
 * events on an idle host do not alarm). Count = the percentage.
 */
export function ratioAbove(
	read: CounterReader,
	part: string[],
	whole: string[],
	limit: number,
	minWhole: bigint,
	severity: RuleHit['severity'] = 'warning',
): RuleHit | undefined {
	const top = sum(read, ...part);
	const bottom = sum(read, ...whole);
	if (top === undefined || bottom === undefined || bottom < minWhole) return undefined;
	const value = percent(top, bottom);
	if (value <= limit) return undefined;
	return { severity, count: value, measured: `${part.join(' + ')} ${group(top)} / ${whole.join(' + ')} ${group(bottom)} = ${value} %` };
}
