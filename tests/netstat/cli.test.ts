/** `fieldnotes netstat` through the real CLI entry (registry, options, formats, exit codes). */
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { fixturePath } from './helpers.ts';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	const { status: code, stdout, stderr } = await runCli(['netstat', ...argv]);
	return { code, stdout, stderr };
}

describe('fieldnotes netstat', () => {
	test('--format json prints counters as exact decimal strings keyed by nstat name', async () => {
		const { code, stdout } = await run('--format', 'json', fixturePath('crafted/netstat-s.txt'));
		const json = JSON.parse(stdout);
		expect(code).toBe(0);
		expect(json.counters.TcpRetransSegs).toBe('18446744073709551615');
		expect(json.counters.IcmpMsgOutType3).toBe('9007199254740993');
		expect(json.unknown).toEqual([]);
	});

	test('unknown lines are listed with their line numbers', async () => {
		const { stdout, stderr } = await run('--format', 'json', fixturePath('corpus/netstat-s-with-error-line.insights.txt'));
		expect(JSON.parse(stdout).unknown).toEqual([{ line: 9, text: '    three hundred and eighty eight packets glanced at' }]);
		expect(stderr).toContain(':1: warning netstat/tool-error');
	});

	test('text shows TcpExt:ListenOverflows beside the original wording', async () => {
		const { stdout } = await run(fixturePath('crafted/netstat-s.txt'));
		expect(stdout).toMatch(/TcpExt:ListenOverflows +1 {2}1 times the listen queue of a socket overflowed/);
	});

	test('--before FILE prints the delta of the pair', async () => {
		const { code, stdout } = await run('--before', fixturePath('loopback/before/netstat-s.txt'), fixturePath('loopback/after/netstat-s.txt'));
		expect(code).toBe(0);
		expect(stdout).toMatch(/Tcp:AttemptFails +\+200/);
		expect(stdout).toContain('netstat/listen-overflows');
	});

	test.each([
		[['--before', '/nonexistent/before.txt', '-'], 'no such file'],
		[['--interval', 'soon', '-'], '--interval wants seconds'],
	])('%j is a usage error (exit 2)', async (argv, text) => {
		const { code, stderr } = await run(...argv);
		expect(code).toBe(2);
		expect(stderr).toContain(text);
	});
});

describe('fieldnotes netstat with two files', () => {
	test('reports the change from the first (before) to the second (after), as --before does', async () => {
		const dir = 'content/samples/netstat';
		const pair = await run('--format', 'json', `${dir}/loopback.before.txt`, `${dir}/loopback.after.txt`);
		const flag = await run('--format', 'json', '--before', `${dir}/loopback.before.txt`, `${dir}/loopback.after.txt`);
		expect(pair.code).toBe(flag.code);
		expect(JSON.parse(pair.stdout)).toEqual(JSON.parse(flag.stdout));
		expect(JSON.parse(pair.stdout).delta).toBeDefined();
	});
});
