/**
 * Geometry of build-time SVG charts with several series (a `BarChart` with `series`): small
 * multiples, one panel of vertical bars per series, stacked in the series' order and all drawn on
 * one scale, with the categories (days, hours) along a shared axis at the bottom. Each panel is
 * named beside its colour swatch, so colour is never the only way to tell series apart. Widths
 * are percentages of the SVG's width and heights pixels, so the chart reflows from 360 px up;
 * with too many categories for a narrow screen the SVG gets a minimum width and its box scrolls.
 * `SeriesChart.astro` draws the layout; text reaches the SVG only through escaped expressions.
 */
import type { BarChart } from '../parsers/contract.ts';
import { formatNumber, showText } from './format.ts';
import { clipLabel, round } from './svg-chart.ts';

/** Pixel sizes; the stylesheet's font sizes match `labelSize` and `tickSize`. */
export const SERIES_PANEL = {
	labelSize: 13,
	gap: 6,
	plotHeight: 48,
	spacing: 16,
	tickSize: 12,
	tickGap: 6,
	padding: 6,
} as const;
/** One panel: label line, gap, plot, space before the next panel. */
export const PANEL_HEIGHT =
	SERIES_PANEL.labelSize + SERIES_PANEL.gap + SERIES_PANEL.plotHeight + SERIES_PANEL.spacing;
/** Share of a category's slot a bar fills; the rest separates neighbours. */
export const BAR_FILL = 0.64;
/** A non-zero value never draws lower than this many px. */
export const MIN_BAR_PX = 2;
/** Below this slot width a bar is hard to see or hover: the SVG gets a minimum width instead. */
export const MIN_SLOT_PX = 8;
/** Plot widths the tick labels must fit: a 360 px screen, and from 40rem (where CSS shows more). */
export const NARROW_PX = 296;
export const WIDE_PX = 560;
/** How far a centred label may reach past the plot's edge into the figure's padding, px. */
export const TICK_OVERHANG = 8;
/** Longest category label on the axis before it is cut (tooltips keep the whole label). */
export const MAX_TICK = 16;
/** Colours cycle through this many `series-chart__series--N` classes. */
export const SERIES_COLOURS = 6;

export interface SeriesBar {
	/** The category (control characters escaped), for the bar's `<title>`. */
	category: string;
	/** As given; `undefined` when the series has no value for this category. */
	value: number | undefined;
	/** `1,234`, or `—` for a missing value. */
	valueText: string;
	/** The category's whole slot (hover target), percent of the width. */
	slotXPercent: number;
	slotWidthPercent: number;
	/** The visible bar, centred in its slot. */
	xPercent: number;
	widthPercent: number;
	/** Top of the bar and its height in px; height 0 means no bar is drawn. */
	y: number;
	height: number;
}

export interface SeriesPanel {
	/** The series' name as shown (escaped, cut to 24 characters). */
	name: string;
	/** The whole name, for tooltips. */
	fullName: string;
	/** 1-based colour class index: `series-chart__series--N`. */
	colour: number;
	/** `total 147 · peak 29 at Jul 6`, or `none` when every value is 0. */
	stats: string;
	/** Baseline of the label line, px. */
	labelY: number;
	/** Top and bottom (the axis line) of the plot area, px. */
	plotTop: number;
	baseline: number;
	bars: SeriesBar[];
}

export interface SeriesTick {
	text: string;
	xPercent: number;
	anchor: 'start' | 'middle' | 'end';
	/** Shown only where the plot is at least {@link WIDE_PX} wide. */
	wideOnly: boolean;
}

export interface SeriesChartLayout {
	title: string;
	unit: string;
	/** Total SVG height, px. */
	height: number;
	/** Minimum SVG width in px when the categories need it (the box then scrolls). */
	minWidth?: number;
	/** The largest value of any series: the top of every panel. */
	max: number;
	panels: SeriesPanel[];
	ticks: SeriesTick[];
	/** Baseline of the tick labels, px. */
	tickY: number;
	/** Sentences for `<desc>`: scale, categories, and per series its total and peak. */
	description: string;
}

/** Drawable size of a value: finite and positive, otherwise 0. */
function size(value: number | undefined): number {
	return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}

/** Approximate width of a tick label in px (proportional digits and letters, with margin). */
function textWidth(text: string, fontSize: number): number {
	return Array.from(text).length * fontSize * 0.62 + 8;
}

