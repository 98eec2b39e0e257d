/**
 * A strings dump read back: the output of `strings -a FILE` (one string per line) or of
 * `strings -a -t x FILE` (`%7lx ` offset, one space, the string), maybe gzip'd. This is the
 * line-oriented half of the parser, a plain {@link Sink}: the site build probes committed dumps
 * through it, so the binaries themselves need not be committed.
 *
 * Which form a dump has is decided by its first line. A line that `strings` could not have
 * printed (a character other than tab and 0x20–0x7e, a missing offset) is tallied, not probed.
 */
import type { Message, Result, Sink, SinkContext } from '../contract.ts';
import { addUnparsed, emptyTally } from '../tally.ts';
import type { StringsOptions } from './options.ts';
import { createFileProbe } from './probe.ts';
import type { StringsFile } from './summary.ts';
import { createVersionSniffer } from './version.ts';
import type { StringsSummary } from './summary.ts';

/** A line of `strings -t x`: right-aligned hex offset in at least 7 columns, a space, the string. */
const OFFSET_LINE = /^( *)([0-9a-f]+) ([\s\S]*)$/;
const NOT_PRINTABLE = /[^\t\x20-\x7e]/;

function parseOffsetLine(line: string): { offset: number; text: string } | null {
	const found = OFFSET_LINE.exec(line);
	if (!found || found[1]!.length + found[2]!.length < 7) return null;
	return { offset: Number.parseInt(found[2]!, 16), text: found[3]! };
}

/** What to tell someone who fed a binary to the dump reader, by how it got there. */
const BINARY_HINT = {
	option: 'give the binary itself, without --input dump',
	lines: 'binaries are read byte by byte through the parser\'s readInputs, which this caller did not use',
};

/**
 * Creates the sink for one dump. `write`, when given, receives each string as `strings` printed
 * it (listing without patterns), instead of keeping the list in the summary. `via` says whether
 * the byte reader chose this sink (`option`) or a line-only caller did (`lines`).
 */
export function createStringsDumpSink(context: SinkContext, options: StringsOptions, write?: (text: string) => void, via: keyof typeof BINARY_HINT = 'option'): Sink<StringsSummary> {
	const listing = options.patterns.length === 0;
	const probe = createFileProbe(options.patterns, listing && write === undefined);
	const sniffer = createVersionSniffer(context.file);
	const unparsed = emptyTally();
	const messages: Message[] = [];
	let withOffsets: boolean | undefined;
	let binary = false;
	let short = 0;
	let lines = 0;
	return {
		line(line, lineNo) {
			lines++;
			if (binary) return;
			if (withOffsets === undefined) {
				if (line.includes('\0') || line.startsWith('\x7fELF')) {
					binary = true;
					messages.push({ file: context.file, line: lineNo, severity: 'error', code: 'strings/binary-as-dump', reason: `this is binary data, not a strings dump (one string per line); ${BINARY_HINT[via]}` });
					return;
				}
				withOffsets = parseOffsetLine(line) !== null;
			}
			const parsed = withOffsets ? parseOffsetLine(line) : { offset: null, text: line };
			if (parsed === null) return addUnparsed(unparsed, 'strings/missing-offset', lineNo, line, context.file);
			if (parsed.text === '' || NOT_PRINTABLE.test(parsed.text)) return addUnparsed(unparsed, 'strings/not-a-string', lineNo, line, context.file);
			if (parsed.text.length < options.minLen) {
				short++;
				return;
			}
			probe.add(parsed.text, parsed.offset, lineNo);
			sniffer.add(parsed.text);
			if (listing) write?.(`${parsed.text}\n`);
		},
		end(): Result<StringsSummary> {
			if (lines === 0) messages.push({ file: context.file, severity: 'warning', code: 'strings/empty-file', reason: 'the dump is empty: no strings to probe' });
			if (short > 0) {
				messages.push({ file: context.file, severity: 'info', code: 'strings/short-dump-lines', reason: `${short} dump lines shorter than --min-len ${options.minLen} were not probed` });
			}
			const version = sniffer.result(null);
			const file: StringsFile = {
				file: context.file,
				kind: 'dump',
				size: null,
				version: version?.version ?? null,
				versionSource: version?.source ?? null,
				buildId: null,
				strings: probe.strings,
				hits: probe.hits,
			};
			if (probe.list) file.list = probe.list;
			return { summary: { files: [file] }, unparsed, messages };
		},
	};
}
