/** Building findings: ranked keys, evidence in input order, the guide link from the explain table. */
import { explainLink } from '../../../lib/explain.ts';
import type { Severity } from '../../contract.ts';
import {
	EVIDENCE_PER_FINDING,
	type Counter,
	type Evidence,
	type Group,
	type PostfixFinding,
	type PostfixFindingsState,
} from './types.ts';

export type Entry = [key: string, counter: Counter];

/** Entries busiest first, ties by key. */
export function ranked(
	group: Group,
	keep: (counter: Counter, key: string) => boolean = () => true,
): Entry[] {
	return Object.entries(group)
		.filter(([key, counter]) => keep(counter, key))
		.sort(([ka, a], [kb, b]) => b.count - a.count || (ka < kb ? -1 : ka > kb ? 1 : 0));
}

export const total = (entries: Entry[]) => entries.reduce((sum, [, c]) => sum + c.count, 0);
export const listed = (entries: Entry[], n = 5) =>
	entries
		.slice(0, n)
		.map(([key, c]) => `${key} ${c.count}`)
		.join(', ');

/**
 * The busiest keys' first lines, each line once (one line can count for two keys: a client and
 * its SASL user), shown in input order (files in the order they first appear).
 */
export function evidenceOf(counters: Counter[]): Evidence[] {
	const seen = new Set<string>();
	const chosen = counters
		.flatMap((c) => c.evidence)
		.filter((e) => {
			const key = `${e.file ?? ''}\0${e.line}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		})
		.slice(0, EVIDENCE_PER_FINDING);
	const files = [...new Set(chosen.map((e) => e.file))];
	return chosen.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line);
}

export function finding(
	code: string,
	severity: Severity,
	count: number,
	title: string,
	detail: string,
	entries: Entry[],
): PostfixFinding {
	const found: PostfixFinding = {
		code,
		severity,
		count,
		title,
		detail,
		top: entries.slice(0, 10).map(([key, c]) => ({ key, count: c.count })),
		evidence: evidenceOf(entries.map(([, c]) => c)),
	};
	const explain = explainLink(code);
	if (explain) found.explain = explain;
	return found;
}

/** A finding for every key of a group, when the group has any. */
export function simple(
	state: PostfixFindingsState,
	name: keyof PostfixFindingsState['groups'],
	code: string,
	severity: Severity,
	title: string,
	what: string,
): PostfixFinding[] {
	const entries = ranked(state.groups[name]);
	if (entries.length === 0) return [];
	return [
		finding(
			code,
			severity,
			total(entries),
			title,
			`${total(entries)} ${what}; by key: ${listed(entries)}.`,
			entries,
		),
	];
}
