/**
 * Counts keyed by text from the capture (reasons, port names, dropwatch's error lines) are kept
 * as sorted lists of `{ name, count }`, not as object keys: a capture can name anything
 * `__proto__`, which plain objects mishandle and Astro's data store (devalue) refuses to store.
 */

/** One counted name. */
export interface NamedCount {
	name: string;
	count: number;
}

/** Most first; ties by name (UTF-16 order), so equal data always serialises the same way. */
export function compareByCount(a: { name: string; count: number }, b: { name: string; count: number }): number {
	return b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Adds `count` under `name`. */
export function addTo(map: Map<string, number>, name: string, count = 1): void {
	map.set(name, (map.get(name) ?? 0) + count);
}

/** A map of counts as a sorted list. */
export function listCounts(map: Map<string, number>): NamedCount[] {
	return [...map].map(([name, count]) => ({ name, count })).sort(compareByCount);
}

/** Sums two count lists by name. */
export function mergeCounts(a: NamedCount[], b: NamedCount[]): NamedCount[] {
	const map = new Map<string, number>();
	for (const { name, count } of [...a, ...b]) addTo(map, name, count);
	return listCounts(map);
}
