import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dropwatch, type DropwatchOptions, type DropwatchSummary } from '../../src/parsers/dropwatch/index.ts';
import { runParser, type Input } from '../../src/parsers/run.ts';
import { BLOG_CAPTURE, HOSTILE, parse } from './helpers.ts';

/** An input that arrives in pieces: fixed-size chunks, or one chunk per line. */
function piecewise(bytes: Uint8Array, split: 'bytes' | 'lines'): Input {
	return {
		name: 'capture.txt',
		async *open() {
			if (split === 'bytes') {
				for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
				return;
			}
			let start = 0;
			for (let i = 0; i < bytes.length; i++) {
				if (bytes[i] === 0x0a) {
					yield bytes.subarray(start, i + 1);
					start = i + 1;
				}
			}
			if (start < bytes.length) yield bytes.subarray(start);
		},
	};
}

const samples = new URL('../../content/samples/dropwatch/', import.meta.url);
const texts: [string, string][] = [
	['blog capture', BLOG_CAPTURE],
	['hostile capture', HOSTILE],
	['UTF-8 symbols and no final newline', '3 drops at ünïcödé_sym+1a (0xffffffff81a0b2c4) [software]\n→ not dropwatch ✓\n1 drops at tcp_v4_rcv+163 (0xffffffffa96e95e3) [software]'],
	...readdirSync(samples).filter((name) => name.endsWith('.txt')).map((name): [string, string] => [`sample ${name}`, readFileSync(new URL(name, samples), 'utf8')]),
];

describe('dropwatch results do not depend on how the input arrives', () => {
	test.each(texts)('%s: whole text, line by line and 1-byte chunks agree, also with CRLF', async (_name, text) => {
		const whole = parse(text);
		for (const variant of [text, text.replace(/\n/g, '\r\n')]) {
			const bytes = new TextEncoder().encode(variant);
			expect(parse(variant)).toEqual(whole);
			expect(await runParser<DropwatchSummary, DropwatchOptions>(dropwatch, [piecewise(bytes, 'lines')])).toEqual(whole);
			expect(await runParser<DropwatchSummary, DropwatchOptions>(dropwatch, [piecewise(bytes, 'bytes')])).toEqual(whole);
		}
	});
});
