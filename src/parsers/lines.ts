/**
 * Bytes to numbered lines, streaming.
 *
 * - `\n` ends a line; a `\r` just before it is dropped (CRLF files), a lone `\r` is kept.
 * - UTF-8 split across chunks is joined; invalid bytes become U+FFFD, never an exception.
 * - The last line needs no terminator; an empty input has no lines.
 * - A line longer than {@link MAX_LINE_LENGTH} is not buffered: its head is kept, the rest is
 *   counted and dropped, and it is reported through `onOverlong` instead of `onLine`.
 * - {@link gunzipIfNeeded} recognises gzip by its magic bytes, so `.gz` and plain files and stdin
 *   all read the same way.
 */
import { pipeline, Readable, type TransformOptions } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, type ZlibOptions } from 'node:zlib';

/** Longest line kept, in UTF-16 code units (1 Mi); anything longer is reported, not parsed. */
export const MAX_LINE_LENGTH = 1 << 20;
/** How much of an overlong line is kept for the report. */
export const OVERLONG_HEAD = 200;

export type LineHandler = (text: string, lineNo: number) => void;
export type OverlongHandler = (lineNo: number, length: number, head: string) => void;

export class LineSplitter {
	/**
	 * Node's StringDecoder rather than TextDecoder: in stream mode TextDecoder runs ICU's
	 * converter, ~6x slower (209 vs 33 ms for 203 MB). Both replace the same invalid bytes with
	 * U+FFFD; TextDecoder also drops a leading byte order mark, which {@link #decode} does.
	 */
	#decoder = new StringDecoder('utf8');
	#atStart = true;
	#pending = '';
	#lineNo = 0;
	/** Length of the current line so far when it has gone over the limit, else -1. */
	#overlong = -1;
	#overlongHead = '';

	constructor(
		private readonly onLine: LineHandler,
		private readonly onOverlong: OverlongHandler = () => {},
		private readonly maxLength = MAX_LINE_LENGTH,
	) {}

	/** Number of lines emitted so far. */
	get lines(): number {
		return this.#lineNo;
	}

	push(chunk: Uint8Array): void {
		this.#take(this.#decode(this.#decoder.write(chunk)));
	}

	/** Flushes the last line (which needs no terminator). */
	end(): void {
		this.#take(this.#decode(this.#decoder.end()));
		if (this.#pending !== '' || this.#overlong >= 0) this.#emit('');
	}

	/** The decoded text, without the byte order mark that may open the input. */
	#decode(text: string): string {
		if (!this.#atStart || text === '') return text;
		this.#atStart = false;
		return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	}

	#take(text: string): void {
		let start = 0;
		for (;;) {
			const nl = text.indexOf('\n', start);
			if (nl < 0) break;
			this.#emit(text.slice(start, nl));
			start = nl + 1;
		}
		if (start < text.length) this.#hold(text.slice(start));
	}

	#hold(part: string): void {
		if (this.#overlong >= 0) {
			this.#overlong += part.length;
			this.#growHead(part);
			return;
		}
		this.#pending += part;
		if (this.#pending.length > this.maxLength) {
			this.#overlong = this.#pending.length;
			this.#overlongHead = this.#pending.slice(0, OVERLONG_HEAD);
			this.#pending = '';
		}
	}

	#growHead(part: string): void {
		if (this.#overlongHead.length < OVERLONG_HEAD) {
			this.#overlongHead += part.slice(0, OVERLONG_HEAD - this.#overlongHead.length);
		}
	}

	#emit(tail: string): void {
		this.#lineNo++;
		if (this.#overlong >= 0) {
			this.#growHead(tail);
			this.onOverlong(this.#lineNo, this.#overlong + tail.length, this.#overlongHead);
			this.#overlong = -1;
			this.#overlongHead = '';
			return;
		}
		let line = this.#pending === '' ? tail : this.#pending + tail;
		this.#pending = '';
		if (line.length > this.maxLength) {
			this.onOverlong(this.#lineNo, line.length, line.slice(0, OVERLONG_HEAD));
			return;
		}
		if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
		this.onLine(line, this.#lineNo);
	}
}

/** Splits a whole text (or byte array) into lines with the same rules as the streaming path. */
export function splitLines(input: string | Uint8Array, onLine: LineHandler, onOverlong?: OverlongHandler): void {
	const splitter = new LineSplitter(onLine, onOverlong);
	splitter.push(typeof input === 'string' ? new TextEncoder().encode(input) : input);
	splitter.end();
}

function isGzip(bytes: Uint8Array): boolean {
	return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Yields the bytes of `source`, gunzipped when it starts with the gzip magic bytes. */
export async function* gunzipIfNeeded(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
	const iterator = source[Symbol.asyncIterator]();
	let head: Uint8Array = new Uint8Array(0);
	let done = false;
	while (head.length < 2 && !done) {
		const next = await iterator.next();
		if (next.done) done = true;
		else head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
	}
	if (!isGzip(head)) {
		if (head.length > 0) yield head;
		if (done) return;
		for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
		return;
	}
	async function* rest(): AsyncGenerator<Uint8Array> {
		yield head;
		if (done) return;
		for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
	}
	// zlib inflates in libuv's thread pool, beside the parsing thread: in 64 KiB pieces (as a plain
	// file is read; the default 16 KiB made four times the chunks to pass along) and up to 4 MiB
	// ahead of the parser, so that it rarely waits. A 20 MB .gz of a 203 MB log: 1.8–2.2 s → 1.5 s
	// with --no-findings, where `zcat | fieldnotes` takes 1.6 s (`npm run bench -- postfix`).
	const options: ZlibOptions & TransformOptions = { chunkSize: 1 << 16, readableHighWaterMark: 1 << 22 };
	const gunzip = createGunzip(options);
	pipeline(Readable.from(rest()), gunzip, () => {});
	for await (const chunk of gunzip) yield chunk as Uint8Array;
}
