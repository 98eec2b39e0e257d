/**
 * Bandwidth-delay arithmetic for the TCP buffer guide: the bandwidth-delay product (BDP), the
 * ceiling a fixed window puts on throughput (window ÷ RTT), the Mathis et al. ceiling under
 * random loss, and the Linux buffer sizes that let the receive window grow to the BDP.
 *
 * Pure and self-contained (no imports): the build renders the static table with it, and the
 * calculator island ships this very file, bundled by esbuild at build time.
 *
 * Assumptions, stated once:
 * - Rates are decimal SI (1 Mbit/s = 10^6 bit/s); window and buffer sizes use binary units
 *   (1 KiB = 1024 bytes) or decimal ones when written kB/MB/GB.
 * - Ceilings ignore slow start, header overhead and the application: they are upper bounds.
 * - Linux counts buffer overhead against `tcp_rmem`: with `tcp_adv_win_scale` = 1 (the default
 *   until it became obsolete in Linux 6.6) half the buffer is window. Since 6.6 the kernel
 *   measures a per-socket ratio (payload ÷ memory charged per packet) instead; we keep the
 *   factor 2, which that ratio often falls short of for MTU-1500 traffic on page-sized buffers.
 */

/** Rate units, decimal SI, in bit/s each. */
export const RATE_UNITS = { 'bit/s': 1, 'kbit/s': 1e3, 'Mbit/s': 1e6, 'Gbit/s': 1e9 } as const;
/** Size units in bytes each: binary (KiB) for windows and buffers, decimal (MB) for files. */
export const SIZE_UNITS = {
	B: 1,
	KiB: 1024,
	MiB: 1024 ** 2,
	GiB: 1024 ** 3,
	kB: 1e3,
	MB: 1e6,
	GB: 1e9,
} as const;
export type RateUnit = keyof typeof RATE_UNITS;
export type SizeUnit = keyof typeof SIZE_UNITS;

/** A number with its unit, as a person types it: `{ value: 64, unit: 'KiB' }`. */
export interface Quantity<U extends string> {
	value: number;
	unit: U;
}

/** What the calculator is asked. */
export interface BdpInput {
	/** Link (bottleneck) rate, e.g. `{ value: 1, unit: 'Gbit/s' }`. */
	bandwidth: Quantity<RateUnit>;
	/** Round-trip time in milliseconds, e.g. `80`. */
	rttMs: number;
	/** A fixed window or buffer, e.g. OpenSSH's historical 64 KiB channel window. Optional. */
	window?: Quantity<SizeUnit>;
	/** Packet loss probability, 0 < p < 1 (`0.0001` = 0.01 %). Optional. */
	lossRate?: number;
	/** Size of a file to copy, e.g. `{ value: 10, unit: 'GB' }`. Optional. */
	fileSize?: Quantity<SizeUnit>;
	/** Maximum segment size in bytes; default {@link DEFAULT_MSS}. */
	mss?: number;
}

/** Linux's documented defaults (Documentation/networking/ip-sysctl.rst): min, default, max. */
export const LINUX_TCP_RMEM = [4096, 131072, 6291456] as const;
/** `tcp_wmem` defaults: 4K, 16K, and a max of 4 MB (less on small-memory machines). */
export const LINUX_TCP_WMEM = [4096, 16384, 4194304] as const;
/** MSS of a 1500-byte Ethernet MTU: 1500 − 20 (IPv4) − 20 (TCP). */
export const DEFAULT_MSS = 1460;
/** RFC 7323 §2.3: the window scale shift is at most 14. */
export const MAX_WINDOW_SHIFT = 14;
/** The largest window a 16-bit field shifted by 14 can advertise: 65535 × 2^14 < 2^30. */
export const MAX_SCALED_WINDOW = 65535 * 2 ** MAX_WINDOW_SHIFT;
/** Mathis et al.'s constant for periodic loss with an ACK per segment: √(3/2) ≈ 1.22. */
export const MATHIS_C = Math.sqrt(3 / 2);
/** Buffer bytes per window byte we assume Linux needs (see the module comment). */
export const BUFFER_PER_WINDOW = 2;
/** The sysctls are C `int`s. */
const INT_MAX = 2 ** 31 - 1;
const MIB = 1024 ** 2;

