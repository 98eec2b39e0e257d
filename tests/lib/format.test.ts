import { describe, expect, test } from 'vitest';
import {
	countOf,
	formatCell,
	formatDate,
	formatNumber,
	isWebUrl,
	showText,
} from '../../src/lib/format.ts';

describe('formatNumber', () => {
	test.each([
		[0, '0'],
		[999, '999'],
		[1000, '1,000'],
		[1234567, '1,234,567'],
		[-4200, '-4,200'],
		[12.5, '12.5'],
		[0.125, '0.13'],
	])('prints %d as %s', (value, expected) => {
		expect(formatNumber(value)).toBe(expected);
	});
});

describe('formatCell', () => {
	test.each([
		[null, '—'],
		[undefined, '—'],
		[151, '151'],
		[65536, '65,536'],
		['ip_local_deliver', 'ip_local_deliver'],
		['<script>alert(1)</script>', '<script>alert(1)</script>'],
		['esc \x1b[31m red', 'esc \\x1b[31m red'],
		['bell\x07 nul\x00 del\x7f', 'bell\\x07 nul\\x00 del\\x7f'],
		['a\tb', 'a\tb'],
	])('shows %j as %j', (cell, expected) => {
		expect(formatCell(cell)).toBe(expected);
	});
});

describe('formatDate', () => {
	test('prints the UTC calendar date of a frontmatter date', () => {
		expect(formatDate(new Date('2014-03-12'))).toBe('2014-03-12');
	});
	test('prints the UTC date of a git timestamp with an offset', () => {
		expect(formatDate(new Date('2026-11-26T01:30:00+03:00'))).toBe('2026-11-25');
	});
});

describe('countOf', () => {
	test.each([
		[0, 'line', '0 lines'],
		[1, 'line', '1 line'],
		[2500, 'drop', '2,500 drops'],
	])('counts %d %s as %s', (count, noun, expected) => {
		expect(countOf(count, noun)).toBe(expected);
	});
});

describe('isWebUrl', () => {
	test.each([
		['https://example.org/blog/dropwatch', true],
		['http://example.org', true],
		['generated here', false],
		['javascript:alert(1)', false],
		['https://example.org/ two', false],
	])('treats %s as a web URL: %s', (text, expected) => {
		expect(isWebUrl(text)).toBe(expected);
	});
});

describe('showText', () => {
	test.each([
		['plain ip_rcv_finish', 'plain ip_rcv_finish'],
		['\x1b]0;pwned\x07', '\\x1b]0;pwned\\x07'],
		['nul\x00byte', 'nul\\x00byte'],
		['csi \u009b31m', 'csi \\u009b31m'],
		['abc\u202edcba', 'abc\\u202edcba'],
		['isolate \u2066x\u2069', 'isolate \\u2066x\\u2069'],
		['"><img src=x onerror=alert(1)>', '"><img src=x onerror=alert(1)>'],
		['tab\tkept, ünïcödé kept', 'tab\tkept, ünïcödé kept'],
	])('shows %j as %j', (text, expected) => {
		expect(showText(text)).toBe(expected);
	});

	test('leaves no C0, DEL, C1 or bidi control in any string', () => {
		const all = Array.from({ length: 0x2070 }, (_, i) => String.fromCharCode(i)).join('');
		expect(showText(all)).not.toMatch(
			/[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/,
		);
	});
});
