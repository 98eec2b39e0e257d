/**
 * Mutated real files (cut, lines dropped or doubled, bytes replaced) never throw: every value
 * read is an exact u64 decimal and every kept line carries a line number inside the input.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_U64 } from '../../src/parsers/netstat/state.ts';
import { parseNetstat, readFixture } from './helpers.ts';

const SOURCES = [
	'crafted/netstat-s.txt',
	'crafted/netstat-s-6.txt',
	'crafted/nstat-asz.txt',
	'crafted/nstat-asz.json',
	'crafted/proc/net/snmp',
	'crafted/proc/net/netstat',
	'crafted/proc/net/snmp6',
	'corpus/rhel7-netstat-s.insights.txt',
];

type Mutation = { kind: 'cut' | 'drop' | 'double' | 'replace'; at: number; char: string };

const mutation = fc.record({
	kind: fc.constantFrom<Mutation['kind']>('cut', 'drop', 'double', 'replace'),
	at: fc.nat(),
	char: fc.constantFrom('x', ' ', '\t', ':', '-', '9', '{', '}', '"', 'é', '\u0000'),
});

function mutate(text: string, mutations: Mutation[]): string {
	let out = text;
	for (const { kind, at, char } of mutations) {
		const lines = out.split('\n');
		const line = at % Math.max(lines.length, 1);
		const offset = at % Math.max(out.length, 1);
		if (kind === 'cut') out = out.slice(0, offset);
		else if (kind === 'drop') out = lines.filter((_, i) => i !== line).join('\n');
		else if (kind === 'double') out = lines.flatMap((l, i) => (i === line ? [l, l] : [l])).join('\n');
		else out = `${out.slice(0, offset)}${char}${out.slice(offset + 1)}`;
	}
	return out;
}

describe.each(SOURCES)('mutations of %s', (source) => {
	const original = readFixture(source);
	test('never throw, keep exact values and in-range line numbers', () => {
		fc.assert(
			fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
				const text = mutate(original, mutations);
				const lineCount = text.split('\n').length;
				const result = parseNetstat(text);
				for (const counter of Object.values(result.summary.counters)) {
					expect(counter.value).toMatch(/^\d+$/);
					expect(BigInt(counter.value) <= MAX_U64).toBe(true);
					expect(counter.line).toBeGreaterThanOrEqual(1);
					expect(counter.line).toBeLessThanOrEqual(lineCount);
				}
				for (const unknown of result.summary.unknown) {
					expect(unknown.line).toBeGreaterThanOrEqual(1);
					expect(unknown.line).toBeLessThanOrEqual(lineCount);
				}
				for (const message of result.messages) expect(message.code).toMatch(/^netstat\/[a-z0-9-]+$/);
			}),
			{ numRuns: 150 },
		);
	});
});
