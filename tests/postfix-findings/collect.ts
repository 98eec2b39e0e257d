/** Shared by the findings tests: read inputs, feed the collector, wrap header-less messages. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import {
	createPostfixFindings,
	emptyPostfixFindings,
	listPostfixFindings,
	mergePostfixFindings,
	type PostfixFinding,
	type PostfixFindingsState,
} from '../../src/parsers/postfix/findings/index.ts';

type Options = Parameters<typeof createPostfixFindings>[0];

/** The lines of a file, gunzipped when it ends in `.gz` (no trailing empty line). */
export function readLines(url: URL): string[] {
	const bytes = readFileSync(url);
	const text = (url.pathname.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
	const lines = text.split('\n');
	if (lines.at(-1) === '') lines.pop();
	return lines;
}

/** Feeds `lines` (numbered from `first`) and returns the state. */
export function stateOf(
	lines: string[],
	file?: string,
	options?: Options,
	first = 1,
): PostfixFindingsState {
	const collector = createPostfixFindings(options);
	lines.forEach((text, i) => collector.line(text, first + i, file));
	return collector.end();
}

export function findingsOf(lines: string[], file?: string, options?: Options): PostfixFinding[] {
	return listPostfixFindings(stateOf(lines, file, options), options);
}

/** The finding with `code`, or undefined. */
export const byCode = (findings: PostfixFinding[], code: string) =>
	findings.find((f) => f.code === code);

/** The states of the pieces of `lines` between `cuts`, each numbered as in the whole, merged in order. */
export function mergedPieces(lines: string[], cuts: number[], options?: Options): PostfixFindingsState {
	const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), lines.length];
	let merged = emptyPostfixFindings();
	for (let i = 0; i + 1 < bounds.length; i++) {
		const piece = lines.slice(bounds[i], bounds[i + 1]);
		merged = mergePostfixFindings(merged, stateOf(piece, 'log', options, bounds[i]! + 1));
	}
	return merged;
}

/** Plain JSON (records without prototype compare like ordinary objects). */
export const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

interface MessageRecord {
	message: string;
	daemon?: string;
	grok_pattern?: string;
	queue_id_marker?: string;
}

/**
 * A syslog line for a header-less message (postfix-logwatch `#TD`, grok test data), as
 * `tests/fixtures/postfix/corpus/SOURCE.md` describes.
 */
export function withHeader(record: MessageRecord): string {
	const daemon = record.daemon ?? record.grok_pattern!.replace(/^POSTFIX_/, '').toLowerCase();
	const qid = record.queue_id_marker === 'QID' ? 'ABCDEF123456: ' : '';
	return `Jan  1 00:00:00 mx postfix/${daemon}[1]: ${qid}${record.message}`;
}

/** The records of a JSON Lines file as syslog lines. */
export function jsonlLines(url: URL): string[] {
	return readLines(url).map((line) => withHeader(JSON.parse(line) as MessageRecord));
}
