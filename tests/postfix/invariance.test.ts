import { describe, expect, test } from 'vitest';
import { parseText, runParser, type Input } from '../../src/parsers/run.ts';
import { postfix, type PostfixOptions, type PostfixSummary } from '../../src/parsers/postfix/index.ts';
import { REAL_LINES } from './real-lines.ts';

const options = postfix.cli!.read({ now: '2021-02-01 12:00:00', 'smtpd-stats': true, e: true });
const text = `${REAL_LINES.join('\n')}\n`;

/** An input that yields its bytes in pieces of `size` (1 splits every UTF-8 sequence). */
function chunked(name: string, bytes: Uint8Array, size: number): Input {
	return {
		name,
		async *open() {
			for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
		},
	};
}

describe('one stream, however it is cut', () => {
	const whole = parseText(postfix, text, options, 'real.log');

	test('reads the sample lines (sanity: something was counted)', () => {
		expect(whole.summary.delivered).toBeGreaterThan(0);
		expect(whole.summary.rejected).toBeGreaterThan(0);
	});

	test.each([1, 2, 7, 4096])('gives the same result fed in %i-byte chunks', async (size) => {
		const result = await runParser(postfix, [chunked('real.log', new TextEncoder().encode(text), size)], options);
		expect(result).toEqual(whole);
	});

	test('gives the same result with CRLF line ends', () => {
		expect(parseText(postfix, text.replaceAll('\n', '\r\n'), options, 'real.log')).toEqual(whole);
	});

	test('gives the same result fed line by line to one sink', () => {
		const sink = postfix.createSink({ file: 'real.log' }, options);
		REAL_LINES.forEach((line, i) => sink.line(line, i + 1));
		expect(sink.end()).toEqual(whole);
	});

	test('renders the same report for split UTF-8 text', async () => {
		const utf8 = `${text}Jan 27 06:37:58 mail postfix/smtpd[1]: warning: caf\u00e9 \u2603 \u{1F600}\n`;
		const bytes = new TextEncoder().encode(utf8);
		const a = await runParser(postfix, [chunked('u.log', bytes, 1)], options);
		const b = parseText(postfix, utf8, options, 'u.log');
		expect(postfix.renderText(a, options)).toBe(postfix.renderText(b, options));
	});
});

describe('merge', () => {
	const result = parseText<PostfixSummary, PostfixOptions>(postfix, text, options);
	test('merge(empty(), s) equals s, and merge(s, empty()) too', () => {
		expect(postfix.merge(postfix.empty(), result.summary)).toEqual(result.summary);
		expect(postfix.merge(result.summary, postfix.empty())).toEqual(result.summary);
	});

	test('merging two halves parsed apart adds their counts', () => {
		const half = Math.floor(REAL_LINES.length / 2);
		const a = parseText<PostfixSummary, PostfixOptions>(postfix, REAL_LINES.slice(0, half).join('\n'), options);
		const b = parseText<PostfixSummary, PostfixOptions>(postfix, REAL_LINES.slice(half).join('\n'), options);
		const merged = postfix.merge(a.summary, b.summary);
		expect(merged.rejected).toBe(result.summary.rejected);
		expect(merged.delivered).toBe(result.summary.delivered);
		expect(merged.warnings).toEqual(result.summary.warnings);
	});
});
