/**
 * `fieldnotes <parser> [options] [files…|-]`
 *
 * The report goes to stdout; messages and the unparsed-lines tally go to stderr as
 * `file:line: severity code reason`. Exit status: 0 ok, 1 problems in the input (an error
 * message), 2 usage or I/O error. Files may be gzip'd; `-` or no file reads stdin.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type AnyParserSpec, type Result } from '../parsers/contract.ts';
import { emptyTally } from '../parsers/tally.ts';
import { parsers as registered } from '../parsers/registry.ts';
import { planPieces, runPieces } from '../parsers/parallel.ts';
import { fileInput, InputError, runParser, stdinInput, type Input } from '../parsers/run.ts';
import { createRedactingWriter, readRedactOptions, redactCliOptions, redactHelp } from './redact-options.ts';
import { showControlsInLines } from '../lib/text.ts';
import { formatMessage, formatTally } from './report-stderr.ts';

export interface Io {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
}

const processIo: Io = {
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text),
};

const commonOptions = {
	format: { type: 'string' },
	'from-json': { type: 'boolean' },
	jobs: { type: 'string' },
	help: { type: 'boolean' },
	quiet: { type: 'boolean' },
	...redactCliOptions,
} satisfies NonNullable<ParseArgsConfig['options']>;

function usage(parsers: readonly AnyParserSpec[]): string {
	const lines = ['usage: fieldnotes <parser> [options] [files…|-]', '', 'parsers:'];
	for (const parser of parsers) lines.push(`  ${parser.name.padEnd(10)} ${parser.title}`);
	lines.push('', 'Run `fieldnotes <parser> --help` for its options.');
	return `${lines.join('\n')}\n`;
}

function parserUsage(spec: AnyParserSpec): string {
	const formats = ['text', 'json', ...Object.keys(spec.formats ?? {})].join('|');
	return [
		`usage: fieldnotes ${spec.name} [options] [files…|-]`,
		'',
		spec.description,
		'',
		`  --format ${formats}   output format (default text)`,
		'  --quiet            do not print the unparsed-lines tally on stderr',
		...redactHelp,
		...(spec.inputs === 'concatenate' && !spec.readInputs
			? [
					'  --jobs N           read one large plain file with N threads (cut at line ends, merged',
					'                     exactly); gzip\'d files and stdin are read in one pass',
				]
			: []),
		...(spec.readJson
			? [
					'  --from-json        the files are `--format json` outputs of earlier runs (one per file,',
					'                     day or relay, made anywhere): merged into one report',
				]
			: []),
		'  --help             this text',
		...(spec.cli?.help ?? []).map((line) => `  ${line}`),
		'',
		spec.readInputs ? 'With no file, or `-`, standard input is read.' : 'Files may be gzip-compressed. With no file, or `-`, standard input is read.',
		'',
	].join('\n');
}

/** The report in the format asked for: one text, or its pieces when the parser gives them. */
function render(spec: AnyParserSpec, format: string, result: Parameters<AnyParserSpec['renderText']>[0], options: unknown): string | Iterable<string> {
	if (format === 'text') return spec.renderTextParts?.(result, options) ?? spec.renderText(result, options);
	if (format === 'json') return `${JSON.stringify(spec.renderJson ? spec.renderJson(result) : result.summary, null, 2)}\n`;
	const extra = spec.formats?.[format];
	if (extra) return extra(result, options);
	throw new UsageError(`unknown --format ${JSON.stringify(format)}; choose text, json${Object.keys(spec.formats ?? {}).map((f) => `, ${f}`).join('')}`);
}

/**
 * A report for a terminal or a file: control characters taken from the log (an escape sequence in
 * a reject reason or a host name) are shown as `\x1b`, never sent to the terminal. JSON escapes
 * its own strings.
 */
function escapeReport(format: string, report: string): string {
	return format === 'json' ? report : showControlsInLines(report);
}

/** How much of a report in pieces is gathered before it is escaped and written. */
const CHUNK = 1 << 16;

/**
 * Writes a report: a text at once, pieces in chunks as they come (a report of 260,000 rows,
 * 14 MB, is then never held whole, nor escaped and encoded whole). Escaping is per character, so
 * a chunk may end anywhere.
 */
function writeReport(format: string, report: string | Iterable<string>, write: (text: string) => void): void {
	if (typeof report === 'string') return write(escapeReport(format, report));
	let chunk = '';
	for (const part of report) {
		chunk += part;
		if (chunk.length < CHUNK) continue;
		write(escapeReport(format, chunk));
		chunk = '';
	}
	if (chunk !== '') write(escapeReport(format, chunk));
}