/** Every `step`-th category gets a tick; steps grow until labels fit the plot width. */
function layoutTicks(labels: string[], narrowPx: number): SeriesTick[] {
	const categories = labels.map((label) => clipLabel(label, MAX_TICK));
	const count = categories.length;
	const widePx = Math.max(WIDE_PX, narrowPx);
	const widest = (fontSize: number) => Math.max(0, ...categories.map((text) => textWidth(text, fontSize)));
	const wideStep = Math.max(1, Math.ceil(widest(12) / (widePx / count)));
	const narrowStep = Math.ceil(Math.max(1, widest(11) / (narrowPx / count)) / wideStep) * wideStep;
	const slot = 100 / count;
	const ticks: SeriesTick[] = [];
	for (let index = 0; index < count; index += wideStep) {
		const wideOnly = index % narrowStep !== 0;
		const plot = wideOnly ? widePx : narrowPx;
		const centre = (index + 0.5) * (plot / count);
		const half = textWidth(categories[index]!, wideOnly ? 12 : 11) / 2 - 4;
		let anchor: SeriesTick['anchor'] = 'middle';
		let xPercent = round((index + 0.5) * slot);
		if (centre - half < -TICK_OVERHANG) [anchor, xPercent] = ['start', round(index * slot)];
		else if (centre + half > plot + TICK_OVERHANG) [anchor, xPercent] = ['end', round((index + 1) * slot)];
		ticks.push({ text: categories[index]!, xPercent, anchor, wideOnly });
	}
	return ticks;
}

function describe(title: string, unit: string, max: number, categories: string[], panels: SeriesPanel[]): string {
	if (categories.length === 0 || panels.length === 0) return `No data: nothing to chart in ${unit}.`;
	const range = categories.length === 1 ? categories[0] : `${categories[0]} to ${categories.at(-1)}`;
	const each = panels.map((panel) => `${panel.fullName}: ${panel.stats}.`).join(' ');
	return `${title}: one bar chart per series, all on one scale from 0 to ${formatNumber(max)} ${unit}, over ${categories.length} categories (${range}). ${each}`;
}

/** Lays out a chart with `series` as small multiples; without `series`, its bars as one series. */
export function layoutSeriesChart(chart: BarChart): SeriesChartLayout {
	const unit = showText(chart.unit);
	const title = showText(chart.title);
	const categories = chart.bars.map((bar) => showText(bar.label));
	const series = chart.series ?? [{ name: chart.unit, values: chart.bars.map((bar) => bar.value) }];
	const count = categories.length;
	const max = Math.max(0, ...series.flatMap((one) => one.values.slice(0, count).map(size)));
	const slot = count > 0 ? 100 / count : 0;
	const minWidth = count * MIN_SLOT_PX > NARROW_PX ? count * MIN_SLOT_PX : undefined;
	const panels = series.map((one, index): SeriesPanel => {
		const top = SERIES_PANEL.padding + index * PANEL_HEIGHT;
		const plotTop = top + SERIES_PANEL.labelSize + SERIES_PANEL.gap;
		const baseline = plotTop + SERIES_PANEL.plotHeight;
		const bars = categories.map((category, at): SeriesBar => {
			const value = one.values[at];
			const scaled = max > 0 ? (size(value) / max) * SERIES_PANEL.plotHeight : 0;
			const height = size(value) > 0 ? Math.max(MIN_BAR_PX, round(scaled)) : 0;
			return {
				category,
				value,
				valueText: value === undefined ? '—' : formatNumber(value),
				slotXPercent: round(at * slot),
				slotWidthPercent: round(slot),
				xPercent: round((at + (1 - BAR_FILL) / 2) * slot),
				widthPercent: round(slot * BAR_FILL),
				y: round(baseline - height),
				height,
			};
		});
		const fullName = showText(one.name);
		return {
			name: clipLabel(fullName, 24),
			fullName,
			colour: (index % SERIES_COLOURS) + 1,
			stats: summarise(bars),
			labelY: top + SERIES_PANEL.labelSize - 2,
			plotTop,
			baseline,
			bars,
		};
	});
	const lastBaseline = SERIES_PANEL.padding + panels.length * PANEL_HEIGHT - SERIES_PANEL.spacing;
	const tickY = lastBaseline + SERIES_PANEL.tickGap + SERIES_PANEL.tickSize;
	return {
		title,
		unit,
		height: tickY + SERIES_PANEL.padding,
		...(minWidth === undefined ? {} : { minWidth }),
		max,
		panels,
		ticks: count > 0 ? layoutTicks(categories, minWidth ?? NARROW_PX) : [],
		tickY,
		description: describe(title, unit, max, categories, panels),
	};
}

/** `total 147 · peak 29 at Jul 6` (the first category with the largest value), or `none`. */
function summarise(bars: SeriesBar[]): string {
	const total = bars.reduce((sum, bar) => sum + size(bar.value), 0);
	if (total === 0) return 'none';
	const peak = bars.reduce((best, bar) => (size(bar.value) > size(best.value) ? bar : best));
	return `total ${formatNumber(total)} · peak ${peak.valueText} at ${peak.category}`;
}
