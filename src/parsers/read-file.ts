/**
 * The bytes of a file, or of a piece of one, in 64 KiB chunks.
 *
 * A regular file is read with blocking reads on this thread: its pages are usually in the page
 * cache, and each chunk is parsed before the next is wanted, so a read handed to libuv's thread
 * pool (as `createReadStream` does) only left this thread idle between chunks — ~9% of a 203 MB
 * Postfix log's run (`npm run bench -- postfix`). A pipe, a FIFO or a device may block for as long
 * as its writer likes and is streamed as before.
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';

/**
 * 64 KiB, as `createReadStream`. Larger chunks were slower (131 KiB: 1.78 against 1.43 s): the
 * decoded text no longer fits a regular V8 heap page and every line is sliced out of it.
 */
const CHUNK = 65536;

/** Bytes `start` (inclusive) to `end` (exclusive) of the file at `path`; the whole file by default. */
export async function* readFileChunks(path: string, start = 0, end = Number.POSITIVE_INFINITY): AsyncGenerator<Uint8Array> {
	const fd = openSync(path, 'r');
	try {
		if (!fstatSync(fd).isFile()) {
			// Only a regular file is cut into pieces (`parallel.ts`); a pipe cannot seek.
			yield* createReadStream('', { fd, autoClose: false });
			return;
		}
		for (let position = start; position < end; ) {
			const buffer = Buffer.allocUnsafe(Math.min(CHUNK, end - position));
			const read = readSync(fd, buffer, 0, buffer.length, position);
			if (read === 0) return;
			position += read;
			yield read === buffer.length ? buffer : buffer.subarray(0, read);
		}
	} finally {
		closeSync(fd);
	}
}
