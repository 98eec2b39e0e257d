/**
 * Drives a parser over inputs: the one path the CLI, the site loader and the tests share.
 */
import type { Message, ParserSpec, Result } from './contract.ts';
import { gunzipIfNeeded, LineSplitter, splitLines } from './lines.ts';
import { readFileChunks } from './read-file.ts';
import { addUnparsed, mergeTally } from './tally.ts';

/** One named input: a file path, or `-` for stdin. */
export interface Input {
	name: string;
	open(): AsyncIterable<Uint8Array>;
}

/** An input that could not be opened or read at all (missing, a directory, no permission). */
export class InputError extends Error {
	override name = 'InputError';
	constructor(
		readonly file: string,
		cause: unknown,
	) {
		super(`${file}: ${describeIoError(cause)}`, { cause });
	}
}

function describeIoError(cause: unknown): string {
	const error = cause as NodeJS.ErrnoException;
	switch (error?.code) {
		case 'ENOENT':
			return 'no such file';
		case 'EISDIR':
			return 'is a directory, not a file';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		default:
			return error?.message ?? String(cause);
	}
}

export function fileInput(path: string): Input {
	return { name: path, open: () => readFileChunks(path) };
}

export function stdinInput(): Input {
	return { name: '-', open: () => process.stdin };
}

export function textInput(name: string, text: string | Uint8Array): Input {
	const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
	return {
		name,
		async *open() {
			yield bytes;
		},
	};
}

/** The result of parsing nothing: an empty summary, no lines. */
export function emptyResult<S>(spec: { empty(): S }): Result<S> {
	return { summary: spec.empty(), unparsed: { total: 0, reasons: {} }, messages: [] };
}

/** Combines results of independent inputs. `mergeResults(spec, emptyResult(spec), r)` equals `r`. */
export function mergeResults<S>(spec: { merge(a: S, b: S): S }, a: Result<S>, b: Result<S>): Result<S> {
	return {
		summary: spec.merge(a.summary, b.summary),
		unparsed: mergeTally(a.unparsed, b.unparsed),
		messages: [...a.messages, ...b.messages],
	};
}

interface Feed {
	overlong: { file: string; line: number; length: number; head: string }[];
	readErrors: Message[];
}

/**
 * Streams one input into `sink.line`; a read failure after the first byte becomes a message.
 * `before`: lines of the file before this input's first byte (a piece of a file, see runRange).
 */
async function feed(
	input: Input,
	onLine: (text: string, lineNo: number) => void,
	into: Feed,
	before = 0,
): Promise<void> {
	const splitter = new LineSplitter(
		before === 0 ? onLine : (text, lineNo) => onLine(text, lineNo + before),
		(line, length, head) => into.overlong.push({ file: input.name, line: line + before, length, head }),
	);
	let started = false;
	try {
		for await (const chunk of gunzipIfNeeded(input.open())) {
			started = true;
			splitter.push(chunk);
		}
	} catch (cause) {
		// A file the sink writes (postfix --unprocd-file) failed: not this input's fault.
		if (cause instanceof InputError) throw cause;
		const code = (cause as NodeJS.ErrnoException)?.code;
		// Nothing read and the OS refused: the input itself is unusable.
		if (!started && code !== undefined && !code.startsWith('Z_')) throw new InputError(input.name, cause);
		into.readErrors.push({
			file: input.name,
			line: before + splitter.lines + 1,
			severity: 'error',
			code: 'input/read-error',
			reason: `reading stopped early: ${(cause as Error)?.message ?? String(cause)}`,
		});
	}
	splitter.end();
}

function finish<S>(result: Result<S>, fed: Feed): Result<S> {
	for (const { file, line, length, head } of fed.overlong) {
		addUnparsed(result.unparsed, 'input/line-too-long', line, `${head}… (${length} characters)`, file);
	}
	result.messages.push(...fed.readErrors);
	return result;
}

/** Runs `spec` over `inputs` as its `inputs` mode says: merged one by one, or as one stream. */
export async function runParser<S, O>(spec: ParserSpec<S, O>, inputs: Input[], options?: O): Promise<Result<S>> {
	if (spec.readInputs) return spec.readInputs(inputs, options);
	if (inputs.length === 0) return emptyResult(spec);
	if (spec.inputs === 'concatenate') {
		const sink = spec.createSink({ file: inputs[0]!.name }, options);
		const fed: Feed = { overlong: [], readErrors: [] };
		for (const input of inputs) {
			sink.beginFile?.(input.name);
			await feed(input, (text, lineNo) => sink.line(text, lineNo), fed);
		}
		return finish(sink.end(), fed);
	}
	const results: Result<S>[] = [];
	for (const input of inputs) {
		const sink = spec.createSink({ file: input.name }, options);
		const fed: Feed = { overlong: [], readErrors: [] };
		await feed(input, (text, lineNo) => sink.line(text, lineNo), fed);
		results.push(finish(sink.end(), fed));
	}
	if (spec.inputs === 'compare' && spec.compare && results.length === 2) {
		const [before, after] = [0, 1].map((i) => ({ file: inputs[i]!.name, result: results[i]! }));
		return spec.compare(before!, after!, options);
	}
	return results.reduce((total, result) => mergeResults(spec, total, result));
}

/** A piece of a file: bytes `start` to `end` (exclusive), which begin after `before` lines. */
export interface FileRange {
	start: number;
	end: number;
	before: number;
}

/**
 * Parses one piece of a file on its own sink, its lines numbered as in the whole file: the unit
 * of work of a parallel run (`parallel.ts`), whose results merge in order.
 */
export async function runRange<S, O>(spec: ParserSpec<S, O>, file: string, range: FileRange, options?: O): Promise<Result<S>> {
	const sink = spec.createSink({ file }, options);
	sink.beginFile?.(file);
	const fed: Feed = { overlong: [], readErrors: [] };
	const input: Input = { name: file, open: () => readFileChunks(file, range.start, range.end) };
	await feed(input, (text, lineNo) => sink.line(text, lineNo), fed, range.before);
	return finish(sink.end(), fed);
}

/** Parses a whole text synchronously: the same sink, fed every line, then ended. */
export function parseText<S, O>(spec: ParserSpec<S, O>, text: string | Uint8Array, options?: O, file = '<text>'): Result<S> {
	const sink = spec.createSink({ file }, options);
	const fed: Feed = { overlong: [], readErrors: [] };
	splitLines(
		text,
		(line, lineNo) => sink.line(line, lineNo),
		(line, length, head) => fed.overlong.push({ file, line, length, head }),
	);
	return finish(sink.end(), fed);
}
