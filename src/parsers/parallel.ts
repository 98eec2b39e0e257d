/**
 * `--jobs N`: one large file read by N threads. The file is cut at line ends into N pieces; the
 * first is parsed here, the others in worker threads (`parse-worker.ts`), each numbering its
 * lines as in the whole file; the results merge in order. Exact because the parsers' summaries
 * merge exactly at any cut (for Postfix, see `postfix/carry.ts`).
 *
 * Only plain files are cut: a gzip'd file or stdin can only be read from the start.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParserSpec, Result } from './contract.ts';
import { mergeResults, runRange, type FileRange } from './run.ts';

/** Pieces smaller than this are not worth a thread (a worker takes ~0.1 s to start). */
export const MIN_PIECE_BYTES = 1 << 20;

/** The repository's root, written in by esbuild in the CLI's bundle (`bin/load-cli.mjs`). */
declare const FIELDNOTES_ROOT: string | undefined;
/**
 * The root: as the bundle has it (where this file's own path is the bundle's), else from this
 * file's path under tsx (CommonJS) and Vite/Vitest (ESM).
 */
const ROOT =
	typeof FIELDNOTES_ROOT === 'string'
		? FIELDNOTES_ROOT
		: path.resolve(path.dirname(typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url)), '../..');
const BOOTSTRAP = path.join(ROOT, 'bin/parse-worker.mjs');

/** What a worker is asked to do (structured-cloned into it). */
export interface PieceJob {
	parser: string;
	file: string;
	start: number;
	end: number;
	options: unknown;
}

/** The offset just after the first `\n` at or after `from`, or the file's size. */
async function nextLineStart(file: string, from: number, size: number): Promise<number> {
	const handle = await open(file, 'r');
	try {
		const buffer = Buffer.alloc(1 << 16);
		for (let at = from; at < size; at += buffer.length) {
			const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
			const newline = buffer.subarray(0, bytesRead).indexOf(10);
			if (newline >= 0) return at + newline + 1;
		}
		return size;
	} finally {
		await handle.close();
	}
}

/**
 * Where to cut `file` into `jobs` pieces of about equal size, each starting at a line; undefined
 * when it should be read in one pass (one job, not a regular file, gzip'd, or under two pieces of
 * `minPiece` bytes).
 */
export async function planPieces(
	file: string,
	jobs: number,
	minPiece = MIN_PIECE_BYTES,
): Promise<{ start: number; end: number }[] | undefined> {
	if (jobs < 2) return undefined;
	const info = await stat(file).catch(() => undefined);
	if (!info?.isFile() || info.size < 2 * minPiece) return undefined;
	const handle = await open(file, 'r');
	const magic = Buffer.alloc(2);
	await handle.read(magic, 0, 2, 0).finally(() => handle.close());
	if (magic[0] === 0x1f && magic[1] === 0x8b) return undefined;
	const pieces = Math.min(jobs, Math.floor(info.size / minPiece));
	const starts = [0];
	for (let k = 1; k < pieces; k++) {
		const cut = await nextLineStart(file, Math.floor((info.size * k) / pieces), info.size);
		if (cut > starts.at(-1)! && cut < info.size) starts.push(cut);
	}
	return starts.map((start, k) => ({ start, end: starts[k + 1] ?? info.size }));
}

/** Lines (`\n`) in the first `end` bytes of `file`. */
export async function countLines(file: string, end: number): Promise<number> {
	if (end === 0) return 0;
	let lines = 0;
	for await (const chunk of createReadStream(file, { start: 0, end: end - 1, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
		for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
	}
	return lines;
}

/** One piece in a worker thread: its result, or the worker's failure. */
function runInWorker<S>(job: PieceJob): Promise<Result<S>> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(BOOTSTRAP, { workerData: { job } });
		worker.once('message', (message: { result?: Result<S>; error?: string }) => {
			if (message.result) resolve(message.result);
			else reject(new Error(`--jobs worker: ${message.error}`));
			void worker.terminate();
		});
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`--jobs worker exited (${code}) before its result`)));
	});
}

/** Parses `file` in the given pieces, the first here and the others in workers, merged in order. */
export async function runPieces<S, O>(
	spec: ParserSpec<S, O>,
	file: string,
	pieces: { start: number; end: number }[],
	options?: O,
): Promise<Result<S>> {
	const rest = pieces.slice(1).map((piece) =>
		runInWorker<S>({ parser: spec.name, file, start: piece.start, end: piece.end, options }),
	);
	// Settled together: a failed worker must not leave the others' rejections unhandled.
	const [first, ...others] = await Promise.all([runRange(spec, file, { ...pieces[0]!, before: 0 }, options), ...rest]);
	return others.reduce((total, result) => mergeResults(spec, total, result), first!);
}

/** A piece as a worker reads it: the lines before it are counted first (for line numbers). */
export async function runPieceJob<S, O>(spec: ParserSpec<S, O>, job: PieceJob): Promise<Result<S>> {
	const range: FileRange = { start: job.start, end: job.end, before: await countLines(job.file, job.start) };
	return runRange(spec, job.file, range, job.options as O);
}
