/**
 * Worked examples for `src/lib/bdp.ts`, each checked by hand; the arithmetic is in the comments.
 * Units: 1 Gbit/s = 10^9 bit/s, 1 KiB = 1024 bytes, 1 MiB = 1,048,576 bytes.
 */
import { describe, expect, test } from 'vitest';
import {
	BdpInputError,
	MAX_SCALED_WINDOW,
	calculateBdp,
	calculateMathisCeiling,
	findWindowShift,
	suggestBuffers,
	type BdpInput,
} from '../../src/lib/bdp.ts';

const gbit = (value: number) => ({ value, unit: 'Gbit/s' as const });

describe('calculateBdp: bandwidth-delay product and window scaling', () => {
	test.each([
		// 1e9 bit/s × 0.080 s = 8e7 bit = 10,000,000 bytes; 65535 × 2^7 = 8,388,480 < 1e7
		// ≤ 65535 × 2^8 = 16,776,960, so shift 8.
		['1 Gbit/s × 80 ms', 10_000_000, 8, gbit(1), 80],
		// 1e9 × 0.0005 / 8 = 62,500 bytes ≤ 65,535: no scaling needed.
		['1 Gbit/s × 0.5 ms (LAN)', 62_500, 0, gbit(1), 0.5],
		// 1e10 × 0.2 / 8 = 250,000,000 bytes, well below 1,073,741,824 (2^30).
		// 65535 × 2^11 = 134,215,680 < 2.5e8 ≤ 65535 × 2^12 = 268,431,360, so shift 12.
		['10 Gbit/s × 200 ms', 250_000_000, 12, gbit(10), 200],
		// 100 Mbit/s × 40 ms: 1e8 × 0.04 / 8 = 500,000 bytes; 65535 × 2^3 = 524,280 ≥ 5e5,
		// 65535 × 2^2 = 262,140 < 5e5, so shift 3.
		['100 Mbit/s × 40 ms', 500_000, 3, { value: 100, unit: 'Mbit/s' as const }, 40],
	])('%s: BDP %d bytes, window shift %d', (_name, bdp, shift, bandwidth, rttMs) => {
		const result = calculateBdp({ bandwidth, rttMs });
		expect(result.bdpBytes).toBeCloseTo(bdp, 6);
		expect(result.windowShift).toBe(shift);
		expect(result.exceedsMaxWindow).toBe(false);
		expect(result.limitedBy).toBe('line');
	});

	test('warns when the BDP exceeds the largest scaled window (100 Gbit/s × 150 ms)', () => {
		// 1e11 × 0.15 / 8 = 1,875,000,000 bytes > 65535 × 2^14 = 1,073,725,440.
		const result = calculateBdp({ bandwidth: gbit(100), rttMs: 150 });
		expect(result.bdpBytes).toBeCloseTo(1_875_000_000, 3);
		expect(MAX_SCALED_WINDOW).toBe(1_073_725_440);
		expect(result.exceedsMaxWindow).toBe(true);
		expect(result.windowShift).toBe(14);
		// The buffer can only serve the largest window: 2 × 1,073,725,440 = 2,147,450,880,
		// rounded up to whole MiB = 2048 MiB = 2^31, one above INT_MAX: clamped to 2^31 − 1.
		expect(result.buffers.tcpRmem[2]).toBe(2_147_483_647);
	});

	test.each([
		[65_535, 0],
		[65_536, 1],
		[131_070, 1],
		[131_071, 2],
		[MAX_SCALED_WINDOW, 14],
		[MAX_SCALED_WINDOW + 1, 14],
	])('a window of %d bytes needs shift %d', (bytes, shift) => {
		expect(findWindowShift(bytes)).toBe(shift);
	});
});

