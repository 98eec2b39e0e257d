/**
 * The committed samples under content/samples/netstat/ parse as the site loader parses them
 * (frontmatter options through the CLI converter): no error, no unknown line.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { findNetstatProblems, netstat, type NetstatOptions, type NetstatSummary } from '../../src/parsers/netstat/index.ts';
import { fileInput, runParser } from '../../src/parsers/run.ts';

const dir = new URL('../../content/samples/netstat/', import.meta.url);
const cases = readdirSync(dir).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3));

async function runCase(name: string) {
	const text = readFileSync(new URL(`${name}.md`, dir), 'utf8');
	const meta = parseYaml(text.split('---\n')[1]!) as { inputs?: string[]; options?: Record<string, unknown> };
	const inputs = (meta.inputs ?? [`${name}.txt`]).map((input) => fileInput(new URL(input, dir).pathname));
	const options = meta.options ? netstat.cli!.read(meta.options) : undefined;
	return runParser<NetstatSummary, NetstatOptions>(netstat, inputs, options);
}

describe.each(cases)('content/samples/netstat/%s', (name) => {
	test('parses without errors or unknown lines', async () => {
		const result = await runCase(name);
		expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
		expect(result.summary.unknown).toEqual([]);
		expect(Object.keys(result.summary.counters).length).toBeGreaterThan(10);
	});
});

test('the loopback pair is a delta whose findings include the listen overflows', async () => {
	const result = await runCase('loopback');
	expect(result.summary.delta?.changed.length).toBeGreaterThan(10);
	expect(findNetstatProblems(result.summary).map((f) => f.code)).toContain('netstat/listen-overflows');
});

test('RHEL 7: 428 of 2,890,303 segments retransmitted (0.015 %) stays below the 1 % threshold', async () => {
	const codes = findNetstatProblems((await runCase('rhel7')).summary).map((f) => f.code);
	expect(codes).not.toContain('netstat/retransmission-rate');
	expect(codes).toContain('netstat/aborted-on-timeout');
});
