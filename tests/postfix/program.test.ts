import { expect, test } from 'vitest';
import { createProgramReader } from '../../src/parsers/postfix/program.ts';

test.each([
	['postfix/smtpd[123]: 4DLBsQ0c6Bz1xJ9: client=x[192.0.2.1]', 'postfix', 'smtpd', '4DLBsQ0c6Bz1xJ9'],
	['postfix/submission/smtpd[1]: NOQUEUE: reject: RCPT from x', 'postfix', 'smtpd', 'NOQUEUE'],
	['postfix/smtps/smtpd[1]: connect from x[192.0.2.1]', 'postfix', 'smtpd', 'connect'],
	['postfix/sender-cleanup/cleanup[7]: ABC123: message-id=<a@b>', 'postfix', 'sender-cleanup/cleanup', 'ABC123'],
	['postfix/qmgr[1]: ABC: removed', 'postfix', 'qmgr', 'ABC'],
	['postfix/smtpd: warning: no pid', 'postfix', 'smtpd', 'warning'],
	['postfix-script[99]: fatal: the Postfix mail system is already running', 'postfix', 'postfix-script', 'fatal'],
	['postfix[99]: Postfix is running with backwards-compatible default settings', 'postfix', 'postfix', 'Postfix'],
	['postfix-out/smtp[5]: ABC: to=<a@b>', 'postfix-out', 'smtp', 'ABC'],
	['postfix-239.58.50.50/smtpd[5]: ABC: client=x', 'postfix-239.58.50.50', 'smtpd', 'ABC'],
	['postfix/smtpd[1]: : : x: y', 'postfix', 'smtpd', 'x'],
])('reads %s with --syslog-name %s as %s / %s', (text, name, cmd, qid) => {
	const out = { cmd: '', qid: '' };
	expect(createProgramReader(name)(text, 0, out)).toBe(true);
	expect(out).toEqual({ cmd, qid });
});

test.each([
	['dovecot: imap-login: Login: user=<a@b>', 'postfix'],
	['postfix-out/smtp[5]: ABC: to=<a@b>', 'postfix'],
	['postfix/smtpd[1]:', 'postfix'],
	['amavis[1]: (01234-01) Passed CLEAN', 'postfix'],
])('does not read %s as Postfix with --syslog-name %s', (text, name) => {
	expect(createProgramReader(name)(text, 0, { cmd: '', qid: '' })).toBe(false);
});
