/** Delivery health and configuration: failing destinations, backlog, silence, stale maps. */
import type { PostfixFindingsOptions } from './options.ts';
import { finding, listed, ranked, total, type Entry } from './finding.ts';
import type { Counter, PostfixFinding, PostfixFindingsState } from './types.ts';

/** Days shown per destination in the deferral-rate finding (the latest ones). */
const DAYS_SHOWN = 7;

/**
 * `06-29 2 of 2, 06-30 3 of 4, …`: one destination's deferrals among its attempts on each day it
 * failed (deferred or bounced); `dest-days.ts` keeps no other day.
 */
function byDay(state: PostfixFindingsState, domain: string): string {
	const days = new Map<string, { deferred: number; failed: number; attempts: number }>();
	for (const [key, counter] of Object.entries(state.groups['dest-day'])) {
		const [day, name, word] = key.split('\t') as [string, string, string];
		if (name !== domain) continue;
		const row = days.get(day) ?? { deferred: 0, failed: 0, attempts: 0 };
		row.attempts += counter.count;
		if (word === 'deferred') row.deferred += counter.count;
		if (word !== 'sent') row.failed += counter.count;
		days.set(day, row);
	}
	const sorted = [...days].filter(([, row]) => row.failed > 0).sort(([a], [b]) => a.localeCompare(b));
	const shown = sorted.slice(-DAYS_SHOWN).map(([day, { deferred, attempts }]) => `${day} ${deferred} of ${attempts}`);
	return `${sorted.length > DAYS_SHOWN ? `… (${sorted.length} days), ` : ''}${shown.join(', ')}`;
}

export function deferralRate(
	state: PostfixFindingsState,
	options: PostfixFindingsOptions,
): PostfixFinding[] {
	const { sent, deferred, bounced } = {
		sent: state.groups['dest-sent'],
		deferred: state.groups['dest-deferred'],
		bounced: state.groups['dest-bounced'],
	};
	const rate = (key: string, c: Counter) =>
		c.count / (c.count + (sent[key]?.count ?? 0) + (bounced[key]?.count ?? 0));
	const entries = ranked(
		deferred,
		(c, key) =>
			c.count >= options.deferralRate.minDeferrals && rate(key, c) >= options.deferralRate.rate,
	);
	if (entries.length === 0) return [];
	const domains = entries
		.slice(0, 5)
		.map(
			([key, c]) => `${key} ${c.count} deferrals (${Math.round(rate(key, c) * 100)}% of attempts)`,
		)
		.join(', ');
	const reasons = listed(ranked(state.groups['deferral-reason']), 3);
	const days = entries.slice(0, 3).map(([key]) => `${key}: ${byDay(state, key)}`).join('; ');
	const detail = `${entries.length} destination(s) with at least ${options.deferralRate.minDeferrals} deferrals making ${Math.round(options.deferralRate.rate * 100)}% or more of their attempts: ${domains}. Deferred of attempts on the days they failed — ${days}. Busiest deferral reasons: ${reasons}.`;
	return [
		finding(
			'postfix/deferral-rate',
			'warning',
			entries.length,
			'Deliveries to some destinations keep failing',
			detail,
			entries,
		),
	];
}

export function backlog(state: PostfixFindingsState): PostfixFinding[] {
	const pending = Object.entries(state.backlog.pending);
	if (pending.length === 0) return [];
	const entries: Entry[] = pending.map(([qid, ref]) => [qid, { count: 1, evidence: [ref] }]);
	const detail = `${pending.length} message(s) deferred and not removed from the queue by the end of the log (still queued or delivered later).`;
	return [
		finding(
			'postfix/queue-backlog',
			'warning',
			pending.length,
			'Deferred messages were never delivered inside the log',
			detail,
			entries,
		),
	];
}

export function inactivity(
	state: PostfixFindingsState,
	options: PostfixFindingsOptions,
): PostfixFinding[] {
	if (options.inactivityMinutes <= 0 || !state.span.first || !state.span.last) return [];
	const { first, last, gap } = state.deliveries;
	const candidates =
		first && last
			? [
					{ from: state.span.first, to: first },
					...(gap ? [gap] : []),
					{ from: last, to: state.span.last },
				]
			: [{ from: state.span.first, to: state.span.last }];
	const longest = candidates.reduce((a, b) => (b.to.t - b.from.t > a.to.t - a.from.t ? b : a));
	const minutes = Math.floor((longest.to.t - longest.from.t) / 60);
	if (minutes < options.inactivityMinutes) return [];
	const entries: Entry[] = [
		['silence', { count: minutes, evidence: [longest.from.ref, longest.to.ref] }],
	];
	const detail = `No delivery (status=sent) for ${minutes} minutes, between the two lines shown; the window is ${options.inactivityMinutes} minutes.`;
	return [
		finding(
			'postfix/mail-inactivity',
			'warning',
			minutes,
			'No mail was delivered for a long time',
			detail,
			entries,
		),
	];
}

export function staleMaps(state: PostfixFindingsState): PostfixFinding[] {
	const entries = ranked(state.groups['stale-map']);
	if (entries.length === 0) return [];
	const fixes = entries
		.map(([source]) =>
			/aliases$/.test(source) ? `newaliases (or postalias ${source})` : `postmap ${source}`,
		)
		.join('; ');
	const detail = `${total(entries)} warning(s): a lookup table's .db is older than its source, so edits are not in effect. Rebuild: ${fixes}.`;
	return [
		finding(
			'postfix/stale-map',
			'warning',
			total(entries),
			'A lookup table was edited but not rebuilt',
			detail,
			entries,
		),
	];
}
