/**
 * SASL logins and failures of the SMTP server, and TLS sessions of the server (inbound) and the
 * client (outbound).
 */
import { bump } from './state.ts';
import type { PostfixExtras } from './types.ts';

// client=unknown[192.0.2.2], sasl_method=PLAIN, sasl_username=carol
const SASL_LOGIN = /, sasl_method=([^,\s]+)(?:, sasl_username=([^,]*))?/;
// warning: unknown[192.0.2.9]: SASL LOGIN authentication failed: UGFzc3dvcmQ6
// warning: unknown[192.0.2.9]: SASL PLAIN authentication failed: (reason unavailable),
//   sasl_username=dave   (Postfix 3.9 appends the login)
const SASL_FAILED = /^warning: [^\s[]*\[([^\]]+)\]: SASL (\S+) authentication failed\b/;
const FAILED_USER = /, sasl_username=([^,]+)$/;

/** smtpd's `client=…` line of a message: a successful login when it names a SASL method. */
export function observeSaslLogin(sasl: PostfixExtras['sasl'], message: string): void {
	const login = SASL_LOGIN.exec(message);
	if (!login) return;
	bump(sasl.success, login[1]!.toUpperCase());
	// Kept as Postfix writes it, so that redaction (which knows `sasl_username=`) rewrites it.
	if (login[2]) bump(sasl.users, `sasl_username=${login[2]}`);
}

/** smtpd's warning for a failed AUTH; false when the line is not one. */
export function observeSaslFailure(sasl: PostfixExtras['sasl'], message: string): boolean {
	const failed = SASL_FAILED.exec(message);
	if (!failed) return false;
	bump(sasl.failure, failed[2]!.toUpperCase());
	bump(sasl.failedClients, failed[1]!);
	const user = FAILED_USER.exec(message)?.[1];
	if (user !== undefined && user !== '(unavailable)')
		bump(sasl.failedUsers, `sasl_username=${user}`);
	return true;
}

// Anonymous TLS connection established from mx.example[192.0.2.3]: TLSv1.3 with cipher
//   TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 …
// Verified TLS connection established to mx.example[192.0.2.4]:25: TLSv1.2 with cipher ECDHE-…
// (tls_log_summary() in src/tls/tls_misc.c; `reused` for a resumed session, older Postfix
// writes no trust word, and a server with SNI adds ` to <name>` after the client.)
const TLS = new RegExp(
	'^(?:(Anonymous|Untrusted|Trusted|Verified) )?TLS connection (?:established|reused) ' +
		'(from|to) \\S+?(?: to \\S+)?: (\\S+) with cipher (\\S+)',
);

/** A TLS session summary; false when the line is not one. */
export function observeTls(tls: PostfixExtras['tls'], message: string): boolean {
	const session = TLS.exec(message);
	if (!session) return false;
	const direction = session[2] === 'from' ? 'in' : 'out';
	bump(tls, `${direction}\t${session[1] ?? '-'}\t${session[3]}\t${session[4]}`);
	return true;
}
