/**
 * A log line is hostile data: control characters it carries (a terminal escape sequence in a
 * reject reason or a host name) reach stdout as `\x1b`, in every text format, never raw. The line
 * is a real relay-week reject (content/samples/postfix/relay-week.log.gz:707) with escapes put in.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const HOSTILE =
	'Jul  2 16:20:08 mx1\x1b[31m postfix/smtpd[16749]: NOQUEUE: reject: RCPT from unknown[127.0.0.3]: 554 5.7.1 ' +
	'<desk@mail.example.com>: Relay access denied\x1b]0;pwned\x07 from=<frank@example.net> to=<desk@mail.example.com> proto=ESMTP helo=<client.fieldnotes.test>\n';

describe('control characters from the log', () => {
	test.each([
		['pflogsumm text', []],
		['pflogsumm text of a fleet', ['--host-from-log']],
		['markdown', ['--format', 'markdown']],
	])('are escaped in the %s', async (_, args) => {
		const file = path.join(await mkdtemp(path.join(tmpdir(), 'fieldnotes-escape-')), 'maillog');
		await writeFile(file, HOSTILE);
		const { status, stdout } = await runCli(['postfix', '--now', '2024-12-31 00:00:00', ...args, file]);
		expect(status).toBe(0);
		expect(stdout).toContain('Relay access denied\\x1b');
		// eslint-disable-next-line no-control-regex
		expect(stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
	});
});