/** A bad input, naming the field it came from so a form can mark it. */
export class BdpInputError extends Error {
	constructor(
		readonly field: keyof BdpInput,
		message: string,
	) {
		super(message);
		this.name = 'BdpInputError';
	}
}

/** Suggested Linux sysctls, each a value ready for `sysctl -w`. */
export interface BufferAdvice {
	/** `net.ipv4.tcp_rmem`: min and default kept, max = buffer for the BDP (≥ Linux's default). */
	tcpRmem: [number, number, number];
	/** `net.ipv4.tcp_wmem`: min and default kept, max as for `tcp_rmem`. */
	tcpWmem: [number, number, number];
	/** `net.core.rmem_max`: the most `setsockopt(SO_RCVBUF)` may ask for; matches `tcpRmem[2]`. */
	rmemMax: number;
	/** `net.core.wmem_max`: the most `setsockopt(SO_SNDBUF)` may ask for; matches `tcpWmem[2]`. */
	wmemMax: number;
}

/** What the calculator answers. Rates in bit/s, sizes in bytes, times in seconds. */
export interface BdpResult {
	/** Link rate in bit/s. */
	bitsPerSecond: number;
	/** Round-trip time in seconds. */
	rttSeconds: number;
	/** Bandwidth-delay product: the bytes in flight that keep the link full. */
	bdpBytes: number;
	/** Smallest RFC 7323 shift whose window (65535 × 2^shift) covers the BDP, at most 14. */
	windowShift: number;
	/** True when the BDP exceeds {@link MAX_SCALED_WINDOW}: no TCP window can fill the link. */
	exceedsMaxWindow: boolean;
	/** Buffer sizes that let the window reach the BDP (or the largest scaled window). */
	buffers: BufferAdvice;
	/** The fixed window in bytes, when one was given. */
	windowBytes?: number;
	/** window × 8 ÷ RTT in bit/s, when a window was given (may exceed the line rate). */
	windowCeiling?: number;
	/** MSS × 8 ÷ RTT × C ÷ √p in bit/s, when a loss rate was given. */
	lossCeiling?: number;
	/** The lowest of line rate, window ceiling and loss ceiling. */
	ceiling: number;
	/** Which of the three sets {@link ceiling}. */
	limitedBy: 'line' | 'window' | 'loss';
	/** File size in bytes, when given. */
	fileBytes?: number;
	/** Seconds to copy the file at the line rate, when a file size was given. */
	copyAtLineRate?: number;
	/** Seconds to copy the file at {@link ceiling}, when a file size was given. */
	copyAtCeiling?: number;
}

function requirePositive(field: keyof BdpInput, value: number, label: string): number {
	if (typeof value !== 'number' || Number.isNaN(value)) throw new BdpInputError(field, `${label} must be a number`);
	if (!Number.isFinite(value) || value <= 0) {
		throw new BdpInputError(field, `${label} must be a positive finite number, not ${value}`);
	}
	return value;
}

function readQuantity<U extends string>(
	field: keyof BdpInput,
	quantity: Quantity<U>,
	units: Record<U, number>,
	label: string,
): number {
	if (!Object.prototype.hasOwnProperty.call(units, quantity.unit)) {
		throw new BdpInputError(field, `${label}: unknown unit "${quantity.unit}" (use ${Object.keys(units).join(', ')})`);
	}
	return requirePositive(field, quantity.value, label) * units[quantity.unit];
}

/** Bytes rounded up to whole MiB, clamped to the sysctls' `int` range. */
function roundUpToMib(bytes: number): number {
	return Math.min(Math.ceil(bytes / MIB) * MIB, INT_MAX);
}

