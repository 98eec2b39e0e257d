/**
 * Real-world Postfix logs from ../shared/corpus/postfix/, read in place (the Lightmeter logs are
 * AGPL-3.0, fail2ban's GPL-2.0: never copied here, and neither are pflogsumm's reports of them).
 * Debian's pflogsumm 1.1.5 runs live on each log and our report must equal its, line for line,
 * tied rows compared as sets. Without /usr/sbin/pflogsumm these tests fail, they do not skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describe, expect, test } from 'vitest';
import { normalizePostfixArgs, postfix, type PostfixOptions, type PostfixSummary } from '../../src/parsers/postfix/index.ts';
import { fileInput, parseText, runParser } from '../../src/parsers/run.ts';
import { compareReports } from '../postfix/tied-rows.ts';

const corpus = new URL('../../../shared/corpus/postfix/', import.meta.url).pathname;
const PFLOGSUMM = '/usr/sbin/pflogsumm';
const INSTALL = 'apt-get install -y pflogsumm';

/** Each log (or rotation set, oldest first) with the `#` comment lines fail2ban adds stripped. */
const LOGS: [string, string[]][] = [
	['lightmeter complete mail.log.1 + mail.log', ['lightmeter-complete-mail.log.1', 'lightmeter-complete-mail.log']],
	['lightmeter complete mail.err', ['lightmeter-complete-mail.err']],
	['lightmeter complete mail.warn', ['lightmeter-complete-mail.warn']],
	...['14_reuse_of_queueid', '15_milter-reject', '16_corrupted_messageid', '17-smtpd-reject-with-milter-reject',
		'18_expired', '19_postfix_version', '1_bounce_simple', '25_authclean_cleanup_rfc3339', '28_received_bounce',
		'31_relayed_bounce', '4_lost_queue', '5_zimbra_amavisd', '6_deferred_message_retry', '8_weird_log_file',
		'go-test-lines'].map((name): [string, string[]] => [`lightmeter ${name}`, [`lightmeter-${name}.log`]]),
	['fail2ban postfix', ['fail2ban-postfix.log']],
	['postfix_exporter test lines', ['postfix-exporter-test-lines.log']],
	['sergeymakinen malformed and templated', ['sergeymakinen-exporter-malformed-and-templated.log']],
	['sendmailanalyzer loops issue', ['loops-back-to-myself-and-repeated.sendmailanalyzer-issue30.log']],
];

/** Option sets that together touch every pflogsumm option we mirror. */
const OPTION_SETS = [
	'',
	'--detail 5 --problems-first',
	'--verbose-msg-detail --zero-fill --iso-date-time',
	'-i --rej-add-from --smtpd-stats',
	'-u 0 -h 0 --no-no-msg-size',
	'-e -q --verp-mung=2',
	'--smtpd-stats --iso-date-time -h 3 --smtp-detail 2 --syslog-name=postfix-239.58.50.50',
	'--deferral-detail 1 --bounce-detail 1 --reject-detail 1 --smtpd-warning-detail 0 --verp-mung',
	'--no-bounce-detail --no-deferral-detail --no-smtpd-warnings --detail 3 -d yesterday',
	'--no-reject-detail --syslog-name=postfix/submission --zero-fill -q -m',
];

const work = mkdtempSync(join(tmpdir(), 'fieldnotes-postfix-corpus-'));

/** The input files as pflogsumm gets them: comment lines removed into a temporary copy. */
function prepare(files: string[]): string[] {
	return files.map((file) => {
		const text = readFileSync(join(corpus, file), 'utf8');
		if (!text.split('\n').some((line) => line.startsWith('#'))) return join(corpus, file);
		const copy = join(work, file);
		writeFileSync(copy, text.split('\n').filter((line) => !line.startsWith('#')).join('\n'));
		return copy;
	});
}

function utcNow(): string {
	return new Date().toISOString().slice(0, 19).replace('T', ' ');
}

function runPflogsumm(args: string[], files: string[]): string {
	return execFileSync(PFLOGSUMM, [...args, ...files], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
		env: { ...process.env, TZ: 'UTC', LC_ALL: 'C', PERL_HASH_SEED: '0', PERL_PERTURB_KEYS: '0' },
		maxBuffer: 64 << 20,
	});
}

function readOptions(args: string[], now: string): PostfixOptions {
	const { values } = parseArgs({ args: normalizePostfixArgs(args), options: postfix.cli!.config, allowPositionals: true, strict: true });
	return postfix.cli!.read({ ...values, now });
}

test(`pflogsumm is installed at ${PFLOGSUMM} (else: ${INSTALL})`, () => {
	expect(existsSync(PFLOGSUMM), `pflogsumm is missing: run \`${INSTALL}\``).toBe(true);
});

describe.each(LOGS)('%s', (_name, files) => {
	test.each(OPTION_SETS)('gives pflogsumm\'s report with options [%s]', async (optionText) => {
		expect(existsSync(PFLOGSUMM), `pflogsumm is missing: run \`${INSTALL}\``).toBe(true);
		const args = optionText.split(' ').filter(Boolean);
		const paths = prepare(files);
		const now = utcNow();
		const expected = runPflogsumm(args, paths);
		const options = readOptions(args, now);
		const result = await runParser<PostfixSummary, PostfixOptions>(postfix, paths.map(fileInput), options);
		const actual = postfix.renderText(result, options);
		const mismatch = compareReports(expected, actual);
		expect(mismatch, mismatch ? `line ${mismatch.line}:\n- ${mismatch.expected.join('\n- ')}\n+ ${mismatch.actual.join('\n+ ')}` : '').toBeNull();
	});
});

describe.each(['postfix-logwatch-TD-messages.jsonl', 'whyscream-grok-test-messages.jsonl'])('%s (messages without a syslog header)', (file) => {
	test('goes through the parser with a syslog header added, without an exception', () => {
		const rows = readFileSync(join(corpus, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
		const text = rows
			.map((row, i) => `Jan 27 06:${String(i % 60).padStart(2, '0')}:00 mail postfix/${row.daemon ?? 'smtpd'}[${i}]: ${row.message}`)
			.join('\n');
		const options = postfix.cli!.read({ 'smtpd-stats': true, e: true });
		const result = parseText<PostfixSummary, PostfixOptions>(postfix, text, options, file);
		expect(result.unparsed.total).toBeLessThan(rows.length);
		expect(postfix.renderText(result, options).length).toBeGreaterThan(0);
	});
});