/** `--jobs N`: a positive integer (1 when absent). */
function readJobs(value: unknown): number {
	if (value === undefined) return 1;
	const jobs = Number(value);
	if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs: ${JSON.stringify(value)} is not a number of threads from 1 to 64`);
	return jobs;
}

/** With `--jobs N > 1`, one plain file of a concatenating parser read in pieces; else undefined. */
async function runInPieces(spec: AnyParserSpec, files: string[], jobs: number, options: unknown): Promise<Result<unknown> | undefined> {
	if (jobs < 2 || spec.inputs !== 'concatenate' || spec.readInputs || files.length !== 1 || files[0] === '-') return undefined;
	const pieces = await planPieces(files[0]!, jobs);
	return pieces && pieces.length > 1 ? runPieces(spec, files[0]!, pieces, options) : undefined;
}

/** `--from-json`: each file's summary read back by the parser, merged in the order given. */
async function mergeJsonFiles(spec: AnyParserSpec, files: string[]): Promise<Result<unknown>> {
	if (!spec.readJson) throw new UsageError(`--from-json: ${spec.name} summaries cannot be read back`);
	if (files.length === 0 || files.includes('-')) throw new UsageError('--from-json needs the JSON files as arguments');
	let summary = spec.empty();
	for (const file of files) {
		let value: unknown;
		try {
			value = spec.readJson(JSON.parse(await readFile(file, 'utf8')));
		} catch (cause) {
			// Unreadable, not JSON, or not a summary: `file: why`.
			throw new InputError(file, cause);
		}
		summary = spec.merge(summary, value);
	}
	// Unparsed lines and messages were reported by the runs that wrote the files.
	return { summary, unparsed: emptyTally(), messages: [] };
}

/** Runs the CLI; returns the exit status. `parsers` is the registry (tests pass their own). */
export async function main(argv: string[], io: Io = processIo, parsers: readonly AnyParserSpec[] = registered): Promise<number> {
	const [name, ...rest] = argv;
	if (name === undefined || name === '--help' || name === 'help') {
		(name === undefined ? io.stderr : io.stdout)(usage(parsers));
		return name === undefined ? 2 : 0;
	}
	const spec = parsers.find((parser) => parser.name === name);
	if (!spec) {
		io.stderr(`fieldnotes: unknown parser ${JSON.stringify(name)}\n\n${usage(parsers)}`);
		return 2;
	}
	try {
		const { values, positionals } = parseArgs({
			args: spec.cli?.normalizeArgs ? spec.cli.normalizeArgs(rest) : rest,
			options: { ...commonOptions, ...(spec.cli?.config ?? {}) },
			allowPositionals: true,
			strict: true,
		});
		if (values.help) {
			io.stdout(parserUsage(spec));
			return 0;
		}
		const format = typeof values.format === 'string' ? values.format : 'text';
		const options = spec.cli ? spec.cli.read({ ...values, format }) : undefined;
		const inputs: Input[] = positionals.length === 0 ? [stdinInput()] : positionals.map((p) => (p === '-' ? stdinInput() : fileInput(p)));
		// Byte parsers stream their text report as they read; everyone else renders at the end.
		const streamed = format === 'text' && spec.readInputs !== undefined && !values['from-json'];
		const redactor = readRedactOptions(values);
		const out = redactor ? createRedactingWriter(io.stdout, redactor) : { write: io.stdout, flush() {} };
		const parsed = values['from-json']
			? await mergeJsonFiles(spec, positionals)
			: streamed
				? await spec.readInputs!(inputs, options, out.write)
				: await runInPieces(spec, positionals, readJobs(values.jobs), options) ?? (await runParser(spec, inputs, options));
		out.flush();
		// Everything printed from here on, report and stderr alike, comes from the redacted result.
		const result = redactor ? redactor.value(parsed) : parsed;
		if ((values as Record<string, unknown>).check === true && spec.check) {
			// Monitoring mode: stdout is the plugin's output alone, the exit code its status.
			const checked = spec.check(result, options);
			io.stdout(checked.text);
			return checked.exitCode;
		}
		if (format !== 'json' && format !== 'markdown' && spec.renderPreamble) {
			io.stderr(showControlsInLines(spec.renderPreamble(result, options)));
		}
		if (!streamed) writeReport(format, render(spec, format, result, options), io.stdout);
		for (const message of result.messages) io.stderr(`${formatMessage(message)}\n`);
		if (!values.quiet && result.unparsed.total > 0) io.stderr(formatTally(result.unparsed));
		return result.messages.some((m) => m.severity === 'error') ? 1 : 0;
	} catch (error) {
		if (error instanceof InputError) {
			io.stderr(`fieldnotes ${spec.name}: ${error.message}\n`);
			return 2;
		}
		if (error instanceof UsageError || (error as NodeJS.ErrnoException)?.code?.startsWith('ERR_PARSE_ARGS')) {
			io.stderr(`fieldnotes ${spec.name}: ${(error as Error).message}\n\n${parserUsage(spec)}`);
			return 2;
		}
		throw error;
	}
}
