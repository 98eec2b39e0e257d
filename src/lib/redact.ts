/**
 * Pseudonyms for the personal data in logs: email addresses, IPv4 and IPv6 addresses, and client
 * host names in Postfix's `name[address]` form. A pseudonym is an HMAC-SHA-256 of the exact input
 * keyed by a salt, cut to 48 bits (12 hex digits): the same input and salt give the same pseudonym
 * everywhere, so counts per address stay exact and one address can be followed across reports.
 *
 * Shapes, chosen so that no pseudonym can be mistaken for (or collide with) real data:
 * - `alice@example.com` → `user-3f2a9c0d1e4b@redacted.invalid` (RFC 2606 and RFC 6761 §6.4
 *   reserve `.invalid` for names that are invalid at a glance and never resolve), or
 *   `user-3f2a9c0d1e4b@example.com` with `keepDomains`;
 * - `192.0.2.7` → `ip4-…`, `2001:db8::7` and `::ffff:192.0.2.7` → `ip6-…`: not addresses at
 *   all, so no tool routes, geolocates or blocklists them, and no pseudonym equals a real address
 *   (a reserved range such as 198.18.0.0/15 has 17 bits: collisions, and it looks real);
 * - `mail.example.com[192.0.2.7]` → `host-…[ip4-…]` (also before an LMTP socket,
 *   `mx.example.com[private/dovecot-lmtp]`), and `helo=<laptop.example>` →
 *   `helo=<host-…>`; names are kept with `keepDomains`, and Postfix's own `unknown` and
 *   `localhost` always stay;
 * - a SASL login that is not an address, `sasl_username=alice` → `sasl_username=user-…`.
 * Ports stay (`[…]:25`, `1.2.3.4.25`). Only four dotted numbers up to 255 are IPv4: `3.7.11` and
 * OIDs such as `1.3.6.1.4.1` are left alone. Redacting twice changes nothing.
 *
 * A salt that is known lets anyone hash all 2³² IPv4 addresses and undo the IPv4 pseudonyms:
 * publish only with a secret salt (see `redact-config.ts`).
 */
import { createHmac } from 'node:crypto';
import { isIP, isIPv6 } from 'node:net';

export interface RedactOptions {
	/** Key of the HMAC. Same salt → same pseudonyms; a new salt gives unrelated ones. */
	salt: string;
	/** Keep the domain of email addresses and the client host names. Default false. */
	keepDomains?: boolean;
}

/** Redacts strings and whole plain-JSON values with one salt; pseudonyms are cached. */
export interface Redactor {
	text(text: string): string;
	value<T>(value: T): T;
}

const HEX_LENGTH = 12;
const PSEUDONYM = `[0-9a-f]{${HEX_LENGTH}}`;
/** Domain of addresses when `keepDomains` is off. */
export const REDACTED_DOMAIN = 'redacted.invalid';
/** Names Postfix writes in `name[address]` that say nothing about the client. */
const PLAIN_HOST_NAMES = new Set(['unknown', 'localhost']);

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const LOCAL_CHAR = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]";
// `from=<a@b>` is bracketed, but `sasl_username=a@b` is not: the key is not part of the address.
const LOG_KEY = /^(?:sasl_username|sasl_sender|sasl_method|from|to|orig_to|user)=/;
/** `local@domain`, `local@[1.2.3.4]`, or a truncated `local@dom...` at the end of a column. */
const EMAIL = new RegExp(
	`(?<!${LOCAL_CHAR})(${LOCAL_CHAR}+)@(\\[[^\\]\\s]+\\]|${LABEL}(?:\\.${LABEL})*|(?=\\.\\.\\.))`,
	'g',
);
/** A run of hex digits, colons and dots with at least two colons, checked by `isIPv6`. */
const IPV6_CANDIDATE = /(?:(?<=IPv6:)|(?<![\w:.]))[0-9A-Fa-f:][0-9A-Fa-f:.]*/g;
/** Four dotted numbers, then any further dotted numbers (a port, or a longer version/OID). */
const IPV4 = /(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})((?:\.\d+)*)(?![\w]|\.\d)/g;
/** Two or three dotted numbers cut off by a truncating column at the end (`127.0.0...`). */
const IPV4_CUT = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){1,2}(?=\.{3,4}$)/g;
const HOST_LABEL = '[\\w](?:[\\w-]*[\\w])?';
/**
 * A host name before its address (`mail.example.com[ip4-…]`, once the address is redacted) or
 * before a UNIX-domain socket, as LMTP relays are logged:
 * `relay=mx.example.com[private/dovecot-lmtp]`, `relay=mx.example.com[/var/run/dovecot/lmtp]`.
 */
const HOST_BEFORE_ADDRESS = new RegExp(
	`(?<![\\w.-])(${HOST_LABEL}(?:\\.${HOST_LABEL})*)\\[(?=ip[46]-${PSEUDONYM}|/|(?:private|public)/)`,
	'g',
);
const IS_PSEUDONYM = new RegExp(`^(?:user|host|ip4|ip6)-${PSEUDONYM}$`);
/** The name a client gave in HELO/EHLO, as Postfix logs it: `helo=<alices-laptop.example>`. */
const HELO_NAME = /(?<=\bhelo=<)[^<>\s[\]]+(?=>)/g;
/** A SASL login that is not an email address: `sasl_username=alice`. */
const SASL_USER = /(?<=\bsasl_username=)[^\s,@]+(?=[\s,]|$)/g;

