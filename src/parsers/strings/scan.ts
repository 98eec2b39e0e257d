/**
 * Printable strings in a byte stream, found chunk by chunk exactly as GNU `strings -a` finds them
 * (binutils `binutils/strings.c`, `print_strings` and `get_char`, read for 2.37–2.40):
 *
 * - A character is printable when it is a tab or `ISPRINT` (0x20–0x7e); nothing else, not even
 *   `\n`, `\r` or bytes above 0x7e (that is `-e s`, the default; `-e S` is not mirrored).
 * - A run of at least `minLen` printable characters is a string; a run still open at the end of
 *   the input is printed too, with no terminator needed.
 * - `utf16le` (`-e l`) and `utf16be` (`-e b`) read 2-byte characters whose high byte is 0. After
 *   a character that is not printable, reading resumes one byte later (its second byte), which is
 *   `unget_part_char`: runs may start at odd offsets.
 *
 * The scanner holds only the current run, so memory does not grow with the input, and a run cut
 * by a chunk boundary is joined. A run longer than {@link MAX_RUN} characters (hundreds of MB
 * of printable bytes would not fit in one JavaScript string) is handed over in pieces.
 */

/** Character encodings, named after what `strings -e` reads: `s`, `l`, `b`. */
export type StringsEncoding = 'ascii' | 'utf16le' | 'utf16be';

/**
 * Receives each string with the byte offset of its first character in the input. `more` is
 * true when `text` is a piece of a run longer than {@link MAX_RUN} and the next call continues it.
 */
export type StringHandler = (text: string, offset: number, more: boolean) => void;

/** Longest piece of one run handed over at once: 16 Mi characters. */
export const MAX_RUN = 1 << 24;

/** `strings -n` default. */
export const DEFAULT_MIN_LEN = 4;

const PRINTABLE = new Uint8Array(256);
PRINTABLE[0x09] = 1;
for (let byte = 0x20; byte <= 0x7e; byte++) PRINTABLE[byte] = 1;

/** True for the bytes `strings -e s` counts as part of a string: tab and 0x20–0x7e. */
export function isPrintableByte(byte: number): boolean {
	return PRINTABLE[byte] === 1;
}

/** The bytes as a Buffer without copying (read streams already give Buffers). */
function asBuffer(bytes: Uint8Array): Buffer {
	return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
	return asBuffer(bytes).toString('latin1', start, end);
}

/** Finds strings in bytes pushed in any chunking; call {@link StringScanner.end} once at the end. */
export interface StringScanner {
	push(chunk: Uint8Array): void;
	end(): void;
	/** Bytes pushed so far. */
	readonly bytes: number;
}

/** Creates a scanner for one input. `minLen` must be a whole number ≥ 1. */
export function createStringScanner(minLen: number, encoding: StringsEncoding, onString: StringHandler, maxRun = MAX_RUN): StringScanner {
	if (!Number.isInteger(minLen) || minLen < 1) throw new RangeError(`minLen must be a whole number ≥ 1, got ${minLen}`);
	if (!Number.isInteger(maxRun) || maxRun < minLen) throw new RangeError(`maxRun must be a whole number ≥ minLen, got ${maxRun}`);
	const wide = encoding !== 'ascii';
	return wide ? createWideScanner(minLen, maxRun, encoding === 'utf16be', onString) : createByteScanner(minLen, maxRun, onString);
}

function createByteScanner(minLen: number, maxRun: number, onString: StringHandler): StringScanner {
	let base = 0;
	/** The part of the open run that lay in earlier chunks. */
	let carry = '';
	let runStart = -1;
	/** True once part of the open run went out as a piece: the rest must follow, however short. */
	let split = false;
	const close = (tail: string) => {
		const text = carry + tail;
		if (text.length >= minLen || split) onString(text, runStart, false);
		carry = '';
		runStart = -1;
		split = false;
	};
	const hold = (part: string) => {
		carry += part;
		while (carry.length > maxRun) {
			onString(carry.slice(0, maxRun), runStart, true);
			carry = carry.slice(maxRun);
			runStart += maxRun;
			split = true;
		}
	};
	return {
		get bytes() {
			return base;
		},
		push(bytes) {
			const chunk = asBuffer(bytes);
			let i = 0;
			const length = chunk.length;
			while (i < length) {
				if (runStart < 0) {
					while (i < length && PRINTABLE[chunk[i]!] === 0) i++;
					if (i === length) break;
					runStart = base + i;
				}
				const from = i;
				while (i < length && PRINTABLE[chunk[i]!] === 1) i++;
				if (i === length) {
					hold(chunk.toString('latin1', from, i));
					break;
				}
				close(chunk.toString('latin1', from, i));
				i++;
			}
			base += length;
		},
		end() {
			if (runStart >= 0) close('');
		},
	};
}

function createWideScanner(minLen: number, maxRun: number, bigEndian: boolean, onString: StringHandler): StringScanner {
	let offset = 0;
	/** A byte waiting for the second byte of its character, and where it was. */
	let pending = -1;
	let pendingAt = 0;
	/** Low bytes of the open run's characters. */
	let run = new Uint8Array(256);
	let runLength = 0;
	let runStart = 0;
	/** True once part of the open run went out as a piece: the rest must follow, however short. */
	let split = false;
	const close = () => {
		if (runLength >= minLen || split) onString(latin1(run, 0, runLength), runStart, false);
		runLength = 0;
		split = false;
	};
	const append = (byte: number) => {
		if (runLength === maxRun) {
			onString(latin1(run, 0, runLength), runStart, true);
			runStart += 2 * runLength;
			runLength = 0;
			split = true;
		}
		if (runLength === run.length) {
			const grown = new Uint8Array(run.length * 2);
			grown.set(run);
			run = grown;
		}
		run[runLength++] = byte;
	};
	return {
		get bytes() {
			return offset;
		},
		push(chunk) {
			for (let i = 0; i < chunk.length; i++, offset++) {
				const byte = chunk[i]!;
				if (pending < 0) {
					pending = byte;
					pendingAt = offset;
					continue;
				}
				const high = bigEndian ? pending : byte;
				const low = bigEndian ? byte : pending;
				if (high === 0 && PRINTABLE[low] === 1) {
					if (runLength === 0) runStart = pendingAt;
					append(low);
					pending = -1;
				} else {
					close();
					// Not printable: its second byte starts the next character.
					pending = byte;
					pendingAt = offset;
				}
			}
		},
		end() {
			close();
		},
	};
}
