import { mkdtemp, writeFile, mkdir, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { emptyResult, fileInput, InputError, mergeResults, parseText, runParser, textInput } from '../../src/parsers/run.ts';
import type { Result } from '../../src/parsers/contract.ts';
import { sumParser, type SumSummary } from '../helpers/tally-parser.ts';

describe('runParser', () => {
	test('parses each input on its own sink and merges the results in `merge` mode', async () => {
		const result = await runParser(sumParser, [textInput('a', '1\n2\n'), textInput('b', '3\nx\n')]);
		expect(result.summary).toEqual({ lines: 3, sum: 6, files: ['a', 'b'] });
		expect(result.unparsed.reasons['sum/not-a-number']).toEqual({ count: 1, examples: [{ file: 'b', line: 2, text: 'x' }] });
	});

	test('feeds every input to one sink, announcing each file, in `concatenate` mode', async () => {
		const result = await runParser({ ...sumParser, inputs: 'concatenate' }, [textInput('a', '1\n'), textInput('b', '2\ny')]);
		expect(result.summary).toEqual({ lines: 2, sum: 3, files: ['a', 'b'] });
		expect(result.unparsed.reasons['sum/not-a-number']!.examples).toEqual([{ file: 'b', line: 2, text: 'y' }]);
	});

	test('hands exactly two inputs to compare() as before and after in `compare` mode', async () => {
		const comparing = {
			...sumParser,
			inputs: 'compare' as const,
			compare: (before: { file: string; result: Result<SumSummary> }, after: { file: string; result: Result<SumSummary> }) => ({
				...after.result,
				summary: { lines: after.result.summary.lines, sum: after.result.summary.sum - before.result.summary.sum, files: [before.file, after.file] },
			}),
		};
		const pair = await runParser(comparing, [textInput('before', '1\n2\n'), textInput('after', '10\n')]);
		expect(pair.summary).toEqual({ lines: 1, sum: 7, files: ['before', 'after'] });
		const three = await runParser(comparing, [textInput('a', '1\n'), textInput('b', '2\n'), textInput('c', '3\n')]);
		expect(three.summary.sum).toBe(6);
	});

	test('gives the empty result for no inputs', async () => {
		expect(await runParser(sumParser, [])).toEqual(emptyResult(sumParser));
	});

	test('reads gzip and plain files alike', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'fieldnotes-run-'));
		await writeFile(path.join(dir, 'a.gz'), gzipSync('4\n5\n'));
		await writeFile(path.join(dir, 'b.txt'), '6');
		const result = await runParser(sumParser, [fileInput(path.join(dir, 'a.gz')), fileInput(path.join(dir, 'b.txt'))]);
		expect(result.summary.sum).toBe(15);
	});

	test.each([
		['a missing file', (dir: string) => path.join(dir, 'missing.log'), /no such file/],
		['a directory', (dir: string) => dir, /is a directory/],
	])('refuses %s with an InputError naming it', async (_name, target, reason) => {
		const dir = await mkdtemp(path.join(tmpdir(), 'fieldnotes-run-'));
		const file = target(dir);
		const run = runParser(sumParser, [fileInput(file)]);
		await expect(run).rejects.toBeInstanceOf(InputError);
		await expect(run).rejects.toThrow(reason);
	});

	test('refuses a file it may not read', async () => {
		if (process.getuid?.() === 0) {
			// root reads everything: check the error translation instead of the OS refusal.
			expect(new InputError('x', Object.assign(new Error('EACCES'), { code: 'EACCES' })).message).toBe('x: permission denied');
			return;
		}
		const dir = await mkdtemp(path.join(tmpdir(), 'fieldnotes-run-'));
		await mkdir(dir, { recursive: true });
		const file = path.join(dir, 'secret.log');
		await writeFile(file, '1\n');
		await chmod(file, 0o000);
		await expect(runParser(sumParser, [fileInput(file)])).rejects.toThrow(/permission denied/);
	});

	test('keeps the lines read before a truncated gzip stream and reports where reading stopped', async () => {
		const gz = gzipSync(`${'1\n'.repeat(5000)}`);
		const result = await runParser(sumParser, [textInput('cut.gz', gz.subarray(0, gz.length - 12))]);
		expect(result.summary.lines).toBeGreaterThan(0);
		expect(result.messages).toEqual([
			expect.objectContaining({ file: 'cut.gz', severity: 'error', code: 'input/read-error', reason: 'reading stopped early: unexpected end of file' }),
		]);
		// The line reading stopped in: the last one seen (possibly cut short), or the next.
		expect(result.messages[0]!.line! - result.summary.lines).toBeGreaterThanOrEqual(0);
		expect(result.messages[0]!.line! - result.summary.lines).toBeLessThanOrEqual(1);
	});

	test('counts an overlong line as unparsed instead of passing it to the parser', () => {
		const result = parseText(sumParser, `1\n${'9'.repeat(2 * 1024 * 1024)}\n2\n`);
		expect(result.summary).toMatchObject({ lines: 2, sum: 3 });
		expect(result.unparsed.reasons['input/line-too-long']).toMatchObject({ count: 1, examples: [{ line: 2 }] });
	});
});

describe('mergeResults', () => {
	test('merging the empty result changes nothing', () => {
		const result = parseText(sumParser, '1\n2\nx\nERROR\n');
		expect(mergeResults(sumParser, emptyResult(sumParser), result)).toEqual({ ...result, summary: { ...result.summary } });
	});
});
