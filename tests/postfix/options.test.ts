import { parseArgs } from 'node:util';
import { expect, test } from 'vitest';
import { UsageError } from '../../src/parsers/contract.ts';
import { normalizePostfixArgs, postfix, readPostfixOptions } from '../../src/parsers/postfix/index.ts';

function read(args: string[]) {
	const { values, positionals } = parseArgs({ args: normalizePostfixArgs(args), options: postfix.cli!.config, allowPositionals: true, strict: true });
	return { options: readPostfixOptions(values), positionals };
}

test.each([
	[['--detail', '5'], { hosts: 5, users: 5, bounceDetail: 5, rejectDetail: 5, smtpdWarningDetail: 5 }],
	[['--detail', '5', '-h', '2'], { hosts: 2, users: 5 }],
	[['--h=-1', '--detail', '3'], { hosts: 3 }],
	[['--no-bounce-detail', '--detail', '4'], { bounceDetail: 0, deferralDetail: 4 }],
	[['--no-smtpd-warnings'], { smtpdWarningDetail: 0, noSmtpdWarnings: true }],
	[['-i', '-q', '-e'], { ignoreCase: true, quiet: true, extended: true }],
	[['--ignore_case', '--zero_fill'], { ignoreCase: true, zeroFill: true }],
	[['--verp-mung'], { verpMung: 0 }],
	[['--verp-mung=2'], { verpMung: 2 }],
	[['--verp-mung', '2'], { verpMung: 2 }],
	[['--syslog-name=postfix-out'], { syslogName: 'postfix-out' }],
	[['-d', 'yesterday', '--now', '2021-02-01 12:00:00'], { day: 'yesterday', now: { year: 2021, month: 1, day: 1, hour: 12, minute: 0, second: 0 } }],
])('reads pflogsumm options %j', (args, expected) => {
	expect(read(args).options).toMatchObject(expected);
});

test('a number after --verp-mung is its level, a file name is a file', () => {
	expect(read(['--verp-mung', 'mail.log']).positionals).toEqual(['mail.log']);
	expect(read(['--verp-mung', '2', 'mail.log']).positionals).toEqual(['mail.log']);
});

test.each([
	[['-d', 'tomorrow']],
	[['-h', 'ten']],
	[['--now', 'noon']],
])('refuses %j with a usage error', (args) => {
	expect(() => read(args)).toThrow(UsageError);
});

test('frontmatter options (numbers, booleans) read like argv', () => {
	expect(readPostfixOptions({ detail: 5, 'verp-mung': 2, 'zero-fill': true })).toMatchObject({ hosts: 5, verpMung: 2, zeroFill: true });
});
