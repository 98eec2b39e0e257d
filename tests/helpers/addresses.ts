/**
 * Finds the email and IP addresses in a sample input, for the redaction tests. Written apart
 * from `src/lib/redact.ts` on purpose, with simpler rules (an address is a whole token, an IPv6
 * address is whatever `net.isIPv6` accepts), so a gap in the redactor is not repeated here.
 */
import { readFile } from 'node:fs/promises';
import { isIPv6 } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface Addresses {
	emails: string[];
	ipv4: string[];
	ipv6: string[];
}

const EMAIL = /[A-Za-z0-9._%+=-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const IPV4 = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)/g;
const IPV6 = /(?<![\w:.])[0-9A-Fa-f]*:[0-9A-Fa-f:.]*/g;

/** Every distinct address in `text`, as written there. */
export function findAddresses(text: string): Addresses {
	const emails = new Set(text.match(EMAIL) ?? []);
	const quads = text.match(IPV4) ?? [];
	const ipv4 = new Set(quads.filter((quad) => quad.split('.').every((n) => Number(n) <= 255)));
	const tokens = (text.match(IPV6) ?? []).map((token) => token.replace(/[.:]+$/, ''));
	const ipv6 = new Set(tokens.filter((token) => token.split(':').length > 2 && isIPv6(token)));
	return { emails: [...emails].sort(), ipv4: [...ipv4].sort(), ipv6: [...ipv6].sort() };
}

/** The addresses of one input file, gunzip'd when its name ends in `.gz`. */
export async function collectAddresses(file: string): Promise<Addresses> {
	const bytes = await readFile(file);
	return findAddresses((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('latin1'));
}

/**
 * `address` as a whole token, case-insensitive, for text that was lower-cased: `127.0.0.1` does
 * not match inside `127.0.0.10`, nor `alice@x.test` inside `list-alice@x.test`.
 */
export function addressPattern(address: string): RegExp {
	const escaped = address.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![\\w.+=:-])${escaped}(?![\\w:]|\\.\\w)`);
}
