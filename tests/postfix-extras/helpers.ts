/** Shared by the extras tests: inputs as lines, and the extras state of lines. */
import { collectPostfixExtras, type PostfixExtras } from '../../src/parsers/postfix/extras/index.ts';
import { jsonlLines, plain, readLines } from '../postfix-findings/collect.ts';

export { jsonlLines, plain, readLines };

const here = (path: string) => new URL(path, import.meta.url);

/** Our own samples (real Postfix 3.7 on loopback). */
export const relayWeek = readLines(here('../../content/samples/postfix/relay-week.log.gz'));
export const abuseDay = readLines(here('../../content/samples/postfix/abuse-day.log.gz'));
export const cleanDay = readLines(here('../../content/samples/postfix/clean-day.log.gz'));

/** Permissive corpus copies (tests/fixtures/postfix/corpus/SOURCE.md). */
export const exporterLines = readLines(
	here('../fixtures/postfix/corpus/postfix-exporter-test-lines.log'),
);
export const grokLines = jsonlLines(
	here('../fixtures/postfix/corpus/whyscream-grok-test-messages.jsonl'),
);
export const logwatchLines = jsonlLines(
	here('../fixtures/postfix/corpus/postfix-logwatch-TD-messages.jsonl'),
);

/** The extras state of `lines`, as plain JSON. */
export const extrasOf = (lines: string[]): PostfixExtras => plain(collectPostfixExtras(lines));
