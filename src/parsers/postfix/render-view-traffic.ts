/**
 * The page model's traffic sections: pflogsumm's Per-Day Traffic Summary and Per-Hour Traffic
 * Daily Average (or Summary, for one day), each as a chart of the five traffic series
 * (received, delivered, deferred, bounced, rejected) above a table.
 */
import type { BarChart, ReportSection } from '../contract.ts';
import { formatDay } from './render-traffic.ts';
import { TRAFFIC_COLUMNS, type PostfixSummary } from './summary.ts';
import { MONTH_NAMES } from './syslog.ts';

const TRAFFIC = TRAFFIC_COLUMNS.map((key) => ({ key, label: key, numeric: true }));

/** Longest span of days drawn as a calendar (days without lines as empty); longer logs list days. */
export const CALENDAR_DAYS = 400;

const DAY_MS = 86_400_000;

/** A day key (`YYYYMMDD`, month from 0) as a UTC time, and back. */
function dayTime(key: string): number {
	return Date.UTC(Number(key.slice(0, 4)), Number(key.slice(4, 6)), Number(key.slice(6, 8)));
}

function dayKey(time: number): string {
	const date = new Date(time);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${String(date.getUTCFullYear()).padStart(4, '0')}${pad(date.getUTCMonth())}${pad(date.getUTCDate())}`;
}

/**
 * The chart's days: every calendar day from the first to the last, so a day without log lines
 * shows as a gap instead of vanishing; the days present when the span is implausibly long.
 */
export function listChartDays(keys: string[]): string[] {
	if (keys.length < 2) return keys;
	const first = dayTime(keys[0]!);
	const last = dayTime(keys.at(-1)!);
	const span = Math.round((last - first) / DAY_MS) + 1;
	if (!(span > 0 && span <= CALENDAR_DAYS)) return keys;
	return Array.from({ length: span }, (_, i) => dayKey(first + i * DAY_MS));
}

/** `Jun 28`: short enough to label every day of a week on a phone. */
function shortDay(key: string): string {
	return `${MONTH_NAMES[Number(key.slice(4, 6))] ?? '?'} ${Number(key.slice(6, 8))}`;
}

/** Five series over `labels`; each bar's value repeats the first series (received). */
function trafficChart(title: string, labels: string[], columns: number[][]): BarChart {
	const series = TRAFFIC_COLUMNS.map((name, i) => ({ name, values: columns[i]! }));
	return { title, unit: 'messages', bars: labels.map((label, at) => ({ label, value: columns[0]![at] ?? 0 })), series };
}

/**
 * pflogsumm counts a reject, reject warning, hold or discard alike in the per-day and per-hour
 * `rejected` column, but only rejects in Grand Totals: say so when the two differ.
 */
function rejectedNote(s: PostfixSummary, rows: Record<string, string | number>[]): string | undefined {
	const column = rows.reduce((sum, row) => sum + Number(row.rejected), 0);
	if (column === s.rejected) return undefined;
	return `As in pflogsumm, the rejected column counts reject warnings, holds and discards too (${column} here; Grand Totals count ${s.rejected} rejected).`;
}

function perDaySection(s: PostfixSummary): ReportSection {
	const days = Object.keys(s.days).sort((a, b) => Number(a) - Number(b));
	const rows = days.map((key) => {
		const row: Record<string, string | number> = { date: formatDay(key, true).trim() };
		TRAFFIC_COLUMNS.forEach((column, i) => (row[column] = s.days[key]![i] ?? 0));
		return row;
	});
	const section: ReportSection = {
		id: 'per-day-traffic',
		title: 'Per-Day Traffic Summary',
		table: { columns: [{ key: 'date', label: 'date' }, ...TRAFFIC], rows },
	};
	const text = [rejectedNote(s, rows)].filter((line) => line !== undefined);
	if (days.length >= 2) {
		const chartDays = listChartDays(days);
		const columns = TRAFFIC_COLUMNS.map((_, i) => chartDays.map((key) => s.days[key]?.[i] ?? 0));
		const missing = chartDays.length - days.length;
		section.chart = trafficChart('Messages per day', chartDays.map(shortDay), columns);
		const noun = missing === 1 ? 'day has' : 'days have';
		if (missing > 0) text.unshift(`${missing} ${noun} no log lines: shown as empty in the chart, left out of the table.`);
	}
	if (text.length > 0) section.text = text;
	return section;
}

function perHourSection(s: PostfixSummary): ReportSection {
	const days = s.dayCount;
	const average = days > 1;
	// pflogsumm prints int(value / days + 0.5); one decimal keeps quiet hours visible.
	const scale = (value: number) => (average ? Math.round((value / days) * 10) / 10 : value);
	const hours = Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, '0')}:00`);
	const columns = TRAFFIC_COLUMNS.map((column) => s.hours[column].map(scale));
	const rows = hours.map((hour, at) => {
		const row: Record<string, string | number> = { hour };
		TRAFFIC_COLUMNS.forEach((column, i) => (row[column] = columns[i]![at] ?? 0));
		return row;
	});
	return {
		id: 'per-hour-traffic',
		title: `Per-Hour Traffic ${average ? 'Daily Average' : 'Summary'}`,
		...(average && {
			text: [`Messages per hour of the day, averaged over the log's ${days} days (pflogsumm rounds these to whole messages; here to one decimal).`],
		}),
		chart: trafficChart(average ? 'Messages per hour, daily average' : 'Messages per hour', hours, columns),
		table: { columns: [{ key: 'hour', label: 'hour' }, ...TRAFFIC], rows },
	};
}

/** The Per-Day and Per-Hour sections, in pflogsumm's order. */
export function renderTrafficSections(s: PostfixSummary): ReportSection[] {
	return [perDaySection(s), perHourSection(s)];
}
