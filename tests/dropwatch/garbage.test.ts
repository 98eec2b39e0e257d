import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitLines } from '../../src/parsers/lines.ts';
import { parse } from './helpers.ts';

describe('dropwatch parser on garbage', () => {
	test('counts every non-blank line of random bytes as unparsed and never throws', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
				let nonBlank = 0;
				splitLines(bytes, (line) => {
					if (line.trimEnd() !== '') nonBlank++;
				});
				const result = parse(bytes);
				expect(result.unparsed.total + result.summary.chatter).toBe(nonBlank);
				expect(result.summary.drops).toBe(0);
			}),
		);
	});

	test('reports a 5 MB line as one overlong unparsed line and still reads the next line', () => {
		const result = parse(`${'x'.repeat(5 * 1024 * 1024)}\n1 drops at tcp_v4_rcv+163 (0xffffffffa96e95e3) [software]\n`);
		expect(result.unparsed.total).toBe(1);
		expect(result.unparsed.reasons['input/line-too-long']?.count).toBe(1);
		expect(result.unparsed.reasons['input/line-too-long']?.examples[0]?.line).toBe(1);
		expect(result.summary.drops).toBe(1);
	});

	test('reads an empty file as no drops, no unparsed lines and a warning', () => {
		const result = parse('');
		expect(result.summary.drops).toBe(0);
		expect(result.unparsed.total).toBe(0);
		expect(result.messages.map((m) => `${m.severity} ${m.code}`)).toEqual(['warning dropwatch/no-drops']);
	});

	test('reads a file of blank lines like an empty one', () => {
		const result = parse('\n\n\r\n  \n');
		expect(result.summary.blankLines).toBe(4);
		expect(result.messages.map((m) => m.code)).toEqual(['dropwatch/no-drops']);
	});

	test.each([
		['a number but no "drops at"', '12 packets at tcp_v4_rcv+163 (0xffffffffa96e95e3)'],
		['a drop line with a non-hex offset', '1 drops at tcp_v4_rcv+xyz (0xffffffffa96e95e3)'],
		['a drop line without its address', '1 drops at tcp_v4_rcv+163'],
		['a drop at: line without parentheses', 'drop at: tcp_v4_rcv+0x163/0x900'],
	])('tallies %s as an unknown line', (_name, line) => {
		const result = parse(`${line}\n`);
		expect(result.unparsed.reasons['dropwatch/unknown-line']?.count).toBe(1);
		expect(result.summary.drops).toBe(0);
	});
});
