/**
 * A large text report is written in chunks as it is rendered (`renderTextParts`), never held
 * whole, by default and with `--format pflogsumm`: the chunks join into exactly the library's
 * whole text (`renderText`), escaped. The log is a real relay-week reject (content/samples/postfix/relay-week.log.gz:707,
 * logged by `postfix/smtpd` here) from 6,000 client addresses, one of them carrying an escape.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { showControlsInLines } from '../../src/lib/text.ts';
import { postfix } from '../../src/parsers/postfix/index.ts';
import { fileInput, runParser } from '../../src/parsers/run.ts';
import { runCli } from '../helpers/cli.ts';

const reject = (client: string) =>
	`Jul  2 16:20:08 mx1 postfix/smtpd[16749]: NOQUEUE: reject: RCPT from ${client}: 554 5.7.1 <desk@mail.example.com>: ` +
	'Relay access denied; from=<frank@example.net> to=<desk@mail.example.com> proto=ESMTP helo=<client.fieldnotes.test>\n';

let file = '';

beforeAll(async () => {
	const lines: string[] = [];
	for (let n = 0; n < 6000; n++) lines.push(reject(`unknown[127.${n >> 8}.${n & 255}.1]`));
	lines.push(reject('evil\x1b[31m.example[127.99.0.1]'));
	file = path.join(await mkdtemp(path.join(tmpdir(), 'fieldnotes-chunks-')), 'maillog');
	await writeFile(file, lines.join(''));
});

describe('the text report', () => {
	test.each([
		['one relay', []],
		['a fleet', ['--host-from-log']],
	])('of %s is written in chunks that join into the whole text, as text and as pflogsumm', async (_, args) => {
		const argv = ['postfix', '--now', '2024-12-31 00:00:00', ...args, file];
		const options = postfix.cli!.read({ now: '2024-12-31 00:00:00', format: 'text', 'host-from-log': args.length > 0 });
		const whole = showControlsInLines(postfix.renderText(await runParser(postfix, [fileInput(file)], options), options));
		for (const format of ['text', 'pflogsumm']) {
			const chunked = await runCli([...argv, '--format', format]);
			expect(chunked.status).toBe(0);
			expect(chunked.stdout.length).toBeGreaterThan(2 * 65536);
			expect(chunked.order.filter((stream) => stream === 'out').length).toBeGreaterThan(2);
			expect(chunked.stdout).toBe(whole);
			expect(chunked.stdout).toContain('           1   evil\\x1b\n');
			// eslint-disable-next-line no-control-regex
			expect(chunked.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
		}
	});
});
