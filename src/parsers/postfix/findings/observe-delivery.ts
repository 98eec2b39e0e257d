/**
 * Delivery status lines: `to=<…>, relay=…, dsn=…, status=sent|deferred|bounced (reason)` from
 * smtp/lmtp/local/virtual/pipe, and qmgr's `status=expired`. They feed the blocklist matchers
 * (remote replies only), mail loops, destination health, the backlog and the delivery timeline.
 */
import { hourKey, secondsOf, type PostfixLine } from './read-line.ts';
import type { PostfixFindingsOptions } from './options.ts';
import type { DestDayCounter } from './dest-days.ts';
import { noteDeferred, type QueueIds } from './queue-ids.ts';
import { addTo } from './state.ts';
import type { Evidence, PostfixFindingsState } from './types.ts';

/** The line as evidence, made only when something is counted. */
export type Ref = () => Evidence;

const TO = /\bto=<([^>]*)>/;
const STATUS = /, status=([a-z-]+)(?: \((.*)\))?/;
const DSN = /, dsn=(\d\.\d{1,3}\.\d{1,3})/;
const FROM = /^from=<([^>]*)>/;
// `host mx.example[192.0.2.1] said: ` or `… refused to talk to me: ` before the remote reply.
const REPLY_START = /(?:\bsaid|refused to talk to me): /;
const IP_IN_BRACKETS = /\[(\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:]+)[\s\]]/;
const IP_PARAMETER = /[?&]0?ip=(\d{1,3}(?:\.\d{1,3}){3})/;
const INSTANCE_IP = /(\d{1,3}(?:\.\d{1,3}){3})/;
const ADDRESSES = /\[[0-9A-Fa-f.:]+\](?::\d+)?/g;

/** `mail forwarding loop for`, `loops back to myself`, hop limits, and DSN 5.4.6 (routing loop). */
const LOOP_KINDS: [RegExp, string][] = [
	[/mail forwarding loop for/, 'forwarding-loop'],
	[/loops back to myself/, 'loops-back-to-myself'],
	[/too many hops/i, 'too-many-hops'],
	[/too many received: headers/i, 'too-many-received-headers'],
	[/mailer loop/, 'mailer-loop'],
];

/** The loop kind a text names, or the DSN's: 5.4.6 always, 5.4.0 only with loop wording. */
export function loopKind(text: string, dsn?: string): string | undefined {
	for (const [pattern, kind] of LOOP_KINDS) if (pattern.test(text)) return kind;
	if (dsn === '5.4.6') return 'dsn-5.4.6';
	if (dsn === '5.4.0' && /\bloop/i.test(text)) return 'dsn-5.4.0';
	return undefined;
}

function domainOf(address: string): string {
	const at = address.lastIndexOf('@');
	return at < 0 ? '(local)' : address.slice(at + 1).toLowerCase();
}

/** Our sending IP: from an instance named after it (`postfix-192.0.2.7`), else from the reply. */
function sendingIp(instance: string, reply: string): string {
	return (
		INSTANCE_IP.exec(instance)?.[1] ??
		IP_IN_BRACKETS.exec(reply)?.[1] ??
		IP_PARAMETER.exec(reply)?.[1] ??
		'unknown'
	);
}

function matchBlocklist(
	state: PostfixFindingsState,
	options: CompiledOptions,
	line: PostfixLine,
	to: string,
	reason: string,
	dsn: string | undefined,
	ref: Ref,
): void {
	const start = REPLY_START.exec(reason);
	if (!start) return;
	const reply = reason.slice(start.index + start[0].length);
	const matcher = options.compiled.find(({ pattern }) => pattern.test(reply));
	if (!matcher) return;
	// Per provider and the DSN the line carries: `microsoft-banned-ip dsn=5.7.606`.
	addTo(state, 'blocklisted', dsn ? `${matcher.id} dsn=${dsn}` : matcher.id, ref);
	addTo(state, 'blocklisted-domain', domainOf(to), ref);
	addTo(state, 'blocklisted-ip', sendingIp(line.instance, reply), ref);
}

/** Options with the matchers' patterns compiled once. */
export interface CompiledOptions extends PostfixFindingsOptions {
	compiled: { id: string; pattern: RegExp }[];
}

function noteDelivery(state: PostfixFindingsState, t: number, ref: Evidence): void {
	const { deliveries } = state;
	const now = { t, ref };
	if (deliveries.last) {
		const gap = deliveries.gap ? deliveries.gap.to.t - deliveries.gap.from.t : -1;
		if (t - deliveries.last.t > gap) deliveries.gap = { from: deliveries.last, to: now };
	}
	deliveries.first ??= now;
	deliveries.last = now;
}

/** Handles a line whose message contains `status=`. */
export function observeStatus(
	state: PostfixFindingsState,
	options: CompiledOptions,
	line: PostfixLine,
	ref: Ref,
	ids: QueueIds,
	destDays: DestDayCounter,
): void {
	const status = STATUS.exec(line.message);
	if (!status) return;
	const word = status[1]!;
	const reason = status[2] ?? '';
	if (word === 'expired' || word === 'force-expired') {
		addTo(state, 'expired', FROM.exec(line.message)?.[1] ?? '', ref);
		return;
	}
	const to = TO.exec(line.message)?.[1];
	if (to === undefined) return;
	const domain = domainOf(to);
	const dsn = DSN.exec(line.message)?.[1];
	if (word === 'sent' || word === 'deferred' || word === 'bounced') destDays(hourKey(line).slice(0, 5), domain, word, ref);
	if (word === 'sent') {
		addTo(state, 'dest-sent', domain, ref);
		noteDelivery(state, secondsOf(line), ref());
		return;
	}
	if (word !== 'deferred' && word !== 'bounced') return;
	if (word === 'deferred') {
		addTo(state, 'dest-deferred', domain, ref);
		addTo(state, 'deferral-hour', hourKey(line), ref);
		addTo(state, 'deferral-reason', reason.replace(ADDRESSES, '[…]').slice(0, 100), ref);
		noteDeferred(ids, line.qid, ref);
	} else addTo(state, 'dest-bounced', domain, ref);
	const loop = loopKind(reason, dsn);
	if (loop) addTo(state, 'loop', loop, ref);
	else if (line.daemon === 'smtp' || line.daemon === 'lmtp')
		matchBlocklist(state, options, line, to, reason, dsn, ref);
}
