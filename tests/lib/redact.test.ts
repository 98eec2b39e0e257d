/**
 * Redaction: pseudonym shapes, what is left alone, stability, salts, keys, and exact counts on
 * the Postfix relay-week sample. Expected pseudonyms are computed here with node:crypto directly.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createRedactor, redactResult, redactText } from '../../src/lib/redact.ts';
import { findParser } from '../../src/parsers/registry.ts';
import { fileInput, runParser } from '../../src/parsers/run.ts';
import { addressPattern, collectAddresses } from '../helpers/addresses.ts';

const SALT = 'test-salt';
const hex = (kind: string, input: string) =>
	createHmac('sha256', SALT).update(`${kind}\0${input}`).digest('hex').slice(0, 12);
const user = (address: string, domain = 'redacted.invalid') =>
	`user-${hex('user', address)}@${domain}`;
const ip4 = (address: string) => `ip4-${hex('ip4', address)}`;
const ip6 = (address: string) => `ip6-${hex('ip6', address)}`;
const host = (name: string) => `host-${hex('host', name)}`;

describe('redactText', () => {
	test.each([
		['an email address', 'alice@example.com', user('alice@example.com')],
		[
			'Postfix from= and to=',
			'from=<alice@example.com> to=<Bob@example.net>',
			`from=<${user('alice@example.com')}> to=<${user('Bob@example.net')}>`,
		],
		[
			'a VERP address as one address',
			'bounces+4711-bob=fieldnotes.test@mail.example.com',
			user('bounces+4711-bob=fieldnotes.test@mail.example.com'),
		],
		[
			'an address after an unbracketed log key',
			'sasl_username=alice@example.com',
			`sasl_username=${user('alice@example.com')}`,
		],
		[
			'an address with an IP literal',
			'postmaster@[192.0.2.1]',
			`${user('postmaster@[192.0.2.1]', '')}[${ip4('192.0.2.1')}]`,
		],
		['a bare IPv4 address', 'connect from 192.0.2.7', `connect from ${ip4('192.0.2.7')}`],
		[
			'a bracketed client without a name',
			'client=unknown[192.0.2.7]',
			`client=unknown[${ip4('192.0.2.7')}]`,
		],
		[
			'a client host name and its address',
			'mail.example.com[192.0.2.7]:25',
			`${host('mail.example.com')}[${ip4('192.0.2.7')}]:25`,
		],
		[
			'an LMTP relay host before its socket path (Lightmeter, grok test data)',
			'relay=mx.example.com[/var/run/dovecot/lmtp], relay=lmtp.example[private/dovecot-lmtp]',
			`relay=${host('mx.example.com')}[/var/run/dovecot/lmtp], relay=${host('lmtp.example')}[private/dovecot-lmtp]`,
		],
		[
			'a relay named by its address, port kept',
			'relay=127.0.0.1[127.0.0.1]:2525,',
			`relay=${ip4('127.0.0.1')}[${ip4('127.0.0.1')}]:2525,`,
		],
		[
			'an IPv4 address with a BSD-style port',
			'tcp 192.0.2.7.25 ESTABLISHED',
			`tcp ${ip4('192.0.2.7')}.25 ESTABLISHED`,
		],
		[
			'IPv6 loopback from localhost',
			'connect from localhost[::1]',
			`connect from localhost[${ip6('::1')}]`,
		],
		['an IPv6 address with a port', '[2001:db8::7]:25', `[${ip6('2001:db8::7')}]:25`],
		['an SMTP IPv6 address literal', '[IPv6:2001:db8::1]', `[IPv6:${ip6('2001:db8::1')}]`],
		[
			'an IPv4-mapped IPv6 address as one address',
			'from ::ffff:192.0.2.7.',
			`from ${ip6('::ffff:192.0.2.7')}.`,
		],
		[
			'an address cut off by a column',
			'To: alice@fieldnotes....',
			`To: ${user('alice@fieldnotes')}....`,
		],
		[
			'a HELO name',
			'proto=ESMTP helo=<alices-laptop.example>',
			`proto=ESMTP helo=<${host('alices-laptop.example')}>`,
		],
		[
			'an address given as HELO name',
			'helo=<[192.0.2.7]> helo=<192.0.2.7>',
			`helo=<[${ip4('192.0.2.7')}]> helo=<${ip4('192.0.2.7')}>`,
		],
		[
			'a SASL login that is not an address',
			'sasl_method=PLAIN, sasl_username=alice',
			`sasl_method=PLAIN, sasl_username=user-${hex('user', 'alice')}`,
		],
		[
			'an IPv4 address cut off at the end of a key',
			'conversation with 127.0.0...',
			`conversation with ${ip4('127.0.0')}...`,
		],
	])('replaces %s', (_name, input, expected) => {
		expect(redactText(input, { salt: SALT })).toBe(expected);
	});

	test.each([
		['a version', 'Postfix 3.7.11'],
		['an OID longer than five parts', 'OID 1.3.6.1.4.1.311'],
		['a dotted quad over 255', '300.1.1.1'],
		['a long dotted version', 'release 1.2.3.4.5.6'],
		['a time of day', 'Jul  2 16:20:08 mx1'],
		['a C++ scope', 'std::string'],
		['a HELO name that says nothing', 'helo=<localhost>'],
		['the unspecified IPv6 address', 'a :: b'],
		['a process id in brackets', 'postfix/smtpd[16749]: disconnect'],
		['a bracketed word that is no socket', 'header Subject: alert [blocked] from unknown'],
		['Postfix delays', 'delay=0.12, delays=0.01/0/0.02/0.09, dsn=2.0.0'],
		['an @ with no address', 'from=<> size=@'],
	])('leaves %s alone', (_name, input) => {
		expect(redactText(input, { salt: SALT })).toBe(input);
	});

	test.each([
		[
			'an email address keeps its domain',
			'alice@example.com',
			user('alice@example.com', 'example.com'),
		],
		[
			'a client host name stays',
			'mail.example.com[192.0.2.7]',
			`mail.example.com[${ip4('192.0.2.7')}]`,
		],
		['a HELO name stays', 'helo=<laptop.example>', 'helo=<laptop.example>'],
		['an LMTP relay host stays', 'mx.example.com[private/dovecot-lmtp]', 'mx.example.com[private/dovecot-lmtp]'],
		[
			'a SASL login is still replaced',
			'sasl_username=alice',
			`sasl_username=user-${hex('user', 'alice')}`,
		],
	])('with keepDomains, %s', (_name, input, expected) => {
		expect(redactText(input, { salt: SALT, keepDomains: true })).toBe(expected);
	});

	test('gives the same input the same pseudonym in every context and call', () => {
		const a = redactText('from=<alice@example.com> client=unknown[192.0.2.7]', { salt: SALT });
		const b = redactText('alice@example.com at 192.0.2.7', { salt: SALT });
		expect(a).toContain(user('alice@example.com'));
		expect(b).toBe(`${user('alice@example.com')} at ${ip4('192.0.2.7')}`);
	});

	test('gives unrelated pseudonyms under another salt', () => {
		const one = redactText('alice@example.com 192.0.2.7 ::1', { salt: 'one' });
		const two = redactText('alice@example.com 192.0.2.7 ::1', { salt: 'two' });
		expect(one.split(' ').every((word, i) => word !== two.split(' ')[i])).toBe(true);
	});

	test('changes nothing when run over its own output', () => {
		const input = 'from=<a@b.example> relay=mx.b.example[192.0.2.9]:25 [::1]';
		const once = redactText(input, { salt: SALT });
		expect(redactText(once, { salt: SALT })).toBe(once);
		const kept = redactText(input, { salt: SALT, keepDomains: true });
		expect(redactText(kept, { salt: SALT, keepDomains: true })).toBe(kept);
	});
});

describe('redactResult', () => {
	test('redacts object keys and nested strings, and keeps numbers and structure', () => {
		const senders = { 'alice@example.com': 3, 'bob@example.com': 1 };
		const input = { summary: { senders, hosts: [['192.0.2.7', 2]] }, n: 1, ok: true, none: null };
		expect(redactResult(input, { salt: SALT })).toEqual({
			summary: {
				senders: { [user('alice@example.com')]: 3, [user('bob@example.com')]: 1 },
				hosts: [[ip4('192.0.2.7'), 2]],
			},
			n: 1,
			ok: true,
			none: null,
		});
	});

	test('keeps a __proto__ key from a log as a plain key', () => {
		const input = JSON.parse('{"__proto__": {"192.0.2.7": 1}}') as Record<string, unknown>;
		const out = redactResult(input, { salt: SALT });
		expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
		expect(Object.keys(out)).toEqual(['__proto__']);
		expect(JSON.stringify(out)).toBe(`{"__proto__":{"${ip4('192.0.2.7')}":1}}`);
	});

	test('refuses to merge two keys into one, without naming the input', () => {
		const input = { '192.0.2.7': 1, [ip4('192.0.2.7')]: 2 };
		const redact = () => redactResult(input, { salt: SALT });
		expect(redact).toThrow(/same pseudonym ip4-[0-9a-f]{12}; choose another salt/);
		expect(redact).not.toThrow(/192\.0\.2\.7/);
	});
});

describe('redaction of the Postfix relay-week sample', () => {
	const file = 'content/samples/postfix/relay-week.log.gz';
	const spec = findParser('postfix');

	test('keeps every count, and no address of the log is left in its result or views', async () => {
		expect(spec, 'the postfix parser is registered').toBeDefined();
		const result = await runParser(spec!, [fileInput(file)], undefined);
		const redacted = redactResult(result, { salt: SALT });
		// Same shape, same numbers in the same places: counts stay exact.
		const shape = (value: unknown): unknown => {
			if (value && typeof value === 'object') return Object.values(value).map(shape);
			return typeof value === 'string' ? 's' : value;
		};
		expect(shape(redacted)).toEqual(shape(result));
		const views = [redacted, spec!.renderView(redacted), spec!.renderText(redacted)];
		const published = JSON.stringify(views).toLowerCase();
		const { emails, ipv4, ipv6 } = await collectAddresses(file);
		expect(emails.length + ipv4.length).toBeGreaterThan(30);
		for (const address of [...emails, ...ipv4, ...ipv6]) {
			expect(published, address).not.toMatch(addressPattern(address));
		}
	});

	test('gives every distinct address of the log its own pseudonym', async () => {
		const { emails, ipv4 } = await collectAddresses(file);
		const redactor = createRedactor({ salt: SALT });
		const pseudonyms = new Set([...emails, ...ipv4].map((address) => redactor.text(address)));
		expect(pseudonyms.size).toBe(emails.length + ipv4.length);
	});
});
