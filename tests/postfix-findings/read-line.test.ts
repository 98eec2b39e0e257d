/** The collector's own reading of a raw line: program with syslog_name, queue id, message. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	createLineReader,
	hourKey,
	secondsOf,
} from '../../src/parsers/postfix/findings/read-line.ts';
import { readLines } from './collect.ts';

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

describe('the hand-written reading of program and queue id', () => {
	// What read-line.ts implements by hand, as regular expressions: the reference.
	const PROGRAM = /(postfix[^\s/[:]*(?:\/[^\s/[:]+)*)\/([^\s/[:]+)(?:\[\d+\])?: /y;
	const QUEUE_ID = /^(?:[0-9A-F]{6,}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,}|NOQUEUE): /;
	const HEADER = 'Jul  2 16:20:08 mx1 ';

	function byRegExp(text: string) {
		PROGRAM.lastIndex = HEADER.length;
		const program = PROGRAM.exec(text);
		if (!program) return undefined;
		let message = text.slice(PROGRAM.lastIndex);
		const id = QUEUE_ID.exec(message);
		if (id) message = message.slice(id[0].length);
		return { instance: program[1], daemon: program[2], qid: id ? id[0].slice(0, -2) : '', message };
	}

	// Lines shaped like `postfix…/…/daemon[pid]: qid: message`, each part drawn from real values
	// and near misses (an empty part, a bad pid, a space the patterns stop at, a vowel in a
	// long queue id).
	const word = fc.constantFrom('smtpd', 'submission', 'qmgr', 'smtp', '', 'a b', 'a\u00a0b', 'a\u2028', 'x:y', 'x[y');
	const line = fc.record({
		first: fc.constantFrom('postfix', 'postfix-msa', 'postfix-135.97.192.135', 'posting', 'Postfix', ''),
		parts: fc.array(word, { maxLength: 3 }),
		pid: fc.constantFrom('', '[123]', '[]', '[x]', '[12', '[1]]'),
		colon: fc.constantFrom(': ', ':', ' : ', ':\t', '\u00a0: '),
		qid: fc.constantFrom('', 'NOQUEUE', 'ABCDEF', 'ABCDE', 'abcdef', '4D6F918405C', '44JCRG5tYPzCqt2', '44JCRG5tYPzCqa2', 'warning', '123456789'),
		after: fc.constantFrom(': removed', ':removed', ': ', '', ' x', ': a: b'),
	});

	test('reads what the regular expressions read, and rejects what they reject', () => {
		const read = createLineReader();
		fc.assert(
			fc.property(line, ({ first, parts, pid, colon, qid, after }) => {
				const text = `${HEADER}${first}${parts.map((p) => `/${p}`).join('')}${pid}${colon}${qid}${after}`;
				const got = read(text);
				const expected = byRegExp(text);
				if (expected === undefined) expect(got).toBeUndefined();
				else expect({ instance: got?.instance, daemon: got?.daemon, qid: got?.qid, message: got?.message }).toEqual(expected);
			}),
			{ numRuns: 5000 },
		);
	});

	test('on every line of the samples and the corpus fixtures', () => {
		const read = createLineReader();
		const files = ['relay-week', 'abuse-day', 'clean-day'].map(
			(name) => new URL(`../../content/samples/postfix/${name}.log.gz`, import.meta.url),
		);
		let postfix = 0;
		for (const url of files) {
			for (const text of readLines(url)) {
				const rest = text.indexOf(' ', text.indexOf(':', 10) + 4) + 1;
				const header = text.slice(0, rest);
				PROGRAM.lastIndex = header.length;
				const program = PROGRAM.exec(text);
				const line = read(text);
				expect(line === undefined).toBe(program === null);
				if (!line || !program) continue;
				postfix++;
				expect([line.instance, line.daemon]).toEqual([program[1], program[2]]);
				const id = QUEUE_ID.exec(text.slice(PROGRAM.lastIndex));
				expect(line.qid).toBe(id ? id[0].slice(0, -2) : '');
			}
		}
		expect(postfix).toBeGreaterThan(2500);
	});
});
