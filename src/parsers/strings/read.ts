/**
 * Reads inputs for the strings probe: binaries byte by byte through the scanner, dumps line by
 * line through the dump sink. Streaming throughout: a binary is never held in memory, only its
 * first {@link HEAD_BYTES} (for the ELF notes) and the string being assembled.
 */
import type { Message, Result } from '../contract.ts';
import { gunzipIfNeeded, LineSplitter } from '../lines.ts';
import { emptyResult, mergeResults, type Input } from '../run.ts';
import { addUnparsed, emptyTally } from '../tally.ts';
import { createStringsDumpSink } from './dump.ts';
import { HEAD_BYTES, readElfHead } from './elf.ts';
import { defaultStringsOptions, type StringsOptions } from './options.ts';
import { createFileProbe } from './probe.ts';
import { renderStringsText } from './render-text.ts';
import { createStringScanner } from './scan.ts';
import { emptyStringsSummary, mergeStringsSummary, type StringsFile, type StringsSummary } from './summary.ts';
import { createVersionSniffer } from './version.ts';

const spec = { empty: emptyStringsSummary, merge: mergeStringsSummary };

/** True when `name` is read as a strings dump under `mode`. */
export function isDumpName(name: string, mode: StringsOptions['input']): boolean {
	if (mode !== 'auto') return mode === 'dump';
	return /\.strings(?:\.txt)?(?:\.gz)?$/.test(name);
}

/** Why an input could not be opened, in a few words. */
export function describeOpenError(cause: unknown): string {
	const error = cause as NodeJS.ErrnoException;
	if (error?.code === 'EISDIR') return 'is a directory, not a file';
	if (error?.code === 'ENOENT') return 'no such file';
	if (error?.code === 'EACCES' || error?.code === 'EPERM') return 'cannot be read: permission denied';
	return `cannot be read: ${error?.message ?? String(cause)}`;
}

/** Writes text in blocks of about 64 KiB: one `write` per string would be slow on big binaries. */
function createBlockWriter(write: (text: string) => void) {
	let parts: string[] = [];
	let size = 0;
	return {
		push(text: string) {
			parts.push(text);
			size += text.length;
			if (size >= 65536) this.flush();
		},
		flush() {
			if (parts.length > 0) write(parts.join(''));
			parts = [];
			size = 0;
		},
	};
}

/** Text without NUL or other control bytes (tab, LF, FF, CR aside) in its head. */
function looksLikeText(head: Uint8Array): boolean {
	for (const byte of head) if (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) return false;
	return true;
}

function unreadable(input: Input, cause: unknown): Result<StringsSummary> {
	const file: StringsFile = { file: input.name, kind: 'unreadable', size: null, version: null, versionSource: null, buildId: null, strings: 0, hits: [] };
	const message: Message = { file: input.name, severity: 'error', code: 'strings/unreadable', reason: describeOpenError(cause) };
	return { summary: { files: [file] }, unparsed: emptyTally(), messages: [message] };
}

