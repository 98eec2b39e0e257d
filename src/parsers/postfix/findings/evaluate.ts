/**
 * From a {@link PostfixFindingsState} to findings: each with a stable code, a severity, a count,
 * the evidence lines and the guide section that explains it. A finding appears only when its
 * condition holds, so a healthy log gives none.
 */
import { explainLink } from '../../../lib/explain.ts';
import type { Severity } from '../../contract.ts';
import { findSenderBursts, findSurges, type Burst } from './bursts.ts';
import { resolvePostfixFindingsOptions, type PostfixFindingsOptions } from './options.ts';
import {
	EVIDENCE_PER_FINDING,
	type Counter,
	type Evidence,
	type Group,
	type PostfixFinding,
	type PostfixFindingsState,
} from './types.ts';

type Entry = [key: string, counter: Counter];

/** Entries busiest first, ties by key. */
function ranked(
	group: Group,
	keep: (counter: Counter, key: string) => boolean = () => true,
): Entry[] {
	return Object.entries(group)
		.filter(([key, counter]) => keep(counter, key))
		.sort(([ka, a], [kb, b]) => b.count - a.count || (ka < kb ? -1 : ka > kb ? 1 : 0));
}

const total = (entries: Entry[]) => entries.reduce((sum, [, c]) => sum + c.count, 0);
const listed = (entries: Entry[], n = 5) =>
	entries
		.slice(0, n)
		.map(([key, c]) => `${key} ${c.count}`)
		.join(', ');

/** The busiest keys' first lines, shown in input order (files in the order they first appear). */
function evidenceOf(counters: Counter[]): Evidence[] {
	const chosen = counters.flatMap((c) => c.evidence).slice(0, EVIDENCE_PER_FINDING);
	const files = [...new Set(chosen.map((e) => e.file))];
	return chosen.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line);
}

