/**
 * A capture's timestamp: the first line of a file made as `(date; netstat -s) > before.txt`.
 * Two timestamped captures give per-second rates without `--interval`.
 *
 * Accepted, as GNU coreutils `date` prints them (only forms whose offset from UTC is known):
 * - `date` in the C locale: `Thu Nov 26 12:13:02 UTC 2026`, the zone `UTC`/`GMT`/`UCT`/`UT`/`Z`
 *   or numeric as tzdata abbreviates zones without a name (`-03`, `+0545`). A zone name such as
 *   `CET`, `EST` or `IST` is read but not used: the same letters mean different offsets
 *   (IST: India, Ireland, Israel), so the line gives no timestamp and a message says so.
 * - `date -Is` / `--iso-8601=seconds|minutes|ns`: `2026-11-26T12:13:05+00:00`,
 *   `2026-11-26T12:13:41,490085986+00:00`; `Z` for UTC also accepted.
 * - `date --rfc-3339=seconds|ns`: `2026-11-26 12:13:12+00:00`.
 * - `date -R` / `--rfc-email`: `Thu, 26 Nov 2026 12:13:12 +0000`.
 * - `date +%s`, `date +%s.%N`: `1795695189`, `1795695221.491952407`.
 * Date and time without an offset (`date +'%F %T'`) are local time in an unknown zone: no
 * timestamp, a message.
 */

/** What a first line says about time: seconds since the epoch, a zone we cannot place, or nothing. */
export type TimestampReading = { epoch: number } | { unplaced: string } | undefined;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = DAYS.join('|');
const MONTH = MONTHS.join('|');

/** `Thu Nov 26 12:13:02 UTC 2026`, `Thu Nov  5 09:08:07 UTC 2026`, `Fri Nov  6 18:20:00 -03 2026` */
const DATE_C = new RegExp(`^(${DAY}) (${MONTH}) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) ([A-Za-z]+|[+-]\\d{2}(?:\\d{2})?) (\\d{4})$`);
/** `Thu, 26 Nov 2026 12:13:12 +0000` */
const DATE_R = new RegExp(`^(${DAY}), (\\d{1,2}) (${MONTH}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) ([+-]\\d{4})$`);
/** `2026-11-26T12:13:05+00:00`, `2026-11-26 12:13:41.490996963+00:00`, `2026-11-26T12:13+00:00` */
const DATE_ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** `1795695189`, `1795695221.491952407`: 9 to 11 digits, 2001-09-09 to 5138. */
const EPOCH = /^(\d{9,11})(?:\.(\d{1,9}))?$/;

/** Zone names that mean UTC wherever they are printed. */
const UTC_NAMES = new Set(['UTC', 'GMT', 'UCT', 'UT', 'Z']);

/** `+05:30`, `+0530`, `-03` -> offset east of UTC in seconds; a name -> undefined. */
function readOffset(zone: string): number | undefined {
	if (UTC_NAMES.has(zone)) return 0;
	const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
	if (!numeric) return undefined;
	const seconds = Number(numeric[2]) * 3600 + Number(numeric[3] ?? 0) * 60;
	return numeric[1] === '-' ? -seconds : seconds;
}

/**
 * Seconds since the epoch of a wall-clock time at `offset` seconds east of UTC; undefined for a
 * date that does not exist (Feb 30, hour 25) or a weekday that does not match it.
 */
function toEpoch(parts: { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday?: string }, offset: number): number | undefined {
	const { year, month, day, hour, minute, second, weekday } = parts;
	const wall = Date.UTC(year, month, day, hour, minute, second);
	const check = new Date(wall);
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month || check.getUTCDate() !== day) return undefined;
	if (hour > 23 || minute > 59 || second > 60) return undefined;
	if (weekday !== undefined && DAYS[check.getUTCDay()] !== weekday) return undefined;
	return wall / 1000 - offset;
}

function fraction(digits: string | undefined): number {
	return digits === undefined ? 0 : Number(`0.${digits}`);
}

/** Reads one line as a `date` timestamp; undefined when it is not one of the accepted forms. */
export function readTimestamp(line: string): TimestampReading {
	const text = line.trim();
	const epoch = EPOCH.exec(text);
	if (epoch) return { epoch: Number(epoch[1]) + fraction(epoch[2]) };
	const c = DATE_C.exec(text);
	if (c) {
		const parts = { weekday: c[1]!, month: MONTHS.indexOf(c[2]!), day: Number(c[3]), hour: Number(c[4]), minute: Number(c[5]), second: Number(c[6]), year: Number(c[8]) };
		const offset = readOffset(c[7]!);
		if (toEpoch(parts, 0) === undefined) return undefined;
		return offset === undefined ? { unplaced: c[7]! } : { epoch: toEpoch(parts, offset)! };
	}
	const r = DATE_R.exec(text);
	if (r) {
		const parts = { weekday: r[1]!, day: Number(r[2]), month: MONTHS.indexOf(r[3]!), year: Number(r[4]), hour: Number(r[5]), minute: Number(r[6]), second: Number(r[7]) };
		const seconds = toEpoch(parts, readOffset(r[8]!)!);
		return seconds === undefined ? undefined : { epoch: seconds };
	}
	const iso = DATE_ISO.exec(text);
	if (iso) {
		const parts = { year: Number(iso[1]), month: Number(iso[2]) - 1, day: Number(iso[3]), hour: Number(iso[4]), minute: Number(iso[5]), second: Number(iso[6] ?? 0) };
		if (toEpoch(parts, 0) === undefined) return undefined;
		if (iso[8] === undefined) return { unplaced: 'none given' };
		return { epoch: toEpoch(parts, readOffset(iso[8])!)! + fraction(iso[7]) };
	}
	return undefined;
}
