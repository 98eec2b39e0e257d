/**
 * Before/after. The loopback pair (tests/fixtures/netstat/loopback/, see SOURCE.md) has the
 * /proc files each netstat -s ran over, so the delta read from netstat's prose must equal the
 * delta of the raw files, counter by counter.
 */
import { describe, expect, test } from 'vitest';
import { diffNetstat, findNetstatProblems } from '../../src/parsers/netstat/index.ts';
import { createNetstatSink } from '../../src/parsers/netstat/parse.ts';
import { mergeNetstatSummary, type NetstatSummary } from '../../src/parsers/netstat/summary.ts';
import { fixturePath, parseFixture, parseNetstat } from './helpers.ts';

function procSummary(name: string): NetstatSummary {
	return ['snmp', 'netstat', 'snmp6']
		.map((file) => parseFixture(`loopback/${name}/proc/net/${file}`).summary)
		.reduce(mergeNetstatSummary);
}

describe('loopback capture: netstat -s delta equals /proc delta', () => {
	const textBefore = parseFixture('loopback/before/netstat-s.txt').summary;
	const textAfter = parseFixture('loopback/after/netstat-s.txt').summary;
	const procBefore = procSummary('before');
	const procAfter = procSummary('after');

	test('every counter netstat printed equals the /proc file it read', () => {
		for (const [summary, proc] of [[textBefore, procBefore], [textAfter, procAfter]] as const) {
			for (const [name, counter] of Object.entries(summary.counters)) expect(counter.value, name).toBe(proc.counters[name]?.value);
		}
	});

	test('each change read from netstat prose is the change of the raw /proc values', () => {
		const delta = diffNetstat(textBefore, textAfter);
		// The kernel writes IcmpMsg types only once counted: absent there means 0.
		const procDelta = (name: string) => BigInt(procAfter.counters[name]!.value) - BigInt(procBefore.counters[name]?.value ?? '0');
		expect(delta.changed.length).toBeGreaterThan(10);
		for (const row of delta.changed) expect(BigInt(row.change), row.name).toBe(procDelta(row.name));
		// Lines absent before are zero lines net-tools left out: /proc says 0.
		for (const [name, value] of Object.entries(delta.onlyAfter)) {
			expect(procBefore.counters[name]?.value ?? '0', name).toBe('0');
			expect(procDelta(name), name).toBe(BigInt(value));
		}
	});

	test.each([
		['TcpAttemptFails', 200n],
		['UdpNoPorts', 100n],
		['IcmpMsgOutType3', 100n],
	])('the load moved %s by %s', (name, expected) => {
		const delta = diffNetstat(procBefore, procAfter);
		const change = delta.changed.find((r) => r.name === name)?.change ?? delta.onlyAfter[name];
		expect(BigInt(change ?? '0')).toBe(expected);
	});

	test('findings on the pair see the listen overflows and the failed connects', () => {
		const summary = { ...textAfter, delta: diffNetstat(textBefore, textAfter) };
		const codes = findNetstatProblems(summary).map((f) => f.code);
		expect(codes).toEqual(expect.arrayContaining(['netstat/listen-overflows', 'netstat/failed-connection-attempts', 'netstat/udp-no-port']));
	});
});

describe('diffNetstat', () => {
	const before = parseNetstat('Tcp: CurrEstab OutRsts InSegs ActiveOpens\nTcp: 5 10 100 7\n').summary;
	const after = parseNetstat('Tcp: CurrEstab OutRsts InSegs PassiveOpens\nTcp: 2 4 100 1\n').summary;
	const delta = diffNetstat(before, after, { beforeFile: 'b.txt', interval: 2 });

	test('a counter that went down is flagged, with a negative change, not wrapped', () => {
		expect(delta.changed.find((r) => r.name === 'TcpOutRsts')).toMatchObject({ change: '-6', flag: 'decreased' });
	});
	test('a gauge that went down is a gauge, not an error', () => {
		expect(delta.changed.find((r) => r.name === 'TcpCurrEstab')).toMatchObject({ change: '-3', flag: 'gauge' });
	});
	test('unchanged counters are counted, new and vanished ones listed', () => {
		expect(delta.unchanged).toBe(1);
		expect(delta.onlyAfter).toEqual({ TcpPassiveOpens: '1' });
		expect(delta.onlyBefore).toEqual({ TcpActiveOpens: '7' });
	});
	test('rates divide by the interval', () => {
		expect(delta.changed.find((r) => r.name === 'TcpCurrEstab')?.rate).toBe(-1.5);
	});
	test('changes stay exact near 2^64', () => {
		const a = parseNetstat('Tcp:\n    1 resets sent\n').summary;
		const b = parseNetstat('Tcp:\n    18446744073709551615 resets sent\n').summary;
		expect(diffNetstat(a, b).changed[0]?.change).toBe('18446744073709551614');
	});
});

describe('the before option on the sink', () => {
	test('puts the delta in the summary and warns about counters that went down', () => {
		const before = parseNetstat('Tcp:\n    10 resets sent\n', 'before.txt');
		const sink = createNetstatSink({ file: 'after.txt' }, { before: { file: 'before.txt', result: before } });
		sink.line('Tcp:', 1);
		sink.line('    4 resets sent', 2);
		const result = sink.end();
		expect(result.summary.delta?.beforeFile).toBe('before.txt');
		expect(result.messages.map((m) => m.code)).toEqual(['netstat/counter-decreased']);
		expect(fixturePath('loopback')).toContain('loopback');
	});

	test('keeps the unknown lines of both captures, each with its file', () => {
		const before = parseNetstat('Tcp:\n    10 resets sent\n    zehn Dinge\n', 'before.txt');
		const sink = createNetstatSink({ file: 'after.txt' }, { before: { file: 'before.txt', result: before } });
		sink.line('Tcp:', 1);
		sink.line('    eleven things', 2);
		const { summary, unparsed } = sink.end();
		expect(summary.unknown).toEqual([
			{ file: 'before.txt', line: 3, text: '    zehn Dinge' },
			{ file: 'after.txt', line: 2, text: '    eleven things' },
		]);
		expect(unparsed.total).toBe(2);
	});
});
