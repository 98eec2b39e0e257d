/**
 * Lines about one queued message: qmgr's `from=<…>, size=`, the delivery agents' `to=<…>,
 * relay=…, status=…`, pickup's `sender=|uid=`, and Postfix 2.x smtp `connect to` failures.
 */
import { addUnparsed } from '../../tally.ts';
import { asciiLower, detach, isTrue, mungVerp, perlNumber, trimSaid } from '../strings.ts';
import { mungSrs } from './newer-options.ts';
import { bump2, bumpDay, carriedOps, countReceived, DAEMON, forget, queued, row, type ParseState } from '../state.ts';
import type { CountSize, DomainDelivery } from '../summary.ts';

const S = '[^ \\t\\n\\v\\f\\r]';
const FROM_SIZE = /from=<([^>]*)>, size=(\d+)/;
const TO = new RegExp(
	'to=<([^>]*)>, (?:orig_to=<([^>]*)>, )?relay=([^,]+), (?:conn_use=[^,]+, )?delay=([^,]+), ' +
		// pflogsumm ends with `(.*)$`, which always matches: the rest is read after the match instead.
		`(?:delays=[^,]+, )?(?:dsn=[^,]+, )?status=(${S}+)`,
	's',
);
// pflogsumm's `/.* connect to …/`: its greedy `.*` picks the last ` connect to ` where the rest
// matches, so the rest is tried at each occurrence from the right (see lastMatch).
const SMTP_V2 = new RegExp(` connect to (${S}+?): ([^;]+); address ${S}+ port.*$`, 'sy');
const SMTP_V2_BRACKETS = new RegExp(` connect to ([^[]+)\\[${S}+?\\]: (.+?) \\(port \\d+\\)$`, 'sy');
/** Characters a hostile line may make us scan for one pattern before we give up on it. */
const SCAN_BUDGET = 4_000_000;

const UUCP = /^(.*!)*([^!]+)!([^!@]+)@([^.]+)$/s;

/** pflogsumm's address folding: `-m` UUCP rewrite, then the domain part lower-cased (all with `-i`). */
function foldAddress(state: ParseState, raw: string): string {
	let address = raw;
	if (state.options.uucpMung) {
		const uucp = UUCP.exec(address);
		if (uucp) address = `${uucp[4]}!${uucp[1] ?? ''}${uucp[3]}@${uucp[2]}`;
	}
	if (state.options.ignoreCase) return asciiLower(address);
	const at = address.indexOf('@');
	if (at < 0 || at === address.length - 1) return address;
	const domain = address.slice(at);
	const lower = asciiLower(domain);
	return lower === domain ? address : address.slice(0, at) + lower;
}

/** `s/^[^@]+\@//`: the part after the first `@`, when something precedes it. */
function domainOf(address: string): string {
	const at = address.indexOf('@');
	return at > 0 ? address.slice(at + 1) : address;
}

/**
 * Adds to the message's `-e` list (when asked for): each address once in memory however many
 * lists hold it, each list copied at its exact length (a pushed array reserves 17 slots). A
 * 203 MB log's lists took ~120 MB of heap, now ~60 MB.
 */
function addDetail(state: ParseState, entry: string): void {
	const details = state.summary.messageDetail;
	if (details === null) return;
	let kept = state.interned.get(entry);
	if (kept === undefined) state.interned.set((kept = detach(entry)), kept);
	const list = details[state.qid];
	details[state.qid] = list === undefined ? [kept] : list.concat(kept);
}

