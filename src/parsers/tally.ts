/**
 * The "unparsed lines" tally every parser keeps: a count per reason plus the first few lines,
 * so nothing is dropped silently and the report can show "Unparsed lines (N)".
 */

export interface UnparsedExample {
	file?: string;
	line: number;
	/** The line as read, cut to {@link EXAMPLE_TEXT_MAX} characters. */
	text: string;
}

export interface TallyEntry {
	count: number;
	examples: UnparsedExample[];
}

export interface Tally {
	total: number;
	/** Keyed by message-style reason code, e.g. `dropwatch/unknown-line`. */
	reasons: Record<string, TallyEntry>;
}

/** How many example lines each reason keeps. */
export const EXAMPLES_PER_REASON = 5;
/** Example lines longer than this are cut, and end in `…`. */
export const EXAMPLE_TEXT_MAX = 500;

export function emptyTally(): Tally {
	return { total: 0, reasons: {} };
}

function clip(text: string): string {
	return text.length > EXAMPLE_TEXT_MAX ? `${text.slice(0, EXAMPLE_TEXT_MAX)}…` : text;
}

/** Counts one unparsed line under `reason`; keeps it as an example while there is room. */
export function addUnparsed(
	tally: Tally,
	reason: string,
	line: number,
	text: string,
	file?: string,
): void {
	const entry = (tally.reasons[reason] ??= { count: 0, examples: [] });
	entry.count++;
	tally.total++;
	if (entry.examples.length < EXAMPLES_PER_REASON) {
		entry.examples.push(file === undefined ? { line, text: clip(text) } : { file, line, text: clip(text) });
	}
}

/** Combines two tallies; examples keep `a`'s first, then `b`'s, up to the limit. */
export function mergeTally(a: Tally, b: Tally): Tally {
	const out: Tally = { total: a.total + b.total, reasons: {} };
	for (const source of [a, b]) {
		for (const [reason, entry] of Object.entries(source.reasons)) {
			const target = (out.reasons[reason] ??= { count: 0, examples: [] });
			target.count += entry.count;
			for (const example of entry.examples) {
				if (target.examples.length < EXAMPLES_PER_REASON) target.examples.push({ ...example });
			}
		}
	}
	return out;
}
