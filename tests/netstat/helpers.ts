/**
 * Test helpers for the netstat parser: reading fixtures, and an independent reader of crafted
 * /proc/net files that gives the expected name -> value map (it shares no code with the parser).
 */
import { readFileSync } from 'node:fs';
import type { Result } from '../../src/parsers/contract.ts';
import { netstat, type NetstatOptions, type NetstatSummary } from '../../src/parsers/netstat/index.ts';
import { parseText } from '../../src/parsers/run.ts';

export const FIXTURES = new URL('../fixtures/netstat/', import.meta.url);

export function fixturePath(relative: string): string {
	return new URL(relative, FIXTURES).pathname;
}

export function readFixture(relative: string): string {
	return readFileSync(new URL(relative, FIXTURES), 'utf8');
}

export function parseNetstat(text: string | Uint8Array, file = '<text>'): Result<NetstatSummary> {
	return parseText<NetstatSummary, NetstatOptions>(netstat, text, undefined, file);
}

export function parseFixture(relative: string): Result<NetstatSummary> {
	return parseNetstat(readFileSync(new URL(relative, FIXTURES)), relative);
}

/**
 * Expected values straight from crafted /proc/net files: header/value pairs give
 * section+field, snmp6 and sctp lines give the name as written. Settings included.
 */
export function readProcDir(relative: string): Map<string, string> {
	const values = new Map<string, string>();
	for (const file of ['snmp', 'netstat']) {
		const lines = readFixture(`${relative}/net/${file}`).trim().split('\n');
		for (let i = 0; i + 1 < lines.length; i += 2) {
			const [section, ...names] = lines[i]!.split(/\s+/);
			const [, ...numbers] = lines[i + 1]!.split(/\s+/);
			names.forEach((name, j) => values.set(`${section!.slice(0, -1)}${name}`, numbers[j]!));
		}
	}
	for (const file of ['snmp6', 'sctp/snmp']) {
		for (const line of readFixture(`${relative}/net/${file}`).trim().split('\n')) {
			const [name, value] = line.split(/\s+/);
			values.set(name!, value!);
		}
	}
	return values;
}

/** value -> every name holding it (edge values like 1 or 2^64−1 are shared by a few). */
export function invert(values: Map<string, string>): Map<string, string[]> {
	const byValue = new Map<string, string[]>();
	for (const [name, value] of values) byValue.set(value, [...(byValue.get(value) ?? []), name]);
	return byValue;
}
