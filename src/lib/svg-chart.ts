/**
 * Geometry of the build-time SVG bar charts on report pages. The chart is a stack of rows, each
 * a label line above a horizontal bar with its value at the bar's end. Widths are percentages of
 * the SVG's own width, heights are pixels, so text stays readable from 360 px screens upwards
 * without a script. `BarChart.astro` draws the layout; text reaches the SVG only through escaped
 * Astro expressions. Charts with several series: `svg-series-chart.ts`.
 */
import type { BarChart } from '../parsers/contract.ts';
import { formatNumber, showText } from './format.ts';

/** Pixel sizes of one row; the stylesheet's font sizes match `labelSize` and `valueSize`. */
export const CHART_ROW = {
	labelSize: 13,
	valueSize: 12,
	gap: 4,
	barHeight: 14,
	padding: 10,
} as const;
/** Row height: label line, gap, bar, and the space before the next row. */
export const ROW_HEIGHT =
	CHART_ROW.labelSize + CHART_ROW.gap + CHART_ROW.barHeight + CHART_ROW.padding;
/** The widest bar, in percent of the chart width; the rest is room for the value. */
export const MAX_BAR_PERCENT = 78;
/** A non-zero value never draws thinner than this, so it stays visible beside large ones. */
export const MIN_BAR_PERCENT = 0.6;

export interface BarLayout {
	/** The label as shown: control characters escaped, cut to `maxLabel` characters with `…`. */
	label: string;
	/** The whole label (control characters escaped), for the bar's `<title>` tooltip. */
	fullLabel: string;
	value: number;
	/** `1,234` */
	valueText: string;
	/** Baseline of the label, px from the top. */
	labelY: number;
	/** Top of the bar, px. */
	barY: number;
	/** Bar width in percent of the chart width, 0..MAX_BAR_PERCENT. */
	barPercent: number;
	/** Where the value text starts, percent of the chart width. */
	valueXPercent: number;
	/** Baseline of the value text, px: vertically centred on the bar. */
	valueY: number;
}

export interface ChartLayout {
	title: string;
	unit: string;
	/** Total SVG height in px. */
	height: number;
	bars: BarLayout[];
	/** The largest value shown (bars scale to it). */
	max: number;
	/** Bars beyond `maxBars` that are not drawn. */
	hidden: number;
	/** One sentence listing every bar shown, for `<desc>` and screen readers. */
	description: string;
}

export interface ChartOptions {
	/** Draw at most this many bars, in the order given (default 12). */
	maxBars?: number;
	/** Longest label shown before it is cut (default 44 characters: fits a 360 px screen). */
	maxLabel?: number;
}

/** `label` cut to `max` characters (code points), the last one replaced by `…` when cut. */
export function clipLabel(label: string, max: number): string {
	const chars = Array.from(label);
	return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : label;
}

/** Lays out `chart` as horizontal bars scaled to the largest value; negative values draw as 0. */
export function layoutBarChart(chart: BarChart, options: ChartOptions = {}): ChartLayout {
	const { maxBars = 12, maxLabel = 44 } = options;
	const shown = chart.bars.slice(0, Math.max(0, maxBars));
	const finite = shown.map((bar) => (Number.isFinite(bar.value) ? Math.max(0, bar.value) : 0));
	const max = Math.max(0, ...finite);
	const bars = shown.map((bar, index): BarLayout => {
		const top = CHART_ROW.padding / 2 + index * ROW_HEIGHT;
		const scaled = max > 0 ? (finite[index]! / max) * MAX_BAR_PERCENT : 0;
		const barPercent = finite[index]! > 0 ? Math.max(MIN_BAR_PERCENT, round(scaled)) : 0;
		const fullLabel = showText(bar.label);
		const barY = top + CHART_ROW.labelSize + CHART_ROW.gap;
		return {
			label: clipLabel(fullLabel, maxLabel),
			fullLabel,
			value: bar.value,
			valueText: formatNumber(bar.value),
			labelY: top + CHART_ROW.labelSize - 2,
			barY,
			barPercent,
			valueXPercent: round(barPercent + 1),
			valueY: barY + CHART_ROW.barHeight / 2 + CHART_ROW.valueSize / 2 - 2,
		};
	});
	const hidden = chart.bars.length - bars.length;
	const listed = bars.map((bar) => `${bar.fullLabel} ${bar.valueText}`).join('; ');
	const unit = showText(chart.unit);
	const description =
		bars.length === 0
			? `No data: nothing to chart in ${unit}.`
			: `Bar chart, ${unit} per item: ${listed}.${hidden > 0 ? ` ${hidden} more not shown.` : ''}`;
	return {
		title: showText(chart.title),
		unit,
		height: bars.length * ROW_HEIGHT + CHART_ROW.padding,
		bars,
		max,
		hidden,
		description,
	};
}

/** Rounds to hundredths: coordinates in percent stay short in the SVG. */
export function round(value: number): number {
	return Math.round(value * 100) / 100;
}