/** Jan 27 06:37:58 mail postfix/qmgr[1058]: 4DLBsQ0c6Bz1xJ9: from=<a@example.org>, size=3456, nrcpt=1 (queue active) */
function handleFromSize(state: ParseState, match: RegExpExecArray): void {
	const { qid, summary } = state;
	const message = state.messages.get(qid);
	const ops = carriedOps(state, message !== undefined);
	const size = match[2]!;
	// A carried message's size line is noted even when ignored here: a merge decides again.
	if (isTrue(message?.size) && ops === undefined) return;
	let address = match[1]!;
	address = address === '' ? 'from=<>' : mungSrs(mungVerp(foldAddress(state, address), state.options.verpMung), state.options.srsMung);
	ops?.push(['s', detach(address), detach(size), summary.messageDetail === null ? 0 : 1]);
	if (isTrue(message?.size)) return;
	(message ?? queued(state)).size = size;
	addDetail(state, address);
	const client = message?.client;
	if (!isTrue(client)) return;
	const bytes = Number(size);
	// pflogsumm: `/^[^@]+\@(.+)$/` — after the first `@`, when something precedes and follows it.
	const at = address.indexOf('@');
	const domain = at > 0 && at < address.length - 1 ? address.slice(at + 1) : client === 'pickup' ? address : client!;
	const byDomain = row(state.tables.senderDomains, domain, 2) as CountSize;
	byDomain[0]++;
	byDomain[1] += bytes;
	const bySender = row(state.tables.senders, address, 2) as CountSize;
	bySender[0]++;
	bySender[1] += bytes;
	summary.bytesReceived += bytes;
	message!.client = undefined;
}

function raiseMaxDelay(row: DomainDelivery, delay: number): void {
	if (!row[4] || delay > row[4]) row[4] = delay;
}

function countSent(state: ParseState, address: string, domain: string, delay: number): void {
	const { summary, qid } = state;
	const byDomain = row(state.tables.recipientDomains, domain, 5) as DomainDelivery;
	byDomain[0]++;
	byDomain[3] += delay;
	raiseMaxDelay(byDomain, delay);
	const user = row(state.tables.recipients, address, 2) as CountSize;
	user[0]++;
	if (state.stamp.hour < 24) summary.hours.delivered[state.stamp.hour]!++;
	bumpDay(state, 1);
	summary.delivered++;
	const message = state.messages.get(qid);
	carriedOps(state, message !== undefined)?.push([
		'd', detach(address), detach(domain), state.options.noNoMsgSize ? 0 : 1, summary.messageDetail === null ? 0 : 1,
	]);
	const size = message?.size;
	if (isTrue(size)) {
		const bytes = Number(size);
		byDomain[1] += bytes;
		user[1] += bytes;
		summary.bytesDelivered += bytes;
	} else {
		if (!state.options.noNoMsgSize) summary.noSize[qid] = detach(address);
		addDetail(state, '(sender not in log)');
	}
	addDetail(state, address);
}

function countDeferred(state: ParseState, domain: string, delay: number): void {
	const { summary, options, qid } = state;
	if (options.deferralDetail !== 0) {
		let reason = /, status=deferred \(([^)]+)/.exec(state.rest)?.[1] ?? '';
		if (!options.verboseMsgDetail) reason = trimSaid(reason, 65).replace(/^\d{3} /, '').replace(/^connect to /, '');
		bump2(summary.deferralDetail, state.cmd, reason);
	}
	if (state.stamp.hour < 24) summary.hours.deferred[state.stamp.hour]!++;
	bumpDay(state, 2);
	summary.deferrals++;
	carriedOps(state, state.messages.has(qid))?.push(['f']);
	const message = queued(state);
	if (!message.deferred) {
		message.deferred = true;
		summary.deferred++;
	}
	const byDomain = row(state.tables.recipientDomains, domain, 5) as DomainDelivery;
	byDomain[2]++;
	raiseMaxDelay(byDomain, delay);
}

function countBounced(state: ParseState, relay: string): void {
	const { summary, options } = state;
	if (options.bounceDetail !== 0) {
		let reason = /, status=bounced \((.+)\)/s.exec(state.rest)?.[1] ?? '';
		if (!options.verboseMsgDetail) reason = trimSaid(reason, 66).replace(/^\d{3} /, '');
		bump2(summary.bounceDetail, relay, reason);
	}
	if (state.stamp.hour < 24) summary.hours.bounced[state.stamp.hour]!++;
	bumpDay(state, 3);
	summary.bounced++;
}

