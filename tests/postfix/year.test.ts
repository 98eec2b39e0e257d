import { expect, test } from 'vitest';
import { postfix, type PostfixOptions, type PostfixSummary } from '../../src/parsers/postfix/index.ts';
import { parseText } from '../../src/parsers/run.ts';

const rfc3339 = '2019-12-31T23:59:59.123456+01:00 mail postfix/pickup[1]: ABC: uid=0 from=<root>';
const classic = 'Dec 31 23:59:59 mail postfix/pickup[1]: ABC: uid=0 from=<root>\nJan  1 00:00:01 mail postfix/pickup[1]: DEF: uid=0 from=<root>';

function days(text: string, values: Record<string, unknown>): string[] {
	const read = postfix.cli!.read(values);
	return Object.keys(parseText<PostfixSummary, PostfixOptions>(postfix, text, read).summary.days);
}

test('with --now, an RFC 3339 year is replaced by pflogsumm\'s guess, as pflogsumm does', () => {
	expect(days(rfc3339, { now: '2021-02-01 12:00:00' })).toEqual(['20201131']);
});

test('without --now, an RFC 3339 line keeps the year it carries', () => {
	expect(days(rfc3339, {})).toEqual(['20191131']);
});

test('a December-to-January log read in January spans the New Year', () => {
	expect(days(classic, { now: '2021-01-02 08:00:00' })).toEqual(['20201131', '20210001']);
});
