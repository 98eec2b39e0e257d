/**
 * `--unprocd-file FILE` (pflogsumm 1.1.12+: "Emit unprocessed logfile lines to file"): every line
 * that counts nowhere in the report, as `file:line: text`, in log order. Which lines those are
 * follows pflogsumm 1.1.5's branches, which the report mirrors (`parse.ts`); pflogsumm 1.3.0
 * prefixes its own script's source line instead, and its parser has other branches.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { InputError } from '../run.ts';
import type { UnprocessedLines } from './options.ts';

/** Written in pieces of about this many characters. */
const BUFFER = 1 << 16;

/**
 * Creates (or empties) `path` for the unprocessed lines, which are appended in pieces of
 * {@link BUFFER} characters and at `flush`; no descriptor stays open between them. A file that
 * cannot be written, at the start or later (a full disk), ends the run as an unreadable input
 * does: `fieldnotes postfix: --unprocd-file PATH: why`, exit 2.
 */
export function openUnprocdFile(path: string): UnprocessedLines {
	const fail = (cause: unknown) => new InputError(`--unprocd-file ${path}`, cause);
	try {
		writeFileSync(path, '');
	} catch (cause) {
		throw fail(cause);
	}
	let pending = '';
	const flush = () => {
		if (pending === '') return;
		try {
			appendFileSync(path, pending);
		} catch (cause) {
			throw fail(cause);
		}
		pending = '';
	};
	return {
		line(text, lineNo, file) {
			pending += `${file}:${lineNo}: ${text}\n`;
			if (pending.length >= BUFFER) flush();
		},
		flush,
	};
}