/** Smallest shift s ≤ 14 with 65535 × 2^s ≥ bytes (0 when 64 KiB − 1 is enough). */
export function findWindowShift(bytes: number): number {
	let shift = 0;
	while (shift < MAX_WINDOW_SHIFT && 65535 * 2 ** shift < bytes) shift++;
	return shift;
}

/** Buffer sysctls whose max holds a window of `windowBytes` with Linux's overhead. */
export function suggestBuffers(windowBytes: number): BufferAdvice {
	const needed = roundUpToMib(windowBytes * BUFFER_PER_WINDOW);
	const rmem = Math.max(needed, LINUX_TCP_RMEM[2]);
	const wmem = Math.max(needed, LINUX_TCP_WMEM[2]);
	return {
		tcpRmem: [LINUX_TCP_RMEM[0], LINUX_TCP_RMEM[1], rmem],
		tcpWmem: [LINUX_TCP_WMEM[0], LINUX_TCP_WMEM[1], wmem],
		rmemMax: rmem,
		wmemMax: wmem,
	};
}

/**
 * Mathis et al. (1997), "The macroscopic behavior of the TCP congestion avoidance algorithm":
 * rate ≤ MSS/RTT × C/√p, in bit/s. It models a long-lived Reno-style flow in congestion
 * avoidance with random (independent) loss, no retransmission timeouts, and enough receive
 * window and data to send; CUBIC and BBR react differently, so read it as an order of magnitude.
 */
export function calculateMathisCeiling(mss: number, rttSeconds: number, lossRate: number): number {
	return ((mss * 8) / rttSeconds) * (MATHIS_C / Math.sqrt(lossRate));
}

/** Validates the input and computes every result; throws {@link BdpInputError} on bad input. */
export function calculateBdp(input: BdpInput): BdpResult {
	const bitsPerSecond = readQuantity('bandwidth', input.bandwidth, RATE_UNITS, 'Bandwidth');
	const rttSeconds = requirePositive('rttMs', input.rttMs, 'Round-trip time') / 1000;
	const mss = input.mss === undefined ? DEFAULT_MSS : requirePositive('mss', input.mss, 'MSS');
	const bdpBytes = (bitsPerSecond * rttSeconds) / 8;
	const exceedsMaxWindow = bdpBytes > MAX_SCALED_WINDOW;
	const result: BdpResult = {
		bitsPerSecond,
		rttSeconds,
		bdpBytes,
		windowShift: findWindowShift(bdpBytes),
		exceedsMaxWindow,
		buffers: suggestBuffers(Math.min(bdpBytes, MAX_SCALED_WINDOW)),
		ceiling: bitsPerSecond,
		limitedBy: 'line',
	};
	if (input.window !== undefined) {
		result.windowBytes = readQuantity('window', input.window, SIZE_UNITS, 'Window');
		result.windowCeiling = (result.windowBytes * 8) / rttSeconds;
		if (result.windowCeiling < result.ceiling) {
			result.ceiling = result.windowCeiling;
			result.limitedBy = 'window';
		}
	}
	if (input.lossRate !== undefined) {
		const p = requirePositive('lossRate', input.lossRate, 'Loss rate');
		if (p >= 1) throw new BdpInputError('lossRate', `Loss rate must be below 1 (100 %), not ${p}`);
		result.lossCeiling = calculateMathisCeiling(mss, rttSeconds, p);
		if (result.lossCeiling < result.ceiling) {
			result.ceiling = result.lossCeiling;
			result.limitedBy = 'loss';
		}
	}
	if (input.fileSize !== undefined) {
		result.fileBytes = readQuantity('fileSize', input.fileSize, SIZE_UNITS, 'File size');
		result.copyAtLineRate = (result.fileBytes * 8) / bitsPerSecond;
		result.copyAtCeiling = (result.fileBytes * 8) / result.ceiling;
	}
	return result;
}
