/**
 * postscreen and dnsblog lines: events per kind and per client, DNSBL ranks, and the lists
 * dnsblog reports a client on. Event names are Postfix's own words; Postfix 3.6 renamed
 * WHITELISTED/BLACKLISTED to ALLOWLISTED/DENYLISTED, and both spellings are kept apart as logged.
 */
import { bump, record } from './state.ts';
import type { PostfixExtras } from './types.ts';

type Postscreen = PostfixExtras['postscreen'];

/** Event → the words that begin its line; the client is the first `[address]` after them. */
const EVENTS: readonly (readonly [string, RegExp])[] = [
	// CONNECT from [192.0.2.1]:53024 to [198.51.100.2]:25
	['CONNECT', /^CONNECT from \[/],
	// PASS NEW [192.0.2.1]:30789   PASS OLD [2001:db8::3]:52237
	['PASS NEW', /^PASS NEW \[/],
	['PASS OLD', /^PASS OLD \[/],
	// DNSBL rank 3 for [192.0.2.1]:1038
	['DNSBL', /^DNSBL rank \d+ for \[/],
	// PREGREET 14 after 0.18 from [192.0.2.1]:5678: EHLO example.com\r\n
	['PREGREET', /^PREGREET \d+ after \S+ from \[/],
	// HANGUP after 2.5 from [192.0.2.1]:5678 in tests after SMTP handshake
	['HANGUP', /^HANGUP after \S+ from \[/],
	// COMMAND PIPELINING from [192.0.2.1]:42606 after .:
	['COMMAND PIPELINING', /^COMMAND PIPELINING from \[/],
	// COMMAND TIME LIMIT from [192.0.2.1]:3608 after CONNECT (also COUNT, LENGTH)
	['COMMAND TIME LIMIT', /^COMMAND TIME LIMIT from \[/],
	['COMMAND COUNT LIMIT', /^COMMAND COUNT LIMIT from \[/],
	['COMMAND LENGTH LIMIT', /^COMMAND LENGTH LIMIT from \[/],
	// BARE NEWLINE from [192.0.2.1]:42606 after .
	['BARE NEWLINE', /^BARE NEWLINE from \[/],
	// NON-SMTP COMMAND from [192.0.2.1]:45284 after CONNECT: GET / HTTP/1.1
	['NON-SMTP COMMAND', /^NON-SMTP COMMAND from \[/],
	// DATA without valid RCPT from [192.0.2.1]:12345 (BDAT too)
	['DATA without valid RCPT', /^DATA without valid RCPT from \[/],
	['BDAT without valid RCPT', /^BDAT without valid RCPT from \[/],
	// ALLOWLISTED [192.0.2.1]:61236 (WHITELISTED before Postfix 3.6)
	['ALLOWLISTED', /^ALLOWLISTED \[/],
	['WHITELISTED', /^WHITELISTED \[/],
	['ALLOWLIST VETO', /^ALLOWLIST VETO \[/],
	['WHITELIST VETO', /^WHITELIST VETO \[/],
	// DENYLISTED [192.0.2.1]:5678 (BLACKLISTED before Postfix 3.6)
	['DENYLISTED', /^DENYLISTED \[/],
	['BLACKLISTED', /^BLACKLISTED \[/],
	// DISCONNECT [192.0.2.1]:46794
	['DISCONNECT', /^DISCONNECT \[/],
	// NOQUEUE: reject: RCPT from [192.0.2.1]:4984: 550 5.7.1 Service unavailable; …
	['reject', /^reject: \S+ from \[/],
];

const RANK = /^DNSBL rank (\d+) /;
// addr 192.0.2.1 listed by domain zen.spamhaus.org as 127.0.0.4
const LISTED = /^addr (\S+) listed by domain (\S+) as /;

function countClient(postscreen: Postscreen, client: string, event: string): void {
	bump((postscreen.clients[client] ??= record<number>()), event);
}

/** A postscreen line (message after any queue id). */
export function observePostscreen(postscreen: Postscreen, message: string): void {
	for (const [event, pattern] of EVENTS) {
		const match = pattern.exec(message);
		if (!match) continue;
		bump(postscreen.events, event);
		const start = match[0].length;
		const end = message.indexOf(']', start);
		if (end > start) countClient(postscreen, message.slice(start, end), event);
		if (event === 'DNSBL') bump(postscreen.ranks, RANK.exec(message)![1]!);
		return;
	}
}

/** A dnsblog line: the list that names a client. */
export function observeDnsblog(postscreen: Postscreen, message: string): void {
	const listed = LISTED.exec(message);
	if (!listed) return;
	bump(postscreen.lists, listed[2]!.toLowerCase());
	countClient(postscreen, listed[1]!, 'listed');
}
