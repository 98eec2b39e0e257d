import { expect, test } from 'vitest';
import { compareReports } from './tied-rows.ts';

const golden = [
	'',
	'Senders by message count',
	'------------------------',
	'      2   b@example.test',
	'      1   a@example.test',
	'      1   A@example.test',
	'',
	'top 1 Recipients by message count',
	'---------------------------------',
	'      1   x@example.test',
	'',
].join('\n');

test.each([
	['the same text', golden, true],
	['tied rows (same count, same normalized host) swapped', golden.replace('a@example.test\n      1   A@', 'A@example.test\n      1   a@'), true],
	['a different row that ties on the key cut by "top 1"', golden.replace('x@example.test', 'X@example.test'), true],
	['rows of different counts swapped', golden.replace('      2   b@example.test\n      1   a@example.test', '      1   a@example.test\n      2   b@example.test'), false],
	['a count changed', golden.replace('      2   b@', '      3   b@'), false],
	['a heading changed', golden.replace('Senders by message count', 'Senders by message size '), false],
	['a missing last line', golden.slice(0, golden.lastIndexOf('\n')), false],
	['a row that does not tie on the key made the cut', golden.replace('x@example.test', 'y@example.test'), false],
])('%s: equal is %s', (_name, actual, same) => {
	expect(compareReports(golden, actual) === null).toBe(same);
});
