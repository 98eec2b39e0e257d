/**
 * pflogsumm's `proc_smtpd_reject`: counts one smtpd `reject:` (or `reject_warning:`, `hold:`,
 * `discard:`) line and files it under type (`RCPT`, `MAIL`, …) → short reason → who.
 */
import { asciiLower, clientDomain, isTrue, mungVerp } from '../strings.ts';
import { mungSrs } from './newer-options.ts';
import { bump3, bumpDay, type ParseState } from '../state.ts';
import type { Nested3, PostfixSummary } from '../summary.ts';

export type RejectKind = 'reject' | 'reject_warning' | 'hold' | 'discard';

const TARGETS = {
	reject: ['rejected', 'rejectDetail'],
	reject_warning: ['rejectWarnings', 'rejectWarningDetail'],
	hold: ['held', 'holdDetail'],
	discard: ['discarded', 'discardDetail'],
} as const satisfies Record<RejectKind, [keyof PostfixSummary, keyof PostfixSummary]>;

const S = '[^ \\t\\n\\v\\f\\r]';
const PARTS = new RegExp(`^.* \\b(?:reject(?:_warning)?|hold|discard): (${S}+) from (${S}+?): (.*)$`, 's');
/** PARTS without its `^.*`, to walk the candidate positions left to right. */
const PARTS_FROM = new RegExp(PARTS.source.slice(3), 'sg');
/** Candidates walked before PARTS itself is run (a hostile line may repeat the words). */
const MAX_CANDIDATES = 16;

/**
 * PARTS' groups. Its greedy `^.*` makes V8 back off from the end of the line one character at
 * a time; the same match (the last position where the rest matches) is found by walking the
 * matches forward, which costs about half on usual lines.
 */
function findParts(rest: string): RegExpExecArray | null {
	let last: RegExpExecArray | null = null;
	PARTS_FROM.lastIndex = 0;
	for (let n = 0, match = PARTS_FROM.exec(rest); match; n++, match = PARTS_FROM.exec(rest)) {
		if (n === MAX_CANDIDATES) return PARTS.exec(rest);
		last = match;
		PARTS_FROM.lastIndex = match.index + 1;
	}
	return last;
}

/**
 * `text.replace(pattern, '$a$b')` for a pattern without the g flag: the first match becomes
 * groups `a` and `b` (an unmatched group is ''), without the template parsing of replace().
 */
function replaceFirst(text: string, pattern: RegExp, a: number, b = -1): string {
	const match = pattern.exec(text);
	if (!match) return text;
	const middle = (match[a] ?? '') + (b < 0 ? '' : (match[b] ?? ''));
	return text.slice(0, match.index) + middle + text.slice(match.index + match[0].length);
}

/**
 * The short reason pflogsumm shows for each type of rejected command. Each substitution is tried
 * only when the text holds what its pattern needs, which leaves its result unchanged.
 */
function shortReason(type: string | undefined, reason: string | undefined): string | undefined {
	if (reason === undefined) return undefined;
	if (type === 'RCPT' || type === 'DATA' || type === 'CONNECT') {
		let out = reason;
		if (out.charCodeAt(4) === 60) out = replaceFirst(out, /^(\d{3} <).*?(>:)/s, 1, 2);
		if (out.includes('Protocol error;')) out = replaceFirst(out, /^(?:\d{3} \d\.\d\.\d )(Protocol error);.*$/s, 1);
		out = replaceFirst(out, /^(?:.*?[:;] )(?:\[[^\]]+\] )?([^;,]+)[;,].*$/s, 1);
		if (out.includes(' address rejected: ')) out = replaceFirst(out, /^((?:Sender|Recipient) address rejected: [^:]+):.*$/s, 1);
		if (out.includes(' blocked')) out = out.replace(/(client|Client host|Sender address) .+? blocked/s, 'blocked');
		return out;
	}
	if (type === 'MAIL') return replaceFirst(reason, /^\d{3} (?:<.+>: )?([^;:]+)[;:]?.*$/s, 1);
	return replaceFirst(reason, /^(?:.*[:;] )?([^,]+).*$/s, 1);
}