/**
 * Jan 27 06:37:59 mail postfix/lmtp[23020]: 4DLBsQ0c6Bz1xJ9: to=<b@example.com>,
 * relay=mail.example.com[private/dovecot-lmtp], delay=0.39, delays=0.3/0.01/0.01/0.07, dsn=2.0.0,
 * status=sent (250 2.0.0 <b@example.com> Saved)
 */
function handleDelivery(state: ParseState, match: RegExpExecArray): void {
	// --use-orig-to (pflogsumm 1.1.7+): a non-empty orig_to= stands in for to=.
	const origTo = match[2];
	const address = foldAddress(state, state.options.useOrigTo && isTrue(origTo) ? origTo! : match[1]!);
	const relay = state.options.ignoreCase ? asciiLower(match[3]!) : match[3]!;
	const delay = perlNumber(match[4]!);
	const status = match[5]!;
	const domain = domainOf(address);
	if (status === 'sent') {
		if (state.rest.includes('forwarded as ', match.index + match[0].length)) state.summary.forwarded++;
		else countSent(state, address, domain, delay);
	} else if (status === 'deferred') countDeferred(state, domain, delay);
	else if (status === 'bounced') countBounced(state, relay);
	else addUnparsed(state.unparsed, 'postfix/unknown-status', state.lineNo, state.rest, state.file);
}

/**
 * The match of `^.*` + `sticky` with the rightmost start at an occurrence of ` connect to `; null
 * when none, undefined when a pathological line would cost more than SCAN_BUDGET.
 */
function lastMatch(text: string, sticky: RegExp): RegExpExecArray | null | undefined {
	let spent = 0;
	for (let at = text.lastIndexOf(' connect to '); at >= 0; at = at === 0 ? -1 : text.lastIndexOf(' connect to ', at - 1)) {
		spent += text.length - at;
		if (spent > SCAN_BUDGET) return undefined;
		sticky.lastIndex = at;
		const match = sticky.exec(text);
		if (match) return match;
	}
	return null;
}

/**
 * Jan 27 06:53:01 mail postfix/smtp[3011]: connect to mx.example.net[192.0.2.8]: Connection timed out (port 25)
 *
 * Returns whether the line was counted (a line too costly to read is counted as unparsed).
 */
function handleSmtpFailure(state: ParseState): boolean {
	const match = lastMatch(state.rest, SMTP_V2) ?? lastMatch(state.rest, SMTP_V2_BRACKETS);
	if (match) bump2(state.summary.smtpFailures, asciiLower(match[2]!), match[1]!);
	else if (match === undefined) addUnparsed(state.unparsed, 'postfix/too-costly', state.lineNo, state.rest, state.file);
	return match !== null;
}

/**
 * Everything pflogsumm's last branch reads; `removed` also ends our memory of the queue id.
 * Returns whether a pattern took the line (pflogsumm 1.3.0's `--unprocd-file` lists the rest).
 */
export function handleQueueLine(state: ParseState): boolean {
	const { rest, daemon } = state;
	if (rest.includes(', size=')) {
		const match = FROM_SIZE.exec(rest);
		if (match) {
			handleFromSize(state, match);
			return true;
		}
	}
	if (rest.includes('to=<')) {
		const match = TO.exec(rest);
		if (match) {
			handleDelivery(state, match);
			return true;
		}
	}
	if (daemon === DAEMON.pickup) {
		if (!/: (sender|uid)=/.test(rest)) return false;
		countReceived(state);
		state.carried.get(state.qid)?.push(['r', 'pickup']);
		queued(state).client = 'pickup';
		return true;
	}
	if (daemon === DAEMON.smtp) {
		return state.options.smtpDetail !== 0 && rest.includes(' connect to ') && handleSmtpFailure(state);
	}
	// qmgr's `removed`, or postsuper's after `postsuper -d` (pflogsumm reads neither).
	if ((daemon !== DAEMON.qmgr && daemon !== DAEMON.postsuper) || !rest.endsWith(': removed')) return false;
	forget(state);
	return true;
}
