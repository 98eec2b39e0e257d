/**
 * The logs `npm run bench -- postfix` times, built from real lines of the committed samples:
 *
 * - `repeat`: a sample repeated, each copy with its own queue ids and shifted by whole days (so no
 *   message of one copy merges with another), all inside half a year of days.
 * - `clients`: the same with each copy's addresses its own (`[127.0.0.N]` → `[127.H.L.N]`): what
 *   is kept per client or relay grows with the log, as on a relay that hears from new hosts daily.
 * - `probe`: a relay probed by a botnet: every address makes three lost connections, three SASL
 *   failures and three relay rejects (the abuse sample's lines), a second apart.
 * - `outbound`: an outbound relay delivering to 10,000 domains a day, each once (`client=`, the
 *   size line, the delivery, `removed`: the relay week's lines).
 */
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export const SHAPES = ['repeat', 'clients', 'probe', 'outbound'] as const;
export type Shape = (typeof SHAPES)[number];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Shifts a classic syslog stamp (`Jul  3 04:02:01`) or an RFC 3339 one by `days`. */
function shiftStamp(line: string, days: number): string {
	if (days === 0) return line;
	const classic = /^([A-Z][a-z]{2}) ([ \d]\d) /.exec(line);
	if (classic) {
		const date = new Date(Date.UTC(2001, MONTHS.indexOf(classic[1]!), Number(classic[2]!.trim()) + days));
		const day = String(date.getUTCDate()).padStart(2, ' ');
		return `${MONTHS[date.getUTCMonth()]} ${day} ${line.slice(classic[0].length)}`;
	}
	const iso = /^(\d{4}-\d\d-\d\d)T/.exec(line);
	if (iso) {
		const date = new Date(`${iso[1]}T00:00:00Z`);
		date.setUTCDate(date.getUTCDate() + days);
		return `${date.toISOString().slice(0, 10)}${line.slice(10)}`;
	}
	return line;
}

