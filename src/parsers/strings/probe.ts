/**
 * The probe for one input: every string goes through {@link FileProbe.add}, which counts it,
 * checks it against the patterns (literal `--find`, JavaScript `--find-regex`), and keeps it
 * only when listing without a writer.
 */
import type { PatternHit } from './summary.ts';

/** A pattern from the command line or the sample's options. */
export interface StringsPattern {
	source: string;
	regex: boolean;
}

/** Characters kept either side of a match in {@link PatternHit.string}. */
export const CONTEXT_CHARS = 60;

/** Accumulates one input's strings. */
export interface FileProbe {
	/** `offset` is the byte offset of the string (null in plain dumps); `line` its dump line. */
	add(text: string, offset: number | null, line: number | null): void;
	readonly strings: number;
	readonly hits: PatternHit[];
	/** Set when listing into memory. */
	readonly list: string[] | undefined;
}

/** Cuts `text` to the match plus {@link CONTEXT_CHARS} either side, marking cuts with `…`. */
export function cutAround(text: string, index: number, length: number): string {
	const from = Math.max(0, index - CONTEXT_CHARS);
	const to = Math.min(text.length, index + length + CONTEXT_CHARS);
	return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

/** Compiles the patterns once; throws SyntaxError for a bad regular expression. */
export function compilePatterns(patterns: StringsPattern[]): ((text: string) => { index: number; match: string } | null)[] {
	return patterns.map((pattern) => {
		if (!pattern.regex) {
			return (text) => {
				const index = text.indexOf(pattern.source);
				return index < 0 ? null : { index, match: pattern.source };
			};
		}
		const regex = new RegExp(pattern.source);
		return (text) => {
			const found = regex.exec(text);
			return found === null ? null : { index: found.index, match: found[0] };
		};
	});
}

/**
 * Creates the probe for one input. `wide` says each character took two bytes (`utf16le`,
 * `utf16be`), so a match's byte offset is the string's offset plus twice its index.
 */
export function createFileProbe(patterns: StringsPattern[], keepList: boolean, wide = false): FileProbe {
	const matchers = compilePatterns(patterns);
	const hits: PatternHit[] = patterns.map((pattern) => ({
		pattern: pattern.source,
		regex: pattern.regex,
		count: 0,
		match: null,
		string: null,
		offset: null,
		line: null,
	}));
	const list = keepList ? ([] as string[]) : undefined;
	let strings = 0;
	return {
		add(text, offset, line) {
			strings++;
			list?.push(text);
			for (let i = 0; i < matchers.length; i++) {
				const found = matchers[i]!(text);
				if (found === null) continue;
				const hit = hits[i]!;
				if (hit.count++ > 0) continue;
				hit.match = found.match;
				hit.string = cutAround(text, found.index, found.match.length);
				hit.offset = offset === null ? null : offset + found.index * (wide ? 2 : 1);
				hit.line = line;
			}
		},
		get strings() {
			return strings;
		},
		hits,
		list,
	};
}
