/**
 * smtpd, postscreen, pickup and cleanup lines: messages received (for bursts), rejects (for
 * surges, RBL counts, relay probes) and the protocol abuse smtpd and postscreen report.
 */
import { hourKey, type PostfixLine } from './read-line.ts';
import { RATE_GROUPS, type RateCounter } from './rates.ts';
import { addTo } from './state.ts';
import type { Evidence, PostfixFindingsState } from './types.ts';

const [CLIENT_RATE, USER, SENDER] = RATE_GROUPS;

/** The line as evidence, made only when something is counted. */
export type Ref = () => Evidence;

const CLIENT_IP = /\[([^\]]+)\]/;
const CLIENT = /^client=([^,\s]+)/;
const SASL_USER = /, sasl_username=([^,]+)/;
const PICKUP_SENDER = /^(?:uid=\d+ )?(?:from|sender)=<([^>]*)>/;
const REJECT_CLIENT = /^reject: \S+ from (\S+?):? /;
const BLOCKED_USING = /blocked using (.+?)(?:;|,|\.\s|\.?$)/;

/** `unknown[192.0.2.5]` or `[192.0.2.5]:4711` → `192.0.2.5`; the text itself otherwise. */
function clientIp(client: string): string {
	return CLIENT_IP.exec(client)?.[1] ?? client;
}

/** Text after `from ` up to the next space or colon-space, as a client IP. */
function clientAfter(message: string, marker: string): string | undefined {
	const at = message.indexOf(marker);
	if (at < 0) return undefined;
	const rest = message.slice(at + marker.length);
	return clientIp(rest.split(/[\s,]|: /, 1)[0]!);
}

function observeReject(state: PostfixFindingsState, line: PostfixLine, ref: Ref): void {
	const { message } = line;
	addTo(state, 'reject-hour', hourKey(line), ref);
	if (line.daemon === 'cleanup') return;
	const client = clientIp(REJECT_CLIENT.exec(message)?.[1] ?? '');
	const rbl = BLOCKED_USING.exec(message);
	if (rbl) addTo(state, 'rbl', rbl[1]!.trim().toLowerCase(), ref);
	if (message.includes(': Relay access denied')) addTo(state, 'relay-denied', client, ref);
	if (message.includes('Improper use of SMTP command pipelining'))
		addTo(state, 'pipelining', client, ref);
}

// warning: unknown[192.0.2.5]: SASL LOGIN authentication failed: UGFzc3dvcmQ6
const SASL_FAILED = /^warning: (\S+): SASL \S+ authentication failed/;

/** smtpd and postscreen lines that name abuse. */
function observeAbuse(state: PostfixFindingsState, line: PostfixLine, ref: Ref): void {
	const { message } = line;
	let client: string | undefined;
	// warning: non-SMTP command from unknown[192.0.2.5]: To: alice@example.com
	// NON-SMTP COMMAND from [192.0.2.5]:45284 after CONNECT: GET / HTTP/1.1 (postscreen)
	if (
		(client =
			clientAfter(message, 'non-SMTP command from ') ??
			clientAfter(message, 'NON-SMTP COMMAND from '))
	)
		return addTo(state, 'non-smtp', client, ref);
	// improper command pipelining after HELO from unknown[192.0.2.7]: MAIL FROM:<x@example.com>
	// COMMAND PIPELINING from [192.0.2.4]:42606 after .: (postscreen)
	if (
		message.startsWith('improper command pipelining after ') ||
		message.startsWith('COMMAND PIPELINING from ')
	) {
		client = clientAfter(message, ' from ') ?? '';
		return addTo(state, 'pipelining', client, ref);
	}
	// PREGREET 14 after 0.18 from [192.0.2.4]:5678: EHLO example.com (postscreen)
	if (message.startsWith('PREGREET '))
		return addTo(state, 'pregreet', clientAfter(message, ' from ') ?? '', ref);
	const sasl = SASL_FAILED.exec(message);
	if (sasl) return addTo(state, 'sasl-failed', clientIp(sasl[1]!), ref);
	// lost connection after CONNECT from unknown[192.0.2.8]
	if (message.startsWith('lost connection after CONNECT from '))
		return addTo(state, 'connect-lost', clientAfter(message, ' from ') ?? '', ref);
}

/** Received messages: smtpd `client=` (with any SASL login) and pickup's sender. */
function observeReceived(state: PostfixFindingsState, line: PostfixLine, ref: Ref, rates: RateCounter): void {
	const { message } = line;
	const hour = hourKey(line);
	if (line.daemon === 'pickup') {
		const sender = PICKUP_SENDER.exec(message);
		if (!sender) return;
		addTo(state, 'received-hour', hour, ref);
		rates(SENDER, hour, sender[1]!, ref);
		return;
	}
	const client = CLIENT.exec(message);
	if (!client) return;
	const ip = clientIp(client[1]!);
	addTo(state, 'received-hour', hour, ref);
	rates(CLIENT_RATE, hour, ip, ref);
	const login = SASL_USER.exec(message)?.[1];
	if (login === undefined) return;
	// Kept as Postfix writes it, so that redaction (which knows `sasl_username=`) finds it.
	const user = `sasl_username=${login}`;
	rates(USER, hour, user, ref);
	addTo(state, 'sasl-user-ip', `${user}\t${ip}`, ref);
}

/** Handles a line of smtpd, postscreen, pickup or cleanup; messages received go to `rates`. */
export function observeSmtpd(state: PostfixFindingsState, line: PostfixLine, ref: Ref, rates: RateCounter): void {
	if (line.message.startsWith('reject: ')) return observeReject(state, line, ref);
	if (line.qid && line.qid !== 'NOQUEUE') return observeReceived(state, line, ref, rates);
	if (line.daemon === 'smtpd' || line.daemon === 'postscreen') observeAbuse(state, line, ref);
}
