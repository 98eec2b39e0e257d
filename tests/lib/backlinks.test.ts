import { describe, expect, test } from 'vitest';
import {
	collectBacklinks,
	notesByRfc,
	referencedNotes,
	stripCode,
	type SourcePage,
} from '../../src/lib/backlinks.ts';

const TCP = 'notes/rfc9293-tcp';
const HIGH_PERF = 'notes/rfc7323-tcp-high-performance';
const SYN = 'notes/rfc4987-syn-flooding';
const GUIDE = 'guides/netstat';
const NOTES = [TCP, HIGH_PERF, SYN];
const byRfc = notesByRfc(NOTES);
const page = (key: string, body: string, related: string[] = []): SourcePage => ({
	key,
	body,
	related,
});

describe('referencedNotes', () => {
	test.each<[string, SourcePage, string[]]>([
		[
			'a relative link from a note',
			page(SYN, 'See [RFC 7323](../rfc7323-tcp-high-performance/).'),
			[HIGH_PERF],
		],
		['a link from a guide', page(GUIDE, 'The [note](../../notes/rfc9293-tcp/#key-points).'), [TCP]],
		['an RFC number in prose', page(GUIDE, 'SYN cookies (RFC 4987) and RFC\n9293.'), [SYN, TCP]],
		['a related entry', page(GUIDE, 'No links.', [HIGH_PERF, 'guides/netstat']), [HIGH_PERF]],
		[
			'nothing from code blocks or inline code',
			page(GUIDE, '```\nRFC 9293\n```\nand `RFC 4987` and `[x](../../notes/rfc9293-tcp/)`'),
			[],
		],
		['not itself', page(TCP, 'RFC 9293 obsoletes RFC 793; see [here](../rfc9293-tcp/).'), []],
		[
			'not an RFC without a note, nor an external link',
			page(GUIDE, 'RFC 793, [RFC 9293 text](https://www.rfc-editor.org/rfc/rfc9293).'),
			[],
		],
		['each note once, in order', page(GUIDE, 'RFC 7323, RFC 9293, RFC 7323.'), [HIGH_PERF, TCP]],
	])('finds %s', (_name, source, expected) => {
		expect(referencedNotes(source, byRfc)).toEqual(expected);
	});
});

describe('collectBacklinks', () => {
	test('lists, for every note, the pages that reference it, and an empty list otherwise', () => {
		const backlinks = collectBacklinks(
			[
				page('notes/rfc4987-syn-flooding', 'See RFC 9293.'),
				page('guides/netstat', '[SYN cookies](../../notes/rfc4987-syn-flooding/) and RFC 9293.'),
			],
			NOTES,
		);
		expect(Object.fromEntries(backlinks)).toEqual({
			'notes/rfc9293-tcp': ['notes/rfc4987-syn-flooding', 'guides/netstat'],
			'notes/rfc7323-tcp-high-performance': [],
			'notes/rfc4987-syn-flooding': ['guides/netstat'],
		});
	});
});

describe('stripCode', () => {
	test.each([
		['a ```fenced``` block', 'a\n```sh\nRFC 9293\n```\nb', 'a\nb'],
		['a ~~~ block', '~~~\nx\n~~~\nafter', 'after'],
		['inline code', 'x `RFC 1` y ``a`b`` z', 'x  y  z'],
		['an unclosed fence to the end', 'a\n```\nRFC 9293', 'a'],
		['a longer fence holding a shorter one', '````\n```\nRFC 1\n```\n````\nz', 'z'],
	])('removes %s', (_name, body, expected) => {
		expect(stripCode(body)).toBe(expected);
	});
});