function recipientOf(rest: string | undefined): string {
	if (rest === undefined) return '<>';
	const match = /to=<([^>]+)>/.exec(rest) ?? /\d{3} <([^>]+)>: User unknown /.exec(rest) ?? /to=<(.*?)(?:[, ]|$)/s.exec(rest);
	return match ? match[1]! : '<>';
}

/**
 * Where the line goes under its reason: the sender, the recipient or the client. With
 * `--rej-add-to` (pflogsumm 1.1.7+, rows as 1.3.0 prints them) a sender reject becomes
 * `client (from -> to)` and a client reject `client  (> to)`, or `client  (from -> to)` with
 * `--rej-add-from` too; without it every row is 1.1.5's.
 */
function detailKey(state: ParseState, reason: string, parts: RegExpExecArray | null): [string, string] {
	const { ignoreCase, rejAddFrom, rejAddTo, verpMung } = state.options;
	const rest = parts?.[3];
	let to = recipientOf(rest);
	if (ignoreCase) to = asciiLower(to);
	let from = (rest === undefined ? null : /from=<([^>]+)>/.exec(rest)?.[1]) ?? '<>';
	from = mungSrs(mungVerp(from, verpMung), state.options.srsMung);
	if (ignoreCase) from = asciiLower(from);
	const client = clientDomain(parts?.[2] ?? '');
	if (reason.startsWith('Sender address rejected:')) return [reason, rejAddTo ? (isTrue(to) ? `${client} (${from} -> ${to})` : client) : from];
	if (reason.startsWith('Recipient address rejected:') || reason === 'User unknown' || reason.startsWith('User unknown ')) {
		return [reason, rejAddFrom ? `${to}  (${isTrue(from) ? from : client})` : to];
	}
	// The three patterns below are tried only when the reason holds their fixed words.
	const pipelining = reason.includes('Improper use') ? /^.*?\d{3} (Improper use of SMTP command pipelining);.*$/s.exec(reason) : null;
	if (pipelining) return [pipelining[1]!, new RegExp(`^.+? from (${S}+?):.*$`, 's').exec(state.rest)?.[1] ?? ''];
	const withFrom = rejAddFrom ? `${client}  (${from})` : client;
	const size = reason.includes('Message size') ? /^.*?\d{3} (Message size exceeds fixed limit);.*$/s.exec(reason) : null;
	if (size) return [size[1]!, withFrom];
	const config = reason.includes('Server configuration') ? /^.*?\d{3} (Server configuration (?:error|problem));.*$/s.exec(reason) : null;
	if (config) return [`(Local) ${config[1]}`, withFrom];
	// pflogsumm 1.3.0 files this reason in a branch of its own that never adds the recipient.
	if (!rejAddTo || !isTrue(to) || reason === 'Helo command rejected: Invalid name') return [reason, withFrom];
	return [reason, rejAddFrom ? `${client}  (${from} -> ${to})` : `${client}  (> ${to})`];
}

/**
 * Jan 27 10:12:41 mail postfix/smtpd[9077]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 554
 * 5.7.1 <spam@example.net>: Relay access denied; from=<a@example.org> to=<spam@example.net>
 * proto=ESMTP helo=<x>
 */
export function handleSmtpdReject(state: ParseState, kind: RejectKind): void {
	const { summary } = state;
	const [counter, detail] = TARGETS[kind];
	summary[counter]++;
	if (state.stamp.hour < 24) summary.hours.rejected[state.stamp.hour]!++;
	bumpDay(state, 4);
	if (state.options.rejectDetail === 0) return;
	const parts = findParts(state.rest);
	const type = parts?.[1];
	const reason = state.options.verboseMsgDetail ? parts?.[3] : shortReason(type, parts?.[3]);
	const [key, who] = detailKey(state, reason ?? '', parts);
	bump3(summary[detail] as Nested3, type ?? '', key, who);
}