/** A classic syslog stamp `seconds` after Jul 1 00:00:00 (2001, no leap day in reach). */
function stampAt(seconds: number): string {
	const date = new Date(Date.UTC(2001, 6, 1) + seconds * 1000);
	const two = (n: number) => String(n).padStart(2, '0');
	return `${MONTHS[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2, ' ')} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}

const withStamp = (line: string, stamp: string) => line.replace(/^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d/, stamp);

/**
 * Gives copy `copy` its own queue ids: the short queue id after `]: ` gets a hex prefix (still a
 * valid id). The samples use short ids, Postfix's default.
 */
function renumber(line: string, prefix: string): string {
	const at = line.indexOf(']: ');
	if (at < 0) return line;
	const start = at + 3;
	const colon = line.indexOf(': ', start);
	if (colon < 0 || colon - start < 6 || colon - start > 20) return line;
	const id = line.slice(start, colon);
	// Only a short (hex) queue id: `warning:`, `fatal:` or `NOQUEUE:` stand in the same place.
	if (!/^[0-9A-F]+$/.test(id)) return line;
	return `${line.slice(0, start)}${prefix}${id}${line.slice(colon)}`;
}

/** Gives copy `copy` its own client (and relay) addresses: `[127.0.0.N]` → `[127.H.L.N]`. */
function readdress(line: string, copy: number): string {
	return line.replaceAll(/\[127\.0\.0\.(\d+)\]/g, (_all, host: string) => `[127.${(copy >> 8) & 255}.${copy & 255}.${host}]`);
}

async function readSample(file: string): Promise<string[]> {
	const raw = await readFile(file);
	const lines = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8').split('\n');
	if (lines.at(-1) === '') lines.pop();
	return lines;
}

/** The first line of `lines` that matches, or a clear error. */
function template(lines: string[], pattern: RegExp, sample: string): string {
	const line = lines.find((text) => pattern.test(text));
	if (line === undefined) throw new Error(`${sample}: no line like ${pattern}`);
	return line;
}

/** Blocks of lines, block `n` made by `block(n)`, until the text reaches `bytes`. */
function* blocksUpTo(bytes: number, block: (n: number) => string[]): Generator<string> {
	let written = 0;
	for (let n = 0; written < bytes; n++) {
		const text = `${block(n).join('\n')}\n`;
		written += Buffer.byteLength(text);
		yield text;
	}
}

function* repeated(lines: string[], megabytes: number, clients: boolean): Generator<string> {
	const copyBytes = Buffer.byteLength(lines.join('\n')) + 1;
	const copies = Math.max(1, Math.round((megabytes * 1e6) / copyBytes));
	const span = Math.min(copies, 180); // keep the whole file inside half a year of days
	for (let copy = 0; copy < copies; copy++) {
		const days = Math.floor((copy * span) / copies);
		const prefix = copy.toString(16).toUpperCase().padStart(3, '0');
		const copied = lines.map((line) => renumber(shiftStamp(line, days), prefix));
		yield `${(clients ? copied.map((line) => readdress(line, copy)) : copied).join('\n')}\n`;
	}
}

function probe(abuse: string[], sample: string, megabytes: number): Iterable<string> {
	const kinds = [
		template(abuse, / lost connection after CONNECT from unknown\[127\.0\.0\.\d+\]$/, sample),
		template(abuse, /: warning: unknown\[127\.0\.0\.\d+\]: SASL \w+ authentication failed/, sample),
		template(abuse, /: NOQUEUE: reject: RCPT from unknown\[127\.0\.0\.\d+\]: .*Relay access denied/, sample),
	];
	return blocksUpTo(megabytes * 1e6, (n) => {
		const host = n + 1; // 127.0.0.1 on: no network address
		const address = `[127.${(host >> 16) & 255}.${(host >> 8) & 255}.${host & 255}]`;
		const stamp = stampAt(n);
		return kinds.flatMap((line) => Array<string>(3).fill(withStamp(line, stamp).replace(/\[127\.0\.0\.\d+\]/, address)));
	});
}

function outbound(week: string[], sample: string, megabytes: number): Iterable<string> {
	const id = /: ([0-9A-F]{6,}): /;
	const message = [
		template(week, / postfix\/smtpd\[\d+\]: [0-9A-F]+: client=/, sample),
		template(week, / postfix\/qmgr\[\d+\]: [0-9A-F]+: from=<[^>]+>, size=\d+, nrcpt=1 /, sample),
		template(week, / postfix\/smtp\[\d+\]: [0-9A-F]+: to=<[^@>]+@[^>]+>, relay=.*status=sent /, sample),
		template(week, / postfix\/qmgr\[\d+\]: [0-9A-F]+: removed$/, sample),
	];
	const DOMAINS = 10_000;
	return blocksUpTo(megabytes * 1e6, (n) => {
		// 10,000 messages a day, evenly spread; one per domain each day.
		const stamp = stampAt(Math.floor(n / DOMAINS) * 86_400 + Math.floor(((n % DOMAINS) * 86_400) / DOMAINS));
		const qid = (0x100000 + n).toString(16).toUpperCase();
		return message.map((line) =>
			withStamp(line, stamp)
				.replace(id, `: ${qid}: `)
				.replace(/to=<([^@>]+)@[^>]+>/, `to=<$1@d${n % DOMAINS}.example>`),
		);
	});
}

/**
 * Writes the log of `shape` at about `megabytes` to `out` (kept when it is there already and of
 * about that size). `sample`: the sample file repeated; `sampleDir` holds the committed samples
 * the other shapes take their lines from.
 */
export async function buildLog(shape: Shape, sample: string, sampleDir: string, megabytes: number, out: string): Promise<void> {
	if (existsSync(out) && Math.abs(statSync(out).size - megabytes * 1e6) < megabytes * 1e6 * 0.05) return;
	const file = (name: string) => path.join(sampleDir, `${name}.log.gz`);
	const blocks =
		shape === 'probe'
			? probe(await readSample(file('abuse-day')), 'abuse-day', megabytes)
			: shape === 'outbound'
				? outbound(await readSample(file('relay-week')), 'relay-week', megabytes)
				: repeated(await readSample(sample), megabytes, shape === 'clients');
	const stream = createWriteStream(out);
	for (const text of blocks) {
		if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
	}
	await new Promise((resolve, reject) => stream.end((error?: Error) => (error ? reject(error) : resolve(undefined))));
}
