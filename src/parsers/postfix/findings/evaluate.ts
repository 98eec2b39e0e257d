/**
 * From a {@link PostfixFindingsState} to findings: each with a stable code, a severity, a count,
 * the evidence lines and the guide section that explains it. A finding appears only when its
 * condition holds, so a healthy log gives none.
 */ import type { Severity } from '../../contract.ts';
import { findSenderBursts, findSurges, type Burst } from './bursts.ts';
import { backlog, deferralRate, inactivity, staleMaps } from './evaluate-health.ts';
import { evidenceOf, finding, listed, ranked, simple, total, type Entry } from './finding.ts';
import { resolvePostfixFindingsOptions, type PostfixFindingsOptions } from './options.ts';
import type { Counter, PostfixFinding, PostfixFindingsState } from './types.ts';

function blocklisted(
	state: PostfixFindingsState,
	options: PostfixFindingsOptions,
): PostfixFinding[] {
	const entries = ranked(state.groups.blocklisted);
	if (entries.length === 0) return [];
	const names = new Map(options.matchers.map((m) => [m.id, m.provider]));
	const providers = entries
		.map(([key, c]) => {
			const [id = '', dsn] = key.split(' ');
			return `${names.get(id) ?? id}${dsn ? ` ${dsn}` : ''}: ${c.count}`;
		})
		.join('; ');
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
		.map((b) => `${b.who}: ${b.counter.count} ${what} in ${b.hour}h (baseline ${Math.round(b.baseline * 10) / 10}/h)`)
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
		const user = composite.slice(0, composite.indexOf('\t')).replace(/^sasl_username=/, '');
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
