import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseGitDate, readGitDate } from '../../src/lib/git-date.ts';

describe('parseGitDate', () => {
	test.each([
		['2026-11-26T09:51:22+00:00\n', '2026-11-26T09:51:22.000Z'],
		['2014-03-12T18:00:00+02:00', '2014-03-12T16:00:00.000Z'],
		['2014-03-12T18:00:00Z', '2014-03-12T18:00:00.000Z'],
	])('reads %j', (output, iso) => {
		expect(parseGitDate(output)?.toISOString()).toBe(iso);
	});

	test.each([[''], ['\n'], ['fatal: not a git repository'], ['2026-13-45T99:00:00+00:00']])(
		'gives undefined for %j',
		(output) => {
			expect(parseGitDate(output)).toBeUndefined();
		},
	);
});

describe('readGitDate', () => {
	let dir = '';
	const git = (...args: string[]) =>
		execFileSync('git', args, {
			cwd: dir,
			env: {
				...process.env,
				GIT_AUTHOR_NAME: 't',
				GIT_AUTHOR_EMAIL: 't@example.org',
				GIT_COMMITTER_NAME: 't',
				GIT_COMMITTER_EMAIL: 't@example.org',
				GIT_COMMITTER_DATE: '2024-05-06T07:08:09+00:00',
				GIT_AUTHOR_DATE: '2024-05-06T07:08:09+00:00',
			},
			stdio: 'ignore',
		});

	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'fieldnotes-git-date-'));
		git('init', '-q');
		writeFileSync(path.join(dir, 'committed.md'), 'one\n');
		git('add', 'committed.md');
		git('commit', '-q', '-m', 'add');
		writeFileSync(path.join(dir, 'untracked.md'), 'two\n');
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	test('gives the committer date of the last commit touching the file', () => {
		expect(readGitDate(['committed.md'], dir)?.toISOString()).toBe('2024-05-06T07:08:09.000Z');
	});

	test('gives the newest date when several files are asked for', () => {
		expect(readGitDate(['untracked.md', 'committed.md'], dir)?.toISOString()).toBe(
			'2024-05-06T07:08:09.000Z',
		);
	});

	test('gives undefined for a file git has no history for', () => {
		expect(readGitDate(['untracked.md'], dir)).toBeUndefined();
	});

	test('gives undefined outside a git repository', () => {
		const outside = mkdtempSync(path.join(tmpdir(), 'fieldnotes-no-git-'));
		try {
			expect(readGitDate(['x.md'], outside)).toBeUndefined();
		} finally {
			rmSync(outside, { recursive: true, force: true });
		}
	});

	test('gives undefined when asked about no files', () => {
		expect(readGitDate([], dir)).toBeUndefined();
	});
});
