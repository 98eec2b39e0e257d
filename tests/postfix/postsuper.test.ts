/**
 * `postsuper -d`: Postfix logs the deletion as postsuper.c's msg_info("%s: removed", queue_id)
 * (the grok corpus' postsuper_0001 test message is `D4F2023DB: removed`). pflogsumm reads no
 * postsuper line, so its report does not change; fieldnotes forgets the message, as after qmgr's
 * `removed`, and does not list the line with --unprocd-file.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { postfix } from '../../src/parsers/postfix/index.ts';
import { parseText } from '../../src/parsers/run.ts';

const week = gunzipSync(readFileSync('content/samples/postfix/relay-week.log.gz')).toString('utf8').split('\n').filter(Boolean);
// relay-week line 301: 55A4D184202 deferred; in the first 400 lines it is still queued.
const deleted = 'Jun 30 14:05:02 mx1 postfix/postsuper[4242]: 55A4D184202: removed';
const options = postfix.cli!.read({ now: '2026-07-06 23:30:00', format: 'text' });
const run = (lines: string[]) => parseText(postfix, `${lines.join('\n')}\n`, options, 'maillog');

test('a message deleted with postsuper -d is forgotten, and the report stays pflogsumm\'s', () => {
	const before = run(week.slice(0, 400));
	const after = run([...week.slice(0, 400), deleted]);
	expect(Object.keys(before.summary.open)).toContain('55A4D184202');
	expect(Object.keys(after.summary.open)).not.toContain('55A4D184202');
	expect(postfix.renderText!(after, options)).toBe(postfix.renderText!(before, options));
	expect(Object.keys(after.summary.findings?.backlog.pending ?? {})).not.toContain('55A4D184202');
	expect(Object.keys(before.summary.findings?.backlog.pending ?? {})).toContain('55A4D184202');
});
