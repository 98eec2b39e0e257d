/**
 * Properties of redaction over generated addresses: no original survives, distinct addresses keep
 * distinct pseudonyms (so counts keyed by them stay exact), and a second pass changes nothing.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createRedactor } from '../../src/lib/redact.ts';
import { addressPattern } from '../helpers/addresses.ts';

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
const hextet = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
const ipv6 = fc.oneof(
	fc.array(hextet, { minLength: 8, maxLength: 8 }).map((groups) => groups.join(':')),
	fc.tuple(hextet, hextet).map(([a, b]) => `${a}::${b}`),
	ipv4.map((quad) => `::ffff:${quad}`),
);
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const tld = fc.constantFrom('example', 'test', 'org');
const email = fc.tuple(word, word, tld).map(([user, domain, top]) => `${user}@${domain}.${top}`);
const addresses = fc.uniqueArray(fc.oneof(ipv4, ipv6, email), { minLength: 1, maxLength: 30 });
const context = fc.constantFrom(
	(a: string) => a,
	(a: string) => `client=unknown[${a}]`,
	(a: string) => `to=<${a}>, relay=mx.example[${a}]:25`,
);

test('replaces every generated address, one pseudonym per address, and is idempotent', () => {
	fc.assert(
		fc.property(addresses, context, fc.boolean(), (list, wrap, keepDomains) => {
			const redactor = createRedactor({ salt: 'property', keepDomains });
			const texts = list.map((a) => redactor.text(wrap(a)));
			for (const [i, text] of texts.entries()) {
				expect(text.toLowerCase()).not.toMatch(addressPattern(list[i]!));
				expect(text).toMatch(/(?:user|ip4|ip6)-[0-9a-f]{12}/);
				expect(redactor.text(text)).toBe(text);
			}
			expect(new Set(texts).size).toBe(list.length);
		}),
		{ numRuns: 200 },
	);
});
