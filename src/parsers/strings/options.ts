/** `fieldnotes strings` options, from argv strings or sample frontmatter values. */
import { UsageError, type CliOptions } from '../contract.ts';
import type { StringsPattern } from './probe.ts';
import { DEFAULT_MIN_LEN, type StringsEncoding } from './scan.ts';

/** How to read an input: by its name (`auto`), always as bytes, or always as a strings dump. */
export type StringsInputMode = 'auto' | 'binary' | 'dump';

/** Options of one probe run, as {@link readStringsOptions} builds them. */
export interface StringsOptions {
	/** `strings -n`: shortest run reported (default 4). Dump lines shorter than this are ignored. */
	minLen: number;
	/** `strings -e`: `ascii` (`s`, default), `utf16le` (`l`), `utf16be` (`b`). Binaries only. */
	encoding: StringsEncoding;
	/** `--find` literals and `--find-regex` expressions, in the order given. None: list strings. */
	patterns: StringsPattern[];
	/** `auto`: names ending in `.strings`, `.strings.gz`, `.strings.txt(.gz)` are dumps. */
	input: StringsInputMode;
}

/** Options when none are given: `strings -a` itself. */
export function defaultStringsOptions(): StringsOptions {
	return { minLen: DEFAULT_MIN_LEN, encoding: 'ascii', patterns: [], input: 'auto' };
}

const ENCODINGS: Record<string, StringsEncoding> = { ascii: 'ascii', s: 'ascii', utf16le: 'utf16le', l: 'utf16le', utf16be: 'utf16be', b: 'utf16be' };

const list = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

/** Reads the options; throws {@link UsageError} for bad values (a bad regex included). */
export function readStringsOptions(values: Record<string, unknown>): StringsOptions {
	const options = defaultStringsOptions();
	const minLen = values['min-len'] ?? values.minLen;
	if (minLen !== undefined) {
		const text = String(minLen);
		if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--min-len expects a whole number ≥ 1, got ${JSON.stringify(text)}`);
		options.minLen = Number(text);
	}
	if (values.encoding !== undefined) {
		const encoding = ENCODINGS[String(values.encoding)];
		if (!encoding) throw new UsageError(`--encoding expects ascii, utf16le or utf16be, got ${JSON.stringify(String(values.encoding))}`);
		options.encoding = encoding;
	}
	if (values.input !== undefined) {
		const input = String(values.input);
		if (input !== 'auto' && input !== 'binary' && input !== 'dump') throw new UsageError(`--input expects auto, binary or dump, got ${JSON.stringify(input)}`);
		options.input = input;
	}
	for (const source of list(values.find)) {
		if (source === '') throw new UsageError('--find expects a non-empty text');
		options.patterns.push({ source, regex: false });
	}
	for (const source of list(values['find-regex'] ?? values.findRegex)) {
		try {
			new RegExp(source);
		} catch (error) {
			throw new UsageError(`--find-regex ${JSON.stringify(source)} is not a valid regular expression: ${(error as Error).message}`);
		}
		options.patterns.push({ source, regex: true });
	}
	return options;
}

/** The CLI description of these options. */
export const stringsCli: CliOptions<StringsOptions> = {
	config: {
		'min-len': { type: 'string', short: 'n' },
		encoding: { type: 'string', short: 'e' },
		find: { type: 'string', multiple: true },
		'find-regex': { type: 'string', multiple: true },
		input: { type: 'string' },
	},
	read: readStringsOptions,
	help: [
		'-n, --min-len N        shortest string printed (default 4), as strings -n',
		'-e, --encoding E       ascii (default), utf16le or utf16be, as strings -e s|l|b',
		'--find=TEXT            report where TEXT occurs (repeatable); write --find=--flag for',
		'                       texts that start with a dash',
		'--find-regex=RE        same with a JavaScript regular expression (repeatable)',
		'--input auto|binary|dump   auto: *.strings, *.strings.gz are strings dumps (the',
		'                       output of strings -a or strings -a -t x), anything else is',
		'                       scanned byte by byte',
	],
};
