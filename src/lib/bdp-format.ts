/**
 * How the BDP table and the calculator island print numbers: rates with a decimal SI prefix,
 * byte counts with a binary or decimal one, durations in the largest sensible unit, sysctl lines.
 * Imports only `bdp.ts` and nothing from the platform but `Intl`: the island bundles it too.
 */
import { MAX_SCALED_WINDOW, type BdpResult, type BufferAdvice } from './bdp.ts';

const group = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const threeDigits = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

type Steps = readonly (readonly [number, string])[];
const RATE_STEPS: Steps = [[1e12, 'Tbit/s'], [1e9, 'Gbit/s'], [1e6, 'Mbit/s'], [1e3, 'kbit/s']];
const DECIMAL_STEPS: Steps = [[1e12, 'TB'], [1e9, 'GB'], [1e6, 'MB'], [1e3, 'kB']];
const BINARY_STEPS: Steps = [[1024 ** 4, 'TiB'], [1024 ** 3, 'GiB'], [1024 ** 2, 'MiB'], [1024, 'KiB']];

/** Three significant digits in the largest unit the value reaches once rounded. */
function formatScaled(value: number, steps: Steps, base: string): string {
	for (const [size, unit] of steps) {
		const scaled = Number((value / size).toPrecision(3));
		if (scaled >= 1) return `${threeDigits.format(scaled)} ${unit}`;
	}
	return `${threeDigits.format(value)} ${base}`;
}

/** `6553600` → `6.55 Mbit/s`; `999999999` → `1 Gbit/s`: decimal SI prefixes. */
export function formatRate(bitsPerSecond: number): string {
	return formatScaled(bitsPerSecond, RATE_STEPS, 'bit/s');
}

/** `10000000` → `10 MB`; `250000000` → `250 MB`: decimal prefixes. */
export function formatDecimalBytes(bytes: number): string {
	return formatScaled(bytes, DECIMAL_STEPS, 'B');
}

/** `20971520` → `20 MiB`; `65536` → `64 KiB`: binary prefixes. */
export function formatBinaryBytes(bytes: number): string {
	return formatScaled(bytes, BINARY_STEPS, 'B');
}

/** `10000000` → `10,000,000 bytes (10 MB)`; fractions of a byte are rounded. */
export function formatBytes(bytes: number): string {
	const exact = `${group.format(Math.round(bytes))} bytes`;
	return bytes >= 1e3 ? `${exact} (${formatDecimalBytes(bytes)})` : exact;
}

/** `0.25` → `250 ms`; `83.9` → `1 min 24 s`; `7322` → `2 h 2 min`; `200000` → `2.3 days`. */
export function formatDuration(seconds: number): string {
	if (seconds < 1) return `${threeDigits.format(seconds * 1000)} ms`;
	if (seconds < 60) return `${threeDigits.format(seconds)} s`;
	const whole = Math.round(seconds);
	if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
	const minutes = Math.round(seconds / 60);
	if (minutes < 1440) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
	return `${threeDigits.format(seconds / 86400)} days`;
}

/** The four sysctl lines of a {@link BufferAdvice}, as `sysctl -w` takes them. */
export function formatSysctls(buffers: BufferAdvice): string[] {
	return [
		`net.ipv4.tcp_rmem = ${buffers.tcpRmem.join(' ')}`,
		`net.ipv4.tcp_wmem = ${buffers.tcpWmem.join(' ')}`,
		`net.core.rmem_max = ${buffers.rmemMax}`,
		`net.core.wmem_max = ${buffers.wmemMax}`,
	];
}

/** A sentence naming what caps throughput, e.g. `the 64 KiB window`. */
export function describeLimit(result: BdpResult): string {
	if (result.limitedBy === 'window') return `the ${formatBinaryBytes(result.windowBytes ?? 0)} window`;
	if (result.limitedBy === 'loss') return 'packet loss (Mathis et al.)';
	return 'the line rate';
}

/** One line of the calculator's answer; `lines` are shown as code (sysctl settings). */
export interface BdpLine {
	label: string;
	value: string;
	lines?: string[];
}

/** The calculator's answer as label/value lines, in reading order. */
export function summarizeBdp(result: BdpResult): BdpLine[] {
	const scaled = 65535 * 2 ** result.windowShift;
	const out: BdpLine[] = [
		{ label: 'Bandwidth-delay product', value: formatBytes(result.bdpBytes) },
		{
			label: 'Window scale shift (RFC 7323)',
			value: result.exceedsMaxWindow
				? `14, the maximum: windows up to ${formatBytes(MAX_SCALED_WINDOW)}, less than the BDP; one connection cannot fill this path`
				: `${result.windowShift}: windows up to ${formatBytes(scaled)}`,
		},
	];
	if (result.windowCeiling !== undefined) {
		out.push({ label: 'Ceiling for the window (window ÷ RTT)', value: formatRate(result.windowCeiling) });
	}
	if (result.lossCeiling !== undefined) {
		out.push({
			label: 'Loss ceiling (Mathis et al.)',
			value: `${formatRate(result.lossCeiling)}, for a long-lived Reno-style flow with random loss and no timeouts`,
		});
	}
	out.push({ label: 'Throughput ceiling', value: `${formatRate(result.ceiling)}, set by ${describeLimit(result)}` });
	if (result.copyAtCeiling !== undefined && result.copyAtLineRate !== undefined) {
		out.push({
			label: `Time to copy ${formatDecimalBytes(result.fileBytes ?? 0)}`,
			value: `${formatDuration(result.copyAtCeiling)} at the ceiling, ${formatDuration(result.copyAtLineRate)} at line rate`,
		});
	}
	const sized = result.exceedsMaxWindow ? 'the largest window' : 'the BDP';
	out.push({
		label: 'Linux buffers for the BDP',
		value: `max = 2 × ${sized} (Linux counts overhead in the buffer), in whole MiB; min and default as shipped`,
		lines: formatSysctls(result.buffers),
	});
	return out;
}
