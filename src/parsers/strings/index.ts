/**
 * strings probe.
 *
 * Accepts binaries of any kind (ELF expected; other files are scanned too, with a message) and
 * strings dumps: the output of `strings -a FILE` or `strings -a -t x FILE`, gzip'd or not, named
 * `*.strings`, `*.strings.gz` (or read with `--input dump`).
 * Without patterns it prints the printable strings exactly as GNU `strings -a` does (binutils
 * 2.40 `binutils/strings.c`: `-n`, `-e s|l|b`); with `--find` / `--find-regex` it prints one row
 * per binary: version, size, and where each pattern first occurs.
 *
 * Binaries are bytes, not lines, so they do not fit the line-fed `Sink` of the contract: the
 * spec's `readInputs` ({@link readStringsInputs}) reads them (and dumps) itself, streaming, and
 * `runParser`, the CLI and the site loader all go through it. `createSink` reads a dump alone,
 * for callers that feed lines (`parseText`).
 * Guide: "Finding when a feature appeared in a binary", `content/guides/binary-features.mdx`,
 * published at `guides/binary-features/` (the id the explain table in `src/lib/explain.ts` uses).
 */
import type { ParserSpec } from '../contract.ts';
import { createStringsDumpSink } from './dump.ts';
import { defaultStringsOptions, stringsCli, type StringsOptions } from './options.ts';
import { readStringsInputs } from './read.ts';
import { renderStringsText } from './render-text.ts';
import { renderStringsView } from './render-view.ts';
import { emptyStringsSummary, mergeStringsSummary, type StringsSummary } from './summary.ts';

export type { StringsOptions, StringsInputMode } from './options.ts';
export type { StringsSummary, StringsFile, PatternHit, StringsInputKind, VersionSource } from './summary.ts';
export type { StringsEncoding } from './scan.ts';
export { createStringScanner, isPrintableByte, DEFAULT_MIN_LEN } from './scan.ts';
export { readStringsOptions, defaultStringsOptions } from './options.ts';
export { readStringsInputs, readBinary, readDump, isDumpName } from './read.ts';
export { createStringsDumpSink } from './dump.ts';
export { readElfHead } from './elf.ts';
export { versionFromPath, programName, createVersionSniffer } from './version.ts';
export { renderStringsText } from './render-text.ts';
export { renderStringsView, compareVersions } from './render-view.ts';
export { emptyStringsSummary, mergeStringsSummary } from './summary.ts';

/** The strings probe as the registry, the CLI and the site loader use it. */
export const strings: ParserSpec<StringsSummary, StringsOptions> = {
	name: 'strings',
	title: 'printable strings of binaries; which versions hold a directive',
	description: 'Prints the printable strings of files as GNU strings -a does, or, with --find / --find-regex, one row per binary: detected version, size, and where each pattern first occurs. Reads binaries and strings dumps (*.strings, *.strings.gz).',
	inputs: 'merge',
	guide: 'guides/binary-features/',
	createSink: (context, options) => createStringsDumpSink(context, options ?? defaultStringsOptions(), undefined, 'lines'),
	empty: emptyStringsSummary,
	merge: mergeStringsSummary,
	renderText: renderStringsText,
	renderView: renderStringsView,
	readInputs: readStringsInputs,
	cli: stringsCli,
};