function finding(
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
function simple(
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

function blocklisted(
	state: PostfixFindingsState,
	options: PostfixFindingsOptions,
): PostfixFinding[] {
	const entries = ranked(state.groups.blocklisted);
	if (entries.length === 0) return [];
	const names = new Map(
		options.matchers.map((m) => [m.id, `${m.provider}${m.dsn ? ` (${m.dsn})` : ''}`]),
	);
	const providers = entries.map(([id, c]) => `${names.get(id) ?? id}: ${c.count}`).join('; ');
	const detail = `${total(entries)} deferrals or bounces say so. ${providers}. Per remote domain: ${listed(ranked(state.groups['blocklisted-domain']))}. Per sending IP: ${listed(ranked(state.groups['blocklisted-ip']))}.`;
	return [
		finding(
			'postfix/blocklisted',
			'error',
			total(entries),
			'Remote servers refuse this relay as blocklisted or of poor reputation',
			detail,
			entries,
		),
	];
}

function bursts(list: Burst[], code: string, title: string, what: string): PostfixFinding[] {
	if (list.length === 0) return [];
	const entries: Entry[] = list.map((b) => [`${b.who} at ${b.hour}h`, b.counter]);
	const detail = list
		.slice(0, 5)
		.map((b) => `${b.who}: ${b.counter.count} ${what} in ${b.hour}h (baseline ${b.baseline}/h)`)
		.join('; ');
	return [
		finding(code, 'warning', list.length, title, `${list.length} hour(s). ${detail}.`, entries),
	];
}

function perClient(
	state: PostfixFindingsState,
	name: 'sasl-failed' | 'connect-lost',
	min: number,
	code: string,
	severity: Severity,
	title: string,
	what: string,
): PostfixFinding[] {
	const entries = ranked(state.groups[name], (c) => c.count >= min);
	if (entries.length === 0) return [];
	const detail = `${total(entries)} ${what} from ${entries.length} client(s) with at least ${min} each: ${listed(entries)}.`;
	return [finding(code, severity, total(entries), title, detail, entries)];
}

function saslManyIps(
	state: PostfixFindingsState,
	options: PostfixFindingsOptions,
): PostfixFinding[] {
	const byUser = new Map<string, Counter[]>();
	for (const [composite, counter] of Object.entries(state.groups['sasl-user-ip'])) {
		const user = composite.slice(0, composite.indexOf('\t'));
		byUser.set(user, [...(byUser.get(user) ?? []), counter]);
	}
	const entries: Entry[] = [...byUser]
		.filter(([, ips]) => ips.length >= options.saslIps)
		.map(([user, ips]): Entry => [user, { count: ips.length, evidence: evidenceOf(ips) }])
		.sort(([ka, a], [kb, b]) => b.count - a.count || ka.localeCompare(kb));
	if (entries.length === 0) return [];
	const detail = `${entries.length} SASL user(s) logged in from at least ${options.saslIps} client IPs: ${listed(entries)} IPs.`;
	return [
		finding(
			'postfix/sasl-user-many-ips',
			'error',
			entries.length,
			'A SASL user logs in from many addresses (compromised account?)',
			detail,
			entries,
		),
	];
}

function deferralRate(
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
	const detail = `${entries.length} destination(s) with at least ${options.deferralRate.minDeferrals} deferrals making ${Math.round(options.deferralRate.rate * 100)}% or more of their attempts: ${domains}. Busiest deferral reasons: ${reasons}.`;
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

function backlog(state: PostfixFindingsState): PostfixFinding[] {
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

function inactivity(
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

function staleMaps(state: PostfixFindingsState): PostfixFinding[] {
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

/** The findings of a state, in a fixed order (by kind of trouble, as the guide lists them). */
export function listPostfixFindings(
	state: PostfixFindingsState,
	partial?: Parameters<typeof resolvePostfixFindingsOptions>[0],
): PostfixFinding[] {
	const options = resolvePostfixFindingsOptions(partial);
	return [
		...blocklisted(state, options),
		...simple(
			state,
			'rbl',
			'postfix/rbl-rejects',
			'info',
			'Clients rejected by our own DNSBL checks',
			'rejects',
		),
		...simple(
			state,
			'loop',
			'postfix/mail-loop',
			'error',
			'Mail loops: messages bounced as routing loops',
			'loop lines',
		),
		...bursts(
			findSenderBursts(state, options),
			'postfix/sender-burst',
			'A sender sent far more than usual in an hour',
			'messages',
		),
		...bursts(
			findSurges(state, state.groups['reject-hour'], 'rejects', options),
			'postfix/reject-surge',
			'Rejects rose sharply in an hour',
			'rejects',
		),
		...bursts(
			findSurges(state, state.groups['deferral-hour'], 'deferrals', options),
			'postfix/deferral-surge',
			'Deferrals rose sharply in an hour',
			'deferrals',
		),
		...simple(
			state,
			'non-smtp',
			'postfix/non-smtp-command',
			'warning',
			'Clients sent non-SMTP commands',
			'lines',
		),
		...simple(
			state,
			'pipelining',
			'postfix/command-pipelining',
			'warning',
			'Clients pipelined commands improperly (spam bots do)',
			'lines',
		),
		...simple(
			state,
			'pregreet',
			'postfix/pregreet',
			'info',
			'Clients talked before the greeting (postscreen PREGREET)',
			'lines',
		),
		...perClient(
			state,
			'sasl-failed',
			options.saslFailures,
			'postfix/sasl-brute-force',
			'error',
			'SASL password guessing',
			'authentication failures',
		),
		...saslManyIps(state, options),
		...perClient(
			state,
			'connect-lost',
			options.lostConnects,
			'postfix/connect-flood',
			'warning',
			'Clients connect and drop at once, again and again',
			'lost connections after CONNECT',
		),
		...simple(
			state,
			'relay-denied',
			'postfix/relay-probe',
			'warning',
			'Clients tried to relay through us (Relay access denied)',
			'rejects',
		),
		...deferralRate(state, options),
		...backlog(state),
		...simple(
			state,
			'expired',
			'postfix/expired',
			'warning',
			'Messages expired in the queue and were returned',
			'messages, by sender',
		),
		...inactivity(state, options),
		...staleMaps(state),
	];
}
