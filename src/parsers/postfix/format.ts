/**
 * Perl `printf` as pflogsumm uses it: `%6d` truncates toward zero, `%5.1f` rounds the exact binary
 * value with ties to even (C's rule; JavaScript's `toFixed` rounds ties up), and pflogsumm's
 * `adj_int_units` / `adj_time_units` pick the `k`/`m` and `s`/`m`/`h` suffixes.
 */

/** `%Nd` of a Perl number. */
export function formatInt(value: number, width = 0): string {
	const whole = Number.isFinite(value) ? Math.trunc(value) : -1;
	return String(Object.is(whole, -0) ? 0 : whole).padStart(width, ' ');
}

/** `%0Nd`. */
export function formatInt0(value: number, width: number): string {
	const whole = Math.trunc(value);
	return whole < 0 ? `-${String(-whole).padStart(width - 1, '0')}` : String(whole).padStart(width, '0');
}

/** `%N.1f` with C's rounding. */
export function formatFixed1(value: number, width: number): string {
	let text: string;
	const quarters = value * 4;
	if (Number.isInteger(quarters) && quarters % 2 !== 0) {
		// An exact tie (x.x5): C rounds to the even tenth; .25 goes down, .75 up (in magnitude).
		const magnitude = Math.abs(value) * 10;
		const tenths = Math.abs(quarters) % 4 === 1 ? Math.floor(magnitude) : Math.ceil(magnitude);
		text = (Math.sign(value) * tenths / 10).toFixed(1);
		if (value < 0 && !text.startsWith('-')) text = `-${text}`;
	} else text = value.toFixed(1);
	return text.padStart(width, ' ');
}

/** pflogsumm `adj_int_units`: over 512k shown in k, over 512m in m. */
export function intUnits(value: number | undefined): [number, string] {
	const v = value || 0;
	if (v > 536870912) return [v / 1048576, 'm'];
	if (v > 524288) return [v / 1024, 'k'];
	return [v, ' '];
}

/** `%6d%s` of `adj_int_units(value)`. */
export function formatCount(value: number | undefined): string {
	const [v, unit] = intUnits(value);
	return `${formatInt(v, 6)}${unit}`;
}

/** pflogsumm `adj_time_units`: over an hour in h, over a minute in m, else s. */
export function timeUnits(value: number | undefined): [number, string] {
	const v = value || 0;
	if (v > 3600) return [v / 3600, 'h'];
	if (v > 60) return [v / 60, 'm'];
	return [v, 's'];
}

/** pflogsumm `get_smh`: `[seconds, minutes, hours]` (fractions stay in the seconds). */
export function splitSeconds(total: number): [number, number, number] {
	let sec = total;
	const hr = Math.trunc(sec / 3600);
	sec -= hr * 3600;
	const min = Math.trunc(sec / 60);
	sec -= min * 60;
	return [sec, min, hr];
}

/** `%2d:%02d:%02d` of a duration. */
export function formatClock(total: number): string {
	const [sec, min, hr] = splitSeconds(total);
	return `${formatInt(hr, 2)}:${formatInt0(min, 2)}:${formatInt0(sec, 2)}`;
}

/** pflogsumm `print_subsect_title`. */
export function subsectionTitle(title: string): string {
	return `\n${title}\n${'-'.repeat(title.length)}\n`;
}