/** Scans one binary. `write` gets the strings as they are found when listing. */
export async function readBinary(input: Input, options: StringsOptions, write?: (text: string) => void): Promise<Result<StringsSummary>> {
	const listing = options.patterns.length === 0;
	const probe = createFileProbe(options.patterns, listing && write === undefined, options.encoding !== 'ascii');
	const sniffer = createVersionSniffer(input.name);
	const out = listing && write ? createBlockWriter(write) : undefined;
	// A piece of an overlong run (`more`) is probed on its own and printed without a line end.
	const scanner = createStringScanner(options.minLen, options.encoding, (text, offset, more) => {
		probe.add(text, offset, null);
		sniffer.add(text);
		out?.push(more ? text : `${text}\n`);
	});
	const messages: Message[] = [];
	const head = new Uint8Array(HEAD_BYTES);
	let headLength = 0;
	try {
		for await (const chunk of input.open()) {
			if (headLength < HEAD_BYTES) {
				const part = chunk.subarray(0, HEAD_BYTES - headLength);
				head.set(part, headLength);
				headLength += part.length;
			}
			scanner.push(chunk);
		}
	} catch (cause) {
		if (scanner.bytes === 0) return unreadable(input, cause);
		messages.push({ file: input.name, severity: 'error', code: 'strings/read-error', reason: `reading stopped after ${scanner.bytes} bytes: ${(cause as Error)?.message ?? String(cause)}` });
	}
	scanner.end();
	out?.flush();
	const elf = readElfHead(head.subarray(0, headLength));
	const size = scanner.bytes;
	const kind = size === 0 ? 'empty' : elf.elf ? 'elf' : looksLikeText(head.subarray(0, headLength)) ? 'text' : 'binary';
	if (kind === 'empty') messages.push({ file: input.name, severity: 'warning', code: 'strings/empty-file', reason: 'the file is empty: no strings' });
	if (kind === 'text') {
		messages.push({ file: input.name, severity: 'warning', code: 'strings/not-elf', reason: 'this is a text file, not an ELF binary; its lines were scanned like any bytes (a strings dump? name it *.strings or pass --input dump)' });
	}
	if (kind === 'binary') {
		const magic = Buffer.from(head.subarray(0, 4)).toString('hex').replace(/(..)(?=.)/g, '$1 ');
		messages.push({ file: input.name, severity: 'info', code: 'strings/not-elf', reason: `not an ELF file (it starts with ${magic}); scanned byte by byte, as strings -a does` });
	}
	const version = sniffer.result(elf.packageVersion);
	const file: StringsFile = {
		file: input.name,
		kind,
		size,
		version: version?.version ?? null,
		versionSource: version?.source ?? null,
		buildId: elf.buildId,
		strings: probe.strings,
		hits: probe.hits,
	};
	if (probe.list) file.list = probe.list;
	return { summary: { files: [file] }, unparsed: emptyTally(), messages };
}

/** Reads one dump through the dump sink, gunzipping it when it starts with the gzip magic. */
export async function readDump(input: Input, options: StringsOptions, write?: (text: string) => void): Promise<Result<StringsSummary>> {
	const listing = options.patterns.length === 0;
	const out = listing && write ? createBlockWriter(write) : undefined;
	const sink = createStringsDumpSink({ file: input.name }, options, out ? (text) => out.push(text) : undefined);
	const overlong: { line: number; head: string }[] = [];
	const splitter = new LineSplitter(
		(text, lineNo) => sink.line(text, lineNo),
		(line, _length, head) => overlong.push({ line, head }),
	);
	const messages: Message[] = [];
	let bytes = 0;
	try {
		for await (const chunk of gunzipIfNeeded(input.open())) {
			bytes += chunk.length;
			splitter.push(chunk);
		}
	} catch (cause) {
		if (bytes === 0 && !(cause as NodeJS.ErrnoException)?.code?.startsWith('Z_')) return unreadable(input, cause);
		messages.push({ file: input.name, line: splitter.lines + 1, severity: 'error', code: 'strings/read-error', reason: `reading stopped early: ${(cause as Error)?.message ?? String(cause)}` });
	}
	splitter.end();
	out?.flush();
	const result = sink.end();
	for (const { line, head } of overlong) addUnparsed(result.unparsed, 'input/line-too-long', line, `${head}…`, input.name);
	result.messages.push(...messages);
	return result;
}

/**
 * Runs the probe over `inputs`, each on its own. With `write` (the CLI's text format) the text
 * report goes out through it: strings as they are found when listing, the table at the end
 * when probing. Without it, listed strings are kept in the summary for the renderers.
 */
export async function readStringsInputs(inputs: Input[], options: StringsOptions = defaultStringsOptions(), write?: (text: string) => void): Promise<Result<StringsSummary>> {
	let total = emptyResult(spec);
	for (const input of inputs) {
		const read = isDumpName(input.name, options.input) ? readDump : readBinary;
		total = mergeResults(spec, total, await read(input, options, write));
	}
	if (write && options.patterns.length > 0) write(renderStringsText(total, options));
	return total;
}
