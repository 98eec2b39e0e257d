/**
 * A minimal parser used to test the shared driver (run.ts) without depending on a real
 * parser's rules: it counts lines that are decimal numbers and sums them; anything else is
 * unparsed; the word `ERROR` yields an error message.
 */
import type { ParserSpec, Sink } from '../../src/parsers/contract.ts';
import { addUnparsed, emptyTally } from '../../src/parsers/tally.ts';

export interface SumSummary {
	lines: number;
	sum: number;
	files: string[];
}

export const sumParser: ParserSpec<SumSummary> = {
	name: 'sum',
	title: 'numbers, one per line',
	description: 'Sums decimal numbers.',
	inputs: 'merge',
	createSink({ file }): Sink<SumSummary> {
		const summary: SumSummary = { lines: 0, sum: 0, files: [file] };
		const unparsed = emptyTally();
		const messages: ReturnType<Sink<SumSummary>['end']>['messages'] = [];
		let current = file;
		return {
			beginFile(name) {
				current = name;
				if (!summary.files.includes(name)) summary.files.push(name);
			},
			line(text, lineNo) {
				if (/^\d+$/.test(text)) {
					summary.lines++;
					summary.sum += Number(text);
				} else if (text === 'ERROR') {
					messages.push({ file: current, line: lineNo, severity: 'error', code: 'sum/error-line', reason: 'an ERROR line' });
				} else addUnparsed(unparsed, 'sum/not-a-number', lineNo, text, current);
			},
			end: () => ({ summary, unparsed, messages }),
		};
	},
	empty: () => ({ lines: 0, sum: 0, files: [] }),
	merge: (a, b) => ({ lines: a.lines + b.lines, sum: a.sum + b.sum, files: [...a.files, ...b.files] }),
	renderText: (result) => `lines ${result.summary.lines} sum ${result.summary.sum}\n`,
	renderView: (result) => ({ totals: [{ label: 'Sum', value: result.summary.sum }], findings: [], sections: [] }),
};
