/** The report page model and the text table, from hand-made summaries. */
import { expect, test } from 'vitest';
import { compareVersions, emptyStringsSummary, mergeStringsSummary, renderStringsText, renderStringsView, type StringsFile } from '../../src/parsers/strings/index.ts';

function file(version: string | null, found: boolean[], kind: StringsFile['kind'] = 'elf'): StringsFile {
	return {
		file: `named-${version}`,
		kind,
		size: kind === 'unreadable' ? null : 1000,
		version,
		versionSource: version === null ? null : 'file-name',
		buildId: null,
		strings: 10,
		hits: kind === 'unreadable' ? [] : found.map((hit, i) => ({ pattern: `p${i}`, regex: i > 0, count: hit ? 1 : 0, match: hit ? `p${i}` : null, string: hit ? `x p${i} y` : null, offset: hit ? 0x1f0 : null, line: null })),
	};
}

const titles = (files: StringsFile[]) => renderStringsView({ summary: { files }, unparsed: { total: 0, reasons: {} }, messages: [] }).findings.map((f) => f.title);

test('orders inputs by version, so 9.10 comes after 9.9 whatever the input order', () => {
	expect(['9.10.1', '9.2.4', '9.9', '9.2.4-22', '9.3.4-P1'].sort(compareVersions)).toEqual(['9.2.4', '9.2.4-22', '9.3.4-P1', '9.9', '9.10.1']);
});

test.each([
	[[file('9.3.4', [true]), file('9.2.4', [false]), file('9.5.0', [true])], 'p0: first appears in 9.3.4 (absent from 9.2.4)'],
	[[file('9.2.4', [true]), file('9.3.4', [true])], 'p0: found in every input (9.2.4, 9.3.4)'],
	[[file('9.2.4', [false]), file('9.3.4', [false])], 'p0: not found in any of 2 inputs'],
	[[file('9.2.4', [true]), file('9.3.4', [false])], 'p0: found in 9.2.4'],
	[[file('9.2.4', [false]), file(null, [], 'unreadable'), file('9.3.4', [true])], 'p0: first appears in 9.3.4 (absent from 9.2.4)'],
])('says when a pattern appeared: %#', (files, title) => {
	expect(titles(files)[0]).toBe(title);
});

test('prints one row per binary, regex patterns between slashes, unreadable inputs as dashes', () => {
	const files = [file('9.2.4', [false, false]), file('9.3.4', [true, true]), file(null, [], 'unreadable')];
	const options = { minLen: 4, encoding: 'ascii' as const, input: 'auto' as const, patterns: [{ source: 'p0', regex: false }, { source: 'p1', regex: true }] };
	expect(renderStringsText({ summary: { files }, unparsed: { total: 0, reasons: {} }, messages: [] }, options)).toBe(
		[
			'FILE         VERSION            SIZE  p0           /p1/',
			'named-9.2.4  9.2.4 (file name)  1000  not found    not found',
			'named-9.3.4  9.3.4 (file name)  1000  found 0x1f0  found 0x1f0',
			'named-null   ?                  -     -            -',
			'',
			'First match per file and pattern:',
			'named-9.3.4: p0 at 0x1f0 (1 string): x p0 y',
			'named-9.3.4: /p1/ at 0x1f0 (1 string): x p1 y',
			'',
		].join('\n'),
	);
});

test('merging with the empty summary changes nothing; merging keeps input order', () => {
	const a = { files: [file('1.0', [true])] };
	const b = { files: [file('2.0', [false])] };
	expect(mergeStringsSummary(emptyStringsSummary(), a)).toEqual(a);
	expect(mergeStringsSummary(a, b).files.map((f) => f.version)).toEqual(['1.0', '2.0']);
});
