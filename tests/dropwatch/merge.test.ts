import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dropwatch, emptyDropwatchSummary, mergeDropwatchSummary } from '../../src/parsers/dropwatch/index.ts';
import { BLOG_CAPTURE, HOSTILE, parse } from './helpers.ts';

/**
 * Records that stand on their own: a line-local line, or a whole packet-mode block or stats
 * answer. Splitting a capture between records must not change any total.
 */
const RECORDS = [
	'1 drops at netlink_sendskb+14d (0xffffffff813df30e)',
	'64 drops at unix_stream_recvmsg+44a (0xffffffff81440fb9)',
	'4 drops at .brk.dmi_alloc+1e60bd47 (0xffffffffa045fd47)',
	'2 drops at net_tx_action+0 (0xffffffff9d5123d0) [software]',
	'2 drops at net_tx_action+0 (0xffffffff9d5123e0) [software]',
	'3 drops at ingress_flow_action_drop [hardware]',
	'2 drops at location 0xffffffff815d3371',
	'11 drops at location 0xffffffffad8cd0c3 [software] [ns: 4026532485]',
	'dropwatch> start',
	'Kernel monitoring activated.',
	'Unable to find NET_DM family, dropwatch can\'t work',
	'Software statistics:\nTail dropped: 4',
	'drop at: do_execute_actions+0x197/0xb20 [openvsw (0xffffffffc0db6f97)\norigin: software\ninput port ifindex: 8\nprotocol: 0x800\ndrop reason: OVS_DROP_LAST_ACTION\n',
	'drop at: ingress_flow_action_drop (acl_drops)\norigin: hardware\ninput port name: enp0s16np1\n',
	'',
	'this is not dropwatch output',
];

const capture = fc.array(fc.constantFrom(...RECORDS), { maxLength: 40 });

describe('merging dropwatch summaries', () => {
	test.each([
		['the blog capture', BLOG_CAPTURE],
		['the hostile capture', HOSTILE],
		['nothing', ''],
	])('merge(empty(), s) and merge(s, empty()) equal s for %s', (_name, text) => {
		const { summary } = parse(text);
		expect(mergeDropwatchSummary(emptyDropwatchSummary(), summary)).toEqual(summary);
		expect(mergeDropwatchSummary(summary, emptyDropwatchSummary())).toEqual(summary);
		expect(dropwatch.merge(dropwatch.empty(), summary)).toEqual(summary);
	});

	test('gives the whole capture\'s summary when its pieces are parsed alone and merged in any order', () => {
		const piecesInSomeOrder = fc
			.array(capture, { minLength: 1, maxLength: 5 })
			.chain((pieces) => fc.tuple(fc.constant(pieces), fc.shuffledSubarray(pieces, { minLength: pieces.length, maxLength: pieces.length })));
		fc.assert(
			fc.property(piecesInSomeOrder, ([pieces, shuffled]) => {
				const whole = parse(pieces.flat().map((r) => `${r}\n`).join(''));
				const parts = shuffled.map((piece) => parse(piece.map((r) => `${r}\n`).join('')));
				const merged = parts.reduce((sum, part) => mergeDropwatchSummary(sum, part.summary), emptyDropwatchSummary());
				expect(merged).toEqual(whole.summary);
				expect(parts.reduce((sum, part) => sum + part.unparsed.total, 0)).toBe(whole.unparsed.total);
			}),
		);
	});

	test('is commutative and associative', () => {
		fc.assert(
			fc.property(capture, capture, capture, (a, b, c) => {
				const [x, y, z] = [a, b, c].map((records) => parse(records.map((r) => `${r}\n`).join('')).summary) as [never, never, never];
				expect(mergeDropwatchSummary(x, y)).toEqual(mergeDropwatchSummary(y, x));
				expect(mergeDropwatchSummary(mergeDropwatchSummary(x, y), z)).toEqual(mergeDropwatchSummary(x, mergeDropwatchSummary(y, z)));
			}),
		);
	});
});
