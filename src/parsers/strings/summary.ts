/** What the strings probe found, per input: plain JSON, merged by concatenating inputs. */

/** How an input was read. */
export type StringsInputKind =
	/** An ELF file (starts with `\x7fELF`), scanned byte by byte. */
	| 'elf'
	/** Bytes that are neither ELF nor text, scanned byte by byte. */
	| 'binary'
	/** A text file given as a binary: scanned like any file, with a warning. */
	| 'text'
	/** A file with no bytes. */
	| 'empty'
	/** A `strings -a` (or `strings -a -t x`) dump, one string per line, maybe gzip'd. */
	| 'dump'
	/** Could not be read at all (a directory, no permission, missing); see the messages. */
	| 'unreadable';

/** Where the version in {@link StringsFile.version} came from. */
export type VersionSource = 'elf-note' | 'string' | 'file-name';

/** The first string that matched one `--find` or `--find-regex` pattern. */
export interface PatternHit {
	/** The pattern as given: the literal text, or the regular expression's source. */
	pattern: string;
	/** True for `--find-regex`. */
	regex: boolean;
	/** How many strings matched (each string counts once). */
	count: number;
	/** The matched text of the first match: the literal itself, or what the regex matched. */
	match: string | null;
	/** The string holding the first match, cut to 160 characters around it (with `…`). */
	string: string | null;
	/** Byte offset of the first match in the file; null when read from a dump without offsets. */
	offset: number | null;
	/** Line of the dump holding the first match (dumps only), else null. */
	line: number | null;
}

/** One input (one binary, or one dump of a binary). */
export interface StringsFile {
	/** The path as given. */
	file: string;
	kind: StringsInputKind;
	/** Size in bytes of the binary; null for dumps and unreadable inputs. */
	size: number | null;
	/** Detected program version, e.g. `0.16.5`, or null. */
	version: string | null;
	versionSource: VersionSource | null;
	/** ELF build id (GNU `NT_GNU_BUILD_ID` as hex, or the Go build id), or null. */
	buildId: string | null;
	/** Strings found (every printable run of at least the minimum length; each dump line). */
	strings: number;
	/** One entry per pattern, in the order the patterns were given. */
	hits: PatternHit[];
	/**
	 * The strings themselves, when listing (no patterns) and not streaming to stdout; else
	 * absent. Offsets are not kept: `strings -a` does not print them either.
	 */
	list?: string[];
}

/** The probe over several inputs. */
export interface StringsSummary {
	/** One entry per input, in input order. */
	files: StringsFile[];
}

/** No inputs. */
export function emptyStringsSummary(): StringsSummary {
	return { files: [] };
}

/** Inputs of `b` after those of `a`. */
export function mergeStringsSummary(a: StringsSummary, b: StringsSummary): StringsSummary {
	return { files: [...a.files, ...b.files] };
}