function isDottedQuad(text: string): boolean {
	return text.split('.').every((part) => Number(part) <= 255);
}

/** Makes a redactor; its cache makes a repeated address cost one map lookup. */
export function createRedactor(options: RedactOptions): Redactor {
	const keepDomains = options.keepDomains ?? false;
	const cache = new Map<string, string>();
	const pseudonym = (kind: 'user' | 'host' | 'ip4' | 'ip6', input: string): string => {
		const key = `${kind}\0${input}`;
		let out = cache.get(key);
		if (out === undefined) {
			const hex = createHmac('sha256', options.salt).update(key).digest('hex').slice(0, HEX_LENGTH);
			out = `${kind}-${hex}`;
			cache.set(key, out);
		}
		return out;
	};
	const ip6 = (candidate: string): string | undefined => {
		const trimmed = candidate.replace(/[.:]+$/, '');
		// `::` alone, the unspecified address, is no one's: leave it (and `a :: b`) alone.
		if (trimmed.split(':').length < 3 || !/[0-9a-f]/i.test(trimmed) || !isIPv6(trimmed)) {
			return undefined;
		}
		return pseudonym('ip6', trimmed) + candidate.slice(trimmed.length);
	};
	const ips = (text: string): string =>
		text
			.replace(IPV6_CANDIDATE, (candidate) => ip6(candidate) ?? candidate)
			.replace(IPV4, (match, quad: string, rest: string) => {
				if (!isDottedQuad(quad)) return match;
				if (rest === '') return pseudonym('ip4', quad);
				// One more number is a port (`1.2.3.4.25`, as BSD netstat writes it); more is not
				// an address.
				const port = rest.slice(1);
				return !port.includes('.') && Number(port) <= 65535 ? pseudonym('ip4', quad) + rest : match;
			})
			.replace(IPV4_CUT, (cut) => pseudonym('ip4', cut));
	const email = (match: string, local: string, domain: string): string => {
		const key = LOG_KEY.exec(local)?.[0] ?? '';
		const user = local.slice(key.length);
		if (user === '' || IS_PSEUDONYM.test(user)) return match;
		const address = `${user}@${domain}`;
		let shownDomain = keepDomains || domain === '' ? domain : REDACTED_DOMAIN;
		if (domain.startsWith('[')) shownDomain = ips(domain);
		return `${key}${pseudonym('user', address)}@${shownDomain}`;
	};
	const host = (match: string, name: string): string => {
		if (keepDomains || PLAIN_HOST_NAMES.has(name) || IS_PSEUDONYM.test(name)) return match;
		return `${pseudonym('host', name)}[`;
	};
	const named = (kind: 'user' | 'host') => (name: string) => {
		if (IS_PSEUDONYM.test(name)) return name;
		// An address given as the HELO name is left to the address rules below.
		const plain = keepDomains || PLAIN_HOST_NAMES.has(name) || isIP(name) !== 0;
		if (kind === 'host' && plain) return name;
		return pseudonym(kind, name);
	};
	const text = (input: string): string => {
		let out = input;
		if (out.includes('helo=<')) out = out.replace(HELO_NAME, named('host'));
		if (out.includes('sasl_username=')) out = out.replace(SASL_USER, named('user'));
		// Cheap exit: every address form has a digit, `@` or `:`; a host before a socket has `[`.
		if (!/[@:\d[]/.test(out)) return out;
		return ips(out.replace(EMAIL, email)).replace(HOST_BEFORE_ADDRESS, host);
	};
	const value = <T>(input: T): T => walk(input, text) as T;
	return { text, value };
}

function walk(input: unknown, text: (value: string) => string): unknown {
	if (typeof input === 'string') return text(input);
	if (Array.isArray(input)) return input.map((item) => walk(item, text));
	if (input === null || typeof input !== 'object') return input;
	const out: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(input)) {
		const newKey = text(key);
		if (Object.hasOwn(out, newKey)) {
			// Never name the inputs: this message may end up in a public build log.
			throw new Error(
				`redaction gave two keys of one object the same pseudonym ${newKey}; choose another salt`,
			);
		}
		// defineProperty, not `out[key] =`: a key `__proto__` from a log must stay a plain key.
		const value = walk(item, text);
		const property = { value, enumerable: true, writable: true, configurable: true };
		Object.defineProperty(out, newKey, property);
	}
	return out;
}

/** Redacts one string. For many strings, reuse one {@link createRedactor}. */
export function redactText(text: string, options: RedactOptions): string {
	return createRedactor(options).text(text);
}

/**
 * A redacted deep copy of any plain-JSON value (a parser's `Result`): every string and every
 * object key. Throws if two keys of one object would merge (a 48-bit collision), so counts
 * keyed by address are never silently added up.
 */
export function redactResult<T>(result: T, options: RedactOptions): T {
	return createRedactor(options).value(result);
}
