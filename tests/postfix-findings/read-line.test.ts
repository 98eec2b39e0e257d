/** The collector's own reading of a raw line: program with syslog_name, queue id, message. */
import { describe, expect, test } from 'vitest';
import {
	createLineReader,
	hourKey,
	secondsOf,
} from '../../src/parsers/postfix/findings/read-line.ts';

const read = createLineReader();

describe('a Postfix line', () => {
	test.each([
		// relay-week.log.gz:699
		[
			'Jul  2 16:20:08 mx1 postfix/submission/smtpd[16747]: NOQUEUE: reject: RCPT from unknown[127.0.0.4]: 554',
			'smtpd',
			'postfix/submission',
			'NOQUEUE',
			'reject: RCPT from unknown[127.0.0.4]: 554',
		],
		// relay-week.log.gz:707 (non-default syslog_name)
		[
			'Jul  2 16:20:08 mx1 postfix-msa/smtpd[16749]: NOQUEUE: reject: x',
			'smtpd',
			'postfix-msa',
			'NOQUEUE',
			'reject: x',
		],
		// lightmeter-go-test-lines.log:47 (instance named after its IP), long queue id
		[
			'Jan 22 06:01:00 smtpnode51 postfix-135.97.192.135/smtp[5743]: 4B0D5410DE: to=<a@b>',
			'smtp',
			'postfix-135.97.192.135',
			'4B0D5410DE',
			'to=<a@b>',
		],
		// fail2ban-postfix.log:48 (enable_long_queue_ids)
		[
			'Mar 11 23:27:54 server postfix-smo/submission/smtpd[22427]: 44JCRG5tYPzCqt2: reject: BDAT',
			'smtpd',
			'postfix-smo/submission',
			'44JCRG5tYPzCqt2',
			'reject: BDAT',
		],
		// a warning is not a queue id
		[
			'Jul  1 08:33:02 mx1 postfix/smtpd[15437]: warning: database x.db is older than source file x',
			'smtpd',
			'postfix',
			'',
			'warning: database x.db is older than source file x',
		],
		// lightmeter-25 RFC 3339 with microseconds
		[
			'2021-01-27T06:36:56.123456+01:00 mail postfix/qmgr[1]: ABCDEF12: removed',
			'qmgr',
			'postfix',
			'ABCDEF12',
			'removed',
		],
	])('%s', (text, daemon, instance, qid, message) => {
		expect(read(text)).toMatchObject({ daemon, instance, qid, message });
	});

	test('has its hour and a time in seconds (classic lines as if in 2000, RFC 3339 in their year)', () => {
		const classic = read('Jul  2 16:20:08 mx1 postfix/smtpd[1]: connect from x')!;
		expect([hourKey(classic), secondsOf(classic)]).toEqual([
			'07-02 16',
			Date.UTC(2000, 6, 2, 16, 20, 8) / 1000,
		]);
		const rfc = read('2021-01-27T06:36:56.123456+01:00 mail postfix/qmgr[1]: ABCDEF12: removed')!;
		expect([hourKey(rfc), secondsOf(rfc)]).toEqual([
			'01-27 06',
			Date.UTC(2021, 0, 27, 6, 36, 56) / 1000,
		]);
	});
});

describe('not a Postfix line', () => {
	test.each([
		['another program', 'Jan 28 06:36:56 mail dovecot: lmtp(1): Connect from local'],
		['no syslog header', 'postfix/smtpd[1]: connect from x'],
		[
			'postfix-script (no daemon part)',
			'Jul  6 07:48:00 mx1 postfix/postfix-script[1]: stopping the Postfix mail system'.replace(
				'postfix/postfix-script',
				'postfix-script',
			),
		],
		['empty', ''],
	])('%s', (_name, text) => {
		expect(read(text)).toBeUndefined();
	});
});
