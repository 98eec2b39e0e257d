/**
 * Reject classes: which restriction fired, read from the reply text Postfix logs with each
 * `reject:` (smtpd, postscreen, cleanup) and `milter-reject:` line. A table of patterns, first
 * match wins; the reply texts are those of Postfix's smtpd_check.c and postscreen, as found in
 * the corpus (`../shared/corpus/postfix/`) and our samples. DETAIL is bounded: a DNSBL's name, a
 * lookup table's name, or one of Postfix's fixed phrases — never the free text of an access map
 * (that can hold addresses and URLs, a new key per client).
 */
import { bump } from './state.ts';

export interface RejectClass {
	/** Stable id, kebab-case. */
	id: string;
	/** Which restriction or feature, for a person. */
	label: string;
	/** Tested against the reply text (or, with `line`, against the whole message). */
	pattern: RegExp;
	/** Test `pattern` against the message after the queue id instead of the reply. */
	line?: boolean;
	/** The capture group that is DETAIL (its text lower-cased for DNSBLs). */
	detail?: number;
}

/** The classes, in the order they are tried. */
export const REJECT_CLASSES: readonly RejectClass[] = [
	// reject: header Subject: alert from unknown[192.0.2.2]; from=<…> …: 5.7.1 subject blocked
	{
		id: 'content-checks',
		label: 'header_checks / body_checks (cleanup)',
		pattern: /^reject: (header|body|content|mime-header|nested-header) /,
		line: true,
		detail: 1,
	},
	// milter-reject: END-OF-MESSAGE from mx.example[192.0.2.3]: 4.7.1 Try again later; from=<…>
	{
		id: 'milter',
		label: 'milter',
		pattern: /^milter-reject: /,
		line: true,
	},
	// 554 5.7.1 Service unavailable; Client host [192.0.2.4] blocked using zen.spamhaus.org; …
	{
		id: 'dnsbl',
		label: 'DNSBL/RHSBL (reject_rbl_client, reject_rhsbl_*, postscreen)',
		pattern: /blocked using (.+?)(?:;|,|\.\s|\.?$)/,
		detail: 1,
	},
	// 554 5.7.1 <x@example.org>: Relay access denied
	{
		id: 'relay-access-denied',
		label: 'Relay access denied (reject_unauth_destination)',
		pattern: /Relay access denied/,
	},
	// 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in local recipient table
	{
		id: 'unknown-recipient',
		label: 'unknown recipient (local_recipient_maps, …)',
		pattern: /User unknown in ([\w ]+? table)/,
		detail: 1,
	},
	// 450 4.1.1 <x@example.org>: Recipient address rejected: undeliverable address: …
	{
		id: 'unverified-address',
		label: 'address verification (reject_unverified_*)',
		pattern: /(Sender|Recipient) address rejected: undeliverable address/,
		detail: 1,
	},
	// 450 4.1.8 <x@nonexistent.example>: Sender address rejected: Domain not found
	{
		id: 'sender-domain',
		label: 'sender domain (reject_unknown_sender_domain, reject_non_fqdn_sender)',
		pattern: /Sender address rejected: (Domain not found|need fully-qualified address|Malformed DNS server reply)/,
		detail: 1,
	},
	{
		id: 'recipient-domain',
		label: 'recipient domain (reject_unknown_recipient_domain, reject_non_fqdn_recipient)',
		pattern: /Recipient address rejected: (Domain not found|need fully-qualified address|Malformed DNS server reply)/,
		detail: 1,
	},
	// 550 5.7.25 Client host rejected: cannot find your hostname, [192.0.2.5]
	{
		id: 'client-hostname',
		label: 'client hostname (reject_unknown_*client_hostname)',
		pattern: /Client host rejected: (cannot find your (?:reverse )?hostname)/,
		detail: 1,
	},
	// 504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname
	{
		id: 'helo',
		label: 'HELO/EHLO (reject_*_helo_hostname, check_helo_access)',
		pattern: /Helo command rejected: (need fully-qualified hostname|Host not found|Invalid name|Malformed DNS server reply)?/,
		detail: 1,
	},
	// 554 5.7.1 <x@example.org>: Sender address rejected: Access denied (access maps, policies)
	{
		id: 'sender-access',
		label: 'sender (check_sender_access, policy)',
		pattern: /Sender address rejected/,
	},
	{
		id: 'recipient-access',
		label: 'recipient (check_recipient_access, policy)',
		pattern: /Recipient address rejected/,
	},
	{
		id: 'client-access',
		label: 'client (check_client_access, policy)',
		pattern: /Client host rejected/,
	},
	// 554 5.5.0 Error: … Improper use of SMTP command pipelining
	{
		id: 'pipelining',
		label: 'improper pipelining (reject_unauth_pipelining)',
		pattern: /Improper use of SMTP command pipelining/,
	},
	{
		id: 'message-size',
		label: 'message size (message_size_limit)',
		pattern: /Message size exceeds fixed limit/,
	},
	{
		id: 'multi-recipient-bounce',
		label: 'multi-recipient bounce (reject_multi_recipient_bounce)',
		pattern: /Multi-recipient bounce/,
	},
	// postscreen: reject: CONNECT from [192.0.2.6]:1337: too many connections
	{
		id: 'postscreen-limit',
		label: 'postscreen connection limits',
		pattern: /^(too many connections|all (?:server|screening) ports busy)/,
		detail: 1,
	},
	{ id: 'protocol-error', label: 'protocol error (postscreen)', pattern: /Protocol error/ },
];

/** What a reject with no class above is counted as. */
export const OTHER_REJECT = 'other';

// reject: RCPT from unknown[192.0.2.7]: 554 5.7.1 <x@example.org>: Relay access denied; from=…
const SMTPD_REPLY = /^(?:milter-)?reject: \S+ from \S+?: (.*)$/;
const CODE = /^(\d{3})[ -]/;
const DSN = /^(?:\d{3}[ -])?([245]\.\d{1,3}\.\d{1,3})(?=[\s;,]|$)/;

/** The reply Postfix logged: after the client (smtpd), or after the last `>: ` (cleanup). */
function replyOf(message: string): string {
	const smtpd = SMTPD_REPLY.exec(message);
	if (smtpd && !message.startsWith('reject: header ') && !message.startsWith('reject: body '))
		return smtpd[1]!;
	const at = message.lastIndexOf('>: ');
	return at < 0 ? '' : message.slice(at + 3);
}

/** Counts one `reject:` or `milter-reject:` message (after the queue id) into `rejects`. */
export function observeReject(rejects: Record<string, number>, message: string): void {
	const reply = replyOf(message);
	let id = OTHER_REJECT;
	let detail = '';
	for (const rule of REJECT_CLASSES) {
		const match = rule.pattern.exec(rule.line ? message : reply);
		if (!match) continue;
		id = rule.id;
		const text = rule.detail === undefined ? undefined : match[rule.detail];
		detail = text === undefined ? '' : id === 'dnsbl' ? text.trim().toLowerCase() : text;
		break;
	}
	const code = CODE.exec(reply)?.[1] ?? '';
	const dsn = DSN.exec(reply)?.[1] ?? '';
	bump(rejects, `${id}\t${detail}\t${code}\t${dsn}`);
}

/** `4xx`, `5xx` (from the reply code, else from the DSN's class), or `-`. */
export function replyClassOf(code: string, dsn: string): string {
	const digit = code[0] ?? dsn[0];
	return digit === undefined ? '-' : `${digit}xx`;
}