describe('calculateBdp: ceilings', () => {
	test('a 64 KiB window at 80 ms caps a 1 Gbit/s link at 6,553,600 bit/s', () => {
		// 65,536 bytes × 8 = 524,288 bit per RTT; 524,288 / 0.08 s = 6,553,600 bit/s ≈ 6.55 Mbit/s.
		const result = calculateBdp({ bandwidth: gbit(1), rttMs: 80, window: { value: 64, unit: 'KiB' } });
		expect(result.windowBytes).toBe(65_536);
		expect(result.windowCeiling).toBeCloseTo(6_553_600, 6);
		expect(result.ceiling).toBeCloseTo(6_553_600, 6);
		expect(result.limitedBy).toBe('window');
	});

	test('a 2 MiB window at 80 ms allows 209,715,200 bit/s', () => {
		// 2,097,152 × 8 = 16,777,216 bit; / 0.08 s = 209,715,200 bit/s ≈ 210 Mbit/s.
		const result = calculateBdp({ bandwidth: gbit(1), rttMs: 80, window: { value: 2, unit: 'MiB' } });
		expect(result.windowCeiling).toBeCloseTo(209_715_200, 6);
	});

	test('a window larger than the BDP leaves the line rate as the ceiling', () => {
		// 2 MiB at 0.5 ms would allow 2,097,152 × 8 / 0.0005 = 33.6 Gbit/s > 1 Gbit/s.
		const result = calculateBdp({ bandwidth: gbit(1), rttMs: 0.5, window: { value: 2, unit: 'MiB' } });
		expect(result.windowCeiling).toBeCloseTo(33_554_432_000, 3);
		expect(result.ceiling).toBe(1e9);
		expect(result.limitedBy).toBe('line');
	});

	test('Mathis: MSS 1460, RTT 80 ms, p = 0.0001 gives about 17.9 Mbit/s', () => {
		// MSS/RTT = 1460 × 8 / 0.08 = 146,000 bit/s; C/√p = 1.2247449 / 0.01 = 122.47449;
		// 146,000 × 122.47449 = 17,881,275 bit/s.
		expect(calculateMathisCeiling(1460, 0.08, 0.0001)).toBeCloseTo(17_881_275.1, 0);
		const result = calculateBdp({ bandwidth: gbit(1), rttMs: 80, lossRate: 0.0001 });
		expect(result.lossCeiling).toBeCloseTo(17_881_275.1, 0);
		expect(result.limitedBy).toBe('loss');
	});

	test('Mathis uses the MSS given: 8960 (9000-byte MTU) raises the ceiling 8960/1460-fold', () => {
		// 8960 × 8 / 0.08 × 122.474487 = 896,000 × 122.474487 = 109,737,140 bit/s.
		const result = calculateBdp({ bandwidth: gbit(10), rttMs: 80, lossRate: 0.0001, mss: 8960 });
		expect(result.lossCeiling).toBeCloseTo(109_737_140, -1);
	});

	test('copy time for 10 GB at 1 Gbit/s, 80 ms: 80 s at line rate, 12,207 s through 64 KiB', () => {
		// 1e10 bytes × 8 = 8e10 bit; / 1e9 = 80 s; / 6,553,600 = 12,207.03 s (3 h 23 min).
		const result = calculateBdp({
			bandwidth: gbit(1),
			rttMs: 80,
			window: { value: 64, unit: 'KiB' },
			fileSize: { value: 10, unit: 'GB' },
		});
		expect(result.fileBytes).toBe(1e10);
		expect(result.copyAtLineRate).toBeCloseTo(80, 9);
		expect(result.copyAtCeiling).toBeCloseTo(12_207.03125, 5);
	});
});

describe('suggestBuffers', () => {
	test('1 Gbit/s × 80 ms: max 20 MiB, min and default kept', () => {
		// 2 × 10,000,000 = 20,000,000 bytes = 19.07 MiB, rounded up to 20 MiB = 20,971,520.
		expect(calculateBdp({ bandwidth: gbit(1), rttMs: 80 }).buffers).toEqual({
			tcpRmem: [4096, 131072, 20_971_520],
			tcpWmem: [4096, 16384, 20_971_520],
			rmemMax: 20_971_520,
			wmemMax: 20_971_520,
		});
	});

	test('10 Gbit/s × 200 ms: max 477 MiB', () => {
		// 2 × 250,000,000 = 5e8 bytes = 476.84 MiB → 477 MiB = 477 × 1,048,576 = 500,170,752.
		expect(suggestBuffers(250_000_000).tcpRmem[2]).toBe(500_170_752);
	});

	test('a small BDP keeps Linux default maxima (6 MiB receive, 4 MiB send)', () => {
		// 2 × 62,500 = 125,000 bytes → 1 MiB, below the defaults 6,291,456 and 4,194,304.
		const buffers = suggestBuffers(62_500);
		expect(buffers.tcpRmem).toEqual([4096, 131072, 6_291_456]);
		expect(buffers.tcpWmem).toEqual([4096, 16384, 4_194_304]);
		expect(buffers.rmemMax).toBe(6_291_456);
		expect(buffers.wmemMax).toBe(4_194_304);
	});
});

describe('calculateBdp: bad input', () => {
	const base: BdpInput = { bandwidth: gbit(1), rttMs: 80 };
	test.each<[string, Partial<BdpInput>, string, RegExp]>([
		['zero bandwidth', { bandwidth: gbit(0) }, 'bandwidth', /Bandwidth must be a positive/],
		['negative bandwidth', { bandwidth: gbit(-1) }, 'bandwidth', /positive finite number, not -1/],
		['NaN bandwidth', { bandwidth: gbit(Number.NaN) }, 'bandwidth', /Bandwidth must be a number/],
		['infinite bandwidth', { bandwidth: gbit(Infinity) }, 'bandwidth', /not Infinity/],
		['an unknown rate unit', { bandwidth: { value: 1, unit: 'Gb' as never } }, 'bandwidth', /unknown unit "Gb"/],
		['zero RTT', { rttMs: 0 }, 'rttMs', /Round-trip time must be a positive/],
		['NaN RTT', { rttMs: Number.NaN }, 'rttMs', /Round-trip time must be a number/],
		['a negative window', { window: { value: -64, unit: 'KiB' } }, 'window', /Window must be a positive/],
		['zero loss', { lossRate: 0 }, 'lossRate', /Loss rate must be a positive/],
		['loss of 1', { lossRate: 1 }, 'lossRate', /must be below 1/],
		['NaN file size', { fileSize: { value: Number.NaN, unit: 'GB' } }, 'fileSize', /File size must be a number/],
		['zero MSS', { mss: 0 }, 'mss', /MSS must be a positive/],
	])('rejects %s with a message naming the field', (_name, change, field, message) => {
		let error: unknown;
		try {
			calculateBdp({ ...base, ...change });
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(BdpInputError);
		expect((error as BdpInputError).field).toBe(field);
		expect((error as BdpInputError).message).toMatch(message);
	});
});
