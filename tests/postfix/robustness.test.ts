import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseText } from '../../src/parsers/run.ts';
import { postfix } from '../../src/parsers/postfix/index.ts';
import { REAL_LINES } from './real-lines.ts';

const everything = postfix.cli!.read({
	now: '2021-02-01 12:00:00', 'smtpd-stats': true, e: true, 'rej-add-from': true, 'verp-mung-level': '2',
});
const verbose = postfix.cli!.read({ 'verbose-msg-detail': true, i: true, 'zero-fill': true, 'iso-date-time': true });

/** A real line changed the ways logs get damaged: cut short, bytes flipped, a field repeated. */
const mutatedLine = fc
	.tuple(fc.constantFrom(...REAL_LINES), fc.nat(), fc.nat(), fc.string({ minLength: 1, maxLength: 3 }), fc.nat(3))
	.map(([line, a, b, junk, how]) => {
		const i = a % (line.length + 1);
		const j = b % (line.length + 1);
		if (how === 0) return line.slice(0, i);
		if (how === 1) return line.slice(0, i) + junk + line.slice(i + junk.length);
		if (how === 2) return line.slice(0, i) + line.slice(Math.min(i, j), Math.max(i, j)) + line.slice(i);
		return line.slice(0, i) + junk + line.slice(j);
	});

test('random mutations of real lines never throw, in parsing or rendering', () => {
	fc.assert(
		fc.property(fc.array(mutatedLine, { minLength: 1, maxLength: 30 }), (lines) => {
			for (const options of [everything, verbose]) {
				const result = parseText(postfix, lines.join('\n'), options);
				expect(typeof postfix.renderText(result, options)).toBe('string');
				expect(postfix.renderView(result)).toBeTruthy();
			}
		}),
		{ numRuns: 300 },
	);
});

test('counts lines it cannot use by reason, with line numbers', () => {
	const text = [
		'Jan 27 06:36:56 mail dovecot: imap-login: Login: user=<a@example.test>',
		'\u0000\u0001garbage',
		'Jan 27 06:36:56 mail postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[192.0.2.1]: 554 5.7.1 no; from=<a@b> to=<c@d>',
		'Jan 27',
		'Jan 27 06:36:58 mail postfix/smtp[2]: ABC: to=<a@example.test>, relay=none, delay=1, status=weird (?)',
	].join('\n');
	const result = parseText(postfix, text, everything, 'bad.log');
	expect(result.unparsed.total).toBe(4);
	expect(result.unparsed.reasons['postfix/other-program']).toMatchObject({ count: 1, examples: [{ file: 'bad.log', line: 1 }] });
	expect(result.unparsed.reasons['postfix/no-syslog-header']).toMatchObject({ count: 2, examples: [{ line: 2 }, { line: 4 }] });
	expect(result.unparsed.reasons['postfix/unknown-status']).toMatchObject({ count: 1, examples: [{ line: 5 }] });
	expect(result.summary.rejected).toBe(1);
});

test('a line longer than 64 KiB is counted, not read', () => {
	const result = parseText(postfix, `Jan 27 06:36:56 mail postfix/smtpd[1]: ABC: client=${'a'.repeat(70_000)}`, everything);
	expect(result.unparsed.reasons['postfix/line-too-long']?.count).toBe(1);
	expect(result.summary.received).toBe(0);
});

test('a hostile __proto__ key is just another key', () => {
	const line = 'Jan 27 06:36:56 mail postfix/__proto__[1]: warning: __proto__';
	const result = parseText(postfix, line, everything);
	expect(Object.keys(result.summary.warnings)).toEqual(['__proto__']);
	expect(postfix.renderText(result, everything)).toContain('  __proto__ (total: 1)');
});

test.each([
	['smtp connect-to failures', 'postfix/smtp[1]: ABC: ', ' connect to a: b'],
	['smtp connect-to failures with brackets', 'postfix/smtp[1]: ABC: ', ' connect to a[b]: c'],
	['deferral reasons full of colons', 'postfix/smtp[1]: ABC: to=<a@b>, relay=x, delay=1, status=deferred (', 'a: '],
	['reject texts', 'postfix/smtpd[1]: NOQUEUE: reject: ', 'RCPT from x: reject: '],
	['cleanup checks', 'postfix/cleanup[1]: ABC: ', 'reject: header '],
	['client lines', 'postfix/smtpd[1]: ABC: client=', '[1]: a: client='],
	['reject reasons full of colons', 'postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[192.0.2.1]: 554 ', 'a: '],
	['unterminated recipients', 'postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[192.0.2.1]: 554 x; ', 'to=<a'],
])('a 60 KB line of repeated %s is read in linear time', (_name, prefix, unit) => {
	const line = `Jan 27 06:36:56 mail ${prefix}${unit.repeat(Math.ceil(60_000 / unit.length))})`;
	const started = performance.now();
	const result = parseText(postfix, line, everything);
	postfix.renderText(result, everything);
	expect(performance.now() - started).toBeLessThan(2000);
});
