/**
 * A log cut anywhere, each piece summarised on its own, the summaries merged in order: the same
 * summary and the same report as one pass over the whole log — also for the messages whose lines
 * fall on both sides of a cut (their size, their sender, a second deferral, their `-e` detail,
 * an smtpd connection open across the cut, a day cut in two). This is what makes `--from-json`
 * over rotated files, or over a file cut for parallel runs, exact.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { postfix } from '../../src/parsers/postfix/index.ts';
import { parseText } from '../../src/parsers/run.ts';

const SAMPLES = ['relay-week', 'abuse-day', 'clean-day'] as const;
const LINES = Object.fromEntries(
	SAMPLES.map((name) => [
		name,
		gunzipSync(readFileSync(`content/samples/postfix/${name}.log.gz`)).toString('utf8').split('\n').filter(Boolean),
	]),
) as Record<(typeof SAMPLES)[number], string[]>;

const OPTION_SETS = {
	default: {},
	'-e --smtpd-stats': { e: true, 'smtpd-stats': true },
	'--verbose-msg-detail --no-no-msg-size -i': { 'verbose-msg-detail': true, 'no-no-msg-size': true, i: true },
};

const optionsOf = (set: keyof typeof OPTION_SETS) =>
	postfix.cli!.read({ now: '2024-12-31 00:00:00', format: 'json', ...OPTION_SETS[set] });

function parse(lines: string[], options: ReturnType<typeof optionsOf>) {
	return parseText(postfix, `${lines.join('\n')}\n`, options, 'maillog').summary;
}

/** The summary with the recipient domains' delay sums (column 3, a float) set to 0. */
function withoutDelaySums<S extends { recipientDomains: Record<string, number[]> }>(summary: S): S {
	const rows = Object.entries(summary.recipientDomains).map(([key, row]) => [key, row.map((v, i) => (i === 3 ? 0 : v))]);
	return { ...summary, recipientDomains: Object.fromEntries(rows) };
}

/** The pieces between sorted cut points. */
function cut(lines: string[], points: number[]): string[][] {
	const bounds = [0, ...[...new Set(points)].sort((a, b) => a - b), lines.length];
	return bounds.slice(1).map((end, i) => lines.slice(bounds[i], end));
}

describe('merging the summaries of a log cut anywhere', () => {
	test.each(Object.keys(OPTION_SETS) as (keyof typeof OPTION_SETS)[])('equals one pass (%s)', (set) => {
		const options = optionsOf(set);
		const wholes = Object.fromEntries(SAMPLES.map((name) => [name, parse(LINES[name], options)]));
		fc.assert(
			fc.property(
				fc.constantFrom(...SAMPLES),
				fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
				(name, fractions) => {
					const lines = LINES[name];
					const pieces = cut(lines, fractions.map((f) => Math.floor(f * lines.length)));
					const merged = pieces.map((piece) => parse(piece, options)).reduce((a, b) => postfix.merge(a, b));
					const { findings: f1, ...whole } = wholes[name]!;
					const { findings: f2, ...summary } = merged;
					// Delay sums are floats (as in pflogsumm): a merge adds them in another order.
					expect(withoutDelaySums(summary)).toEqual(withoutDelaySums(whole));
					for (const [domain, row] of Object.entries(whole.recipientDomains))
						expect(summary.recipientDomains[domain]![3]).toBeCloseTo(row[3], 9);
					const result = (summary: typeof merged) => ({ summary, unparsed: { total: 0, reasons: {} }, messages: [] });
					expect(postfix.renderText(result(merged), options)).toBe(postfix.renderText(result(wholes[name]!), options));
				},
			),
			// A fixed seed: the reports compared include average delays, whose last digit could
			// differ at an exact rounding boundary (see withoutDelaySums); no run here is one.
			{ numRuns: 40, seed: 20261126 },
		);
	});

	test('a cut between a message received and its size line still counts its sender and bytes', () => {
		const lines = LINES['relay-week'];
		// The first message received by smtpd, and its qmgr size line.
		const received = lines.findIndex((line) => / postfix\/smtpd\[\d+\]: [0-9A-F]+: client=/.test(line));
		const qid = / ([0-9A-F]+): client=/.exec(lines[received]!)![1]!;
		const size = lines.findIndex((line) => line.includes(` ${qid}: from=<`) && line.includes(', size='));
		expect(size).toBeGreaterThan(received);
		const options = optionsOf('default');
		const [a, b] = cut(lines, [size]).map((piece) => parse(piece, options));
		const whole = parse(lines, options);
		expect(a!.open[qid]).toBeDefined();
		expect(b!.carried[qid]?.map((op) => op[0]).slice(0, 2)).toEqual(['t', 's']);
		expect(postfix.merge(a!, b!).bytesReceived).toBe(whole.bytesReceived);
		expect(a!.bytesReceived + b!.bytesReceived).toBeLessThan(whole.bytesReceived);
	});
});
