/** How the BDP table and calculator print rates, sizes, durations and sysctl lines. */
import { describe, expect, test } from 'vitest';
import { calculateBdp } from '../../src/lib/bdp.ts';
import {
	describeLimit,
	formatBinaryBytes,
	formatBytes,
	formatDuration,
	formatRate,
	formatSysctls,
	summarizeBdp,
} from '../../src/lib/bdp-format.ts';

describe('formatRate', () => {
	test.each([
		[6_553_600, '6.55 Mbit/s'],
		[209_715_200, '210 Mbit/s'],
		[17_881_275.1, '17.9 Mbit/s'],
		[1e9, '1 Gbit/s'],
		[999_999_999, '1 Gbit/s'],
		[2_500, '2.5 kbit/s'],
		[512, '512 bit/s'],
	])('prints %d bit/s as %s', (rate, text) => {
		expect(formatRate(rate)).toBe(text);
	});
});

describe('formatBytes and formatBinaryBytes', () => {
	test.each([
		[10_000_000, '10,000,000 bytes (10 MB)'],
		[62_500, '62,500 bytes (62.5 kB)'],
		[512, '512 bytes'],
	])('prints %d as %s', (bytes, text) => {
		expect(formatBytes(bytes)).toBe(text);
	});

	test.each([
		[65_536, '64 KiB'],
		[2_097_152, '2 MiB'],
		[20_971_520, '20 MiB'],
		[2_147_483_647, '2 GiB'],
	])('prints %d as %s', (bytes, text) => {
		expect(formatBinaryBytes(bytes)).toBe(text);
	});
});

describe('formatDuration', () => {
	test.each([
		[0.25, '250 ms'],
		[12.5, '12.5 s'],
		[80, '1 min 20 s'],
		// 12,207.03 s = 203.45 min → 203 min = 3 h 23 min.
		[12_207.03125, '3 h 23 min'],
		// 7,170 s = 119.5 min → 120 min: never "1 h 60 min".
		[7_170, '2 h 0 min'],
		[200_000, '2.31 days'],
	])('prints %d s as %s', (seconds, text) => {
		expect(formatDuration(seconds)).toBe(text);
	});
});

test('formatSysctls prints the four lines sysctl -w takes', () => {
	expect(formatSysctls(calculateBdp({ bandwidth: { value: 1, unit: 'Gbit/s' }, rttMs: 80 }).buffers)).toEqual([
		'net.ipv4.tcp_rmem = 4096 131072 20971520',
		'net.ipv4.tcp_wmem = 4096 16384 20971520',
		'net.core.rmem_max = 20971520',
		'net.core.wmem_max = 20971520',
	]);
});

test('describeLimit names a 64 KiB window', () => {
	const result = calculateBdp({ bandwidth: { value: 1, unit: 'Gbit/s' }, rttMs: 80, window: { value: 64, unit: 'KiB' } });
	expect(describeLimit(result)).toBe('the 64 KiB window');
});

describe('summarizeBdp', () => {
	test('lists BDP, shift, both ceilings, the limit, copy times and sysctls in order', () => {
		const result = calculateBdp({
			bandwidth: { value: 1, unit: 'Gbit/s' },
			rttMs: 80,
			window: { value: 2, unit: 'MiB' },
			lossRate: 0.0001,
			fileSize: { value: 10, unit: 'GB' },
		});
		const lines = summarizeBdp(result);
		expect(lines.map((line) => line.label)).toEqual([
			'Bandwidth-delay product',
			'Window scale shift (RFC 7323)',
			'Ceiling for the window (window ÷ RTT)',
			'Loss ceiling (Mathis et al.)',
			'Throughput ceiling',
			'Time to copy 10 GB',
			'Linux buffers for the BDP',
		]);
		// 65535 × 2^8 = 16,776,960 bytes; 2 MiB at 80 ms = 209,715,200 bit/s; Mathis 17,881,275.
		expect(lines[1]!.value).toBe('8: windows up to 16,776,960 bytes (16.8 MB)');
		expect(lines[2]!.value).toBe('210 Mbit/s');
		expect(lines[4]!.value).toBe('17.9 Mbit/s, set by packet loss (Mathis et al.)');
		// 8e10 bit / 17,881,275.1 bit/s = 4,473.9 s = 74.6 min → 1 h 15 min.
		expect(lines[5]!.value).toBe('1 h 15 min at the ceiling, 1 min 20 s at line rate');
	});

	test('says when no window can fill the path', () => {
		const result = calculateBdp({ bandwidth: { value: 100, unit: 'Gbit/s' }, rttMs: 150 });
		expect(summarizeBdp(result)[1]!.value).toMatch(/^14, the maximum: .*one connection cannot fill this path$/);
	});
});

test('summarizeBdp says how the buffer max was sized', () => {
	const lines = summarizeBdp(calculateBdp({ bandwidth: { value: 1, unit: 'Gbit/s' }, rttMs: 80 }));
	expect(lines.at(-1)!.value).toMatch(/^max = 2 × the BDP \(Linux counts overhead in the buffer\)/);
});
