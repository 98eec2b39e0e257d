/**
 * pflogsumm's small string helpers, in Perl's byte-string semantics where they differ from
 * JavaScript's: `lc` and `\L` lower only A–Z, `\s` is ASCII whitespace, a string is false when
 * it is `''` or `'0'`, and a string used as a number reads its leading numeric prefix.
 */

/** Perl `lc` under the C locale: only A–Z change. */
export function asciiLower(text: string): string {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 65 && code <= 90) return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
	}
	return text;
}

/** Perl truthiness of a string (undef is null here). */
export function isTrue(text: string | null | undefined): boolean {
	return text !== null && text !== undefined && text !== '' && text !== '0';
}

const NUMERIC_PREFIX = /^[ \t\n\v\f\r]*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)/;

/** `123` or `0.39`: digits with at most one point, where Number() and Perl agree. */
function isPlainDecimal(text: string): boolean {
	if (text.length === 0) return false;
	let points = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 46) points++;
		else if (code < 48 || code > 57) return false;
	}
	return points === 0 || (points === 1 && text.length > 1);
}

/** Perl's numeric value of a string: its leading number, else 0 (`delay=` values). */
export function perlNumber(text: string): number {
	if (isPlainDecimal(text)) return Number(text);
	const match = NUMERIC_PREFIX.exec(text);
	if (match) return Number(match[1]);
	const word = /^[ \t\n\v\f\r]*([+-]?)(inf(?:inity)?|nan)/i.exec(text);
	if (word) return word[2]!.toLowerCase() === 'nan' ? Number.NaN : word[1] === '-' ? -Infinity : Infinity;
	return 0;
}

/** pflogsumm `string_trimmer`: cut to `max - 3` characters plus `...` when longer than `max`. */
export function trimString(text: string, max: number, keep: boolean): string {
	return !keep && text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/**
 * pflogsumm `said_string_trimmer`: drop `… said: ` (through the last one), then `…: ` prefixes
 * (through the first colon and the spaces after it), then cut. Walks offsets, so a long reason
 * costs linear time, not a regex per removed prefix.
 */
export function trimSaid(text: string, max: number): string {
	let out = text;
	let saidChecked = false;
	while (out.length > max) {
		if (!saidChecked) {
			saidChecked = true;
			const said = out.lastIndexOf(' said: ');
			if (said >= 0) {
				// Nothing after the last " said: " contains another one.
				out = out.slice(said + 7);
				continue;
			}
		}
		const colon = out.indexOf(':');
		if (colon < 0) return `${out.slice(0, max - 3)}...`;
		let next = colon + 1;
		while (out.charCodeAt(next) === 32) next++;
		out = out.slice(next);
	}
	return out;
}

/** Recent `gimme_domain` answers: a relay sees the same clients over and over. */
const domains = new Map<string, string>();
const DOMAIN_CACHE_SIZE = 4096;

/**
 * pflogsumm `gimme_domain`: the client's domain (last two labels, or three for `co.uk`-like
 * names, lower-cased) or, for `unknown` and bare addresses, the IP address; '' when neither.
 */
export function clientDomain(client: string): string {
	let domain = domains.get(client);
	if (domain === undefined) {
		domain = detach(findClientDomain(client));
		if (domains.size >= DOMAIN_CACHE_SIZE) domains.clear();
		domains.set(detach(client), domain);
	}
	return domain;
}

function findClientDomain(client: string): string {
	let match = /^([^[]*)\[((?:\d{1,3}\.){3}\d{1,3})\]/s.exec(client) ?? /^([^/]*)\/([0-9a-f.:]+)/is.exec(client);
	match ??= /^([^[(/]*)[[(/]([^\])]+)[\])]:?\d*$/s.exec(client);
	if (!match) return '';
	const domain = match[1]!;
	if (domain === '' || domain === 'unknown') return match[2]!;
	const parts = /^(.*)\.([^.]+)\.([^.]{3}|[^.]{2,3}\.[^.]{2})$/s.exec(domain);
	return parts ? asciiLower(`${parts[2]}.${parts[3]}`) : domain;
}

/**
 * pflogsumm `verp_mung`: `list-return-36-user=dom@lists.example` → `list-return-ID-…`; at level
 * 2 and more, also drops the `-user=dom` part.
 */
export function mungVerp(address: string, level: number | null): string {
	if (level === null) return address;
	let out = address.replace(/((?:bounce[ds]?|no(?:list|reply|response)|return|sentto|\d+).*?)(?:[+_.*-]\d+\b)+/is, '$1-ID');
	if (level > 1) out = out.replace(/[*-](\d+[*-])?[^=*-]+[=*][^@]+@/s, '@');
	return out;
}

/**
 * pflogsumm `normalize_host`, its tie-break key in count-sorted lists: a dotted quad becomes four
 * code points; a name or address is lower-cased and reversed by label (`a@b.com` → `combba`).
 */
export function normalizeHost(key: string): string {
	const first = key.split(/[ \t\n\v\f\r]/, 1)[0] ?? '';
	const quad = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(first);
	if (quad) return String.fromCodePoint(...quad.slice(1).map(Number));
	const parts = first.split(/[.@]/);
	while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
	return parts.reverse().map(asciiLower).join('');
}

/**
 * A copy of `text` that does not keep alive the large decoded chunk it was sliced from (V8 keeps
 * slices as views). Used for what outlives its line: queue ids, sizes, addresses kept per message.
 */
export function detach(text: string): string {
	return text.length < 13 ? text : (text + ' ').slice(0, -1);
}
