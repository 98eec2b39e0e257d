import { expect, test } from 'vitest';
import { formatClock, formatCount, formatFixed1, formatInt } from '../../src/parsers/postfix/format.ts';
import { clientDomain, mungVerp, normalizeHost, trimSaid } from '../../src/parsers/postfix/strings.ts';

test.each([
	[0, '     0 '],
	[524288, '524288 '],
	[524289, '   512k'],
	[3407872, '  3328k'],
	[536870912, '524288k'],
	[536870913, '   512m'],
])('prints %i as pflogsumm %%6d%%s with k/m units: %j', (value, text) => {
	expect(formatCount(value)).toBe(text);
});

test.each([
	[0.25, '  0.2'], [0.75, '  0.8'], [1.25, '  1.2'], [2.5, '  2.5'], [0.05, '  0.1'],
	[0.15, '  0.1'], [33.6, ' 33.6'], [123.45, '123.5'], [1234.5678, '1234.6'],
])('prints %d with C rounding as %j', (value, text) => {
	expect(formatFixed1(value, 5)).toBe(text);
});

test('truncates %d toward zero and prints durations as h:mm:ss', () => {
	expect(formatInt(2.99, 6)).toBe('     2');
	expect(formatInt(-2.5, 3)).toBe(' -2');
	expect(formatClock(3725)).toBe(' 1:02:05');
});

test.each([
	['mail.example.com[192.0.2.1]', 'example.com'],
	['MX.Example.COM[192.0.2.1]', 'example.com'],
	['a.b.example.co.uk[192.0.2.1]', 'example.co.uk'],
	['mx.example.test[192.0.2.1]', 'mx.example.test'],
	['unknown[192.0.2.1]', '192.0.2.1'],
	['unknown[2001:db8::1]', '2001:db8::1'],
	['h-1.example[2001:db8::1] ehlo=1 quit=1 commands=2', ''],
	['localhost[127.0.0.1]', 'localhost'],
])('gimme_domain(%j) is %j', (client, domain) => {
	expect(clientDomain(client)).toBe(domain);
});

test.each([
	['alice@fieldnotes.test', 'testfieldnotesalice'],
	['192.0.2.10', '\u00c0\u0000\u0002\u000a'],
	['Non-SMTP command from x', 'non-smtp'],
	['', ''],
])('normalize_host(%j) is %j', (key, normalized) => {
	expect(normalizeHost(key)).toBe(normalized);
});

test('verp munging follows pflogsumm\'s two levels', () => {
	const address = 'list-return-36-someuser=someplace.com@lists.example.com';
	expect(mungVerp(address, null)).toBe(address);
	expect(mungVerp(address, 0)).toBe('list-return-ID-someuser=someplace.com@lists.example.com');
	// Expected values checked with perl running pflogsumm's two substitutions.
	expect(mungVerp(address, 2)).toBe('list-return-ID@lists.example.com');
});

test('said_string_trimmer drops up to the last " said: ", then prefixes, then cuts', () => {
	const said = 'host mx.example.net[192.0.2.8] said: 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)';
	// Checked with perl running pflogsumm's said_string_trimmer.
	expect(trimSaid(said, 66)).toBe('User unknown in virtual mailbox table (in reply to RCPT TO comm...');
	expect(trimSaid('x'.repeat(70), 66)).toBe(`${'x'.repeat(63)}...`);
	expect(trimSaid('short', 66)).toBe('short');
});
