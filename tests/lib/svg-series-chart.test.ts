import { describe, expect, test } from 'vitest';
import type { BarChart } from '../../src/parsers/contract.ts';
import {
	BAR_FILL,
	MIN_BAR_PX,
	MIN_SLOT_PX,
	NARROW_PX,
	PANEL_HEIGHT,
	SERIES_COLOURS,
	SERIES_PANEL,
	layoutSeriesChart,
} from '../../src/lib/svg-series-chart.ts';

/** A chart over `labels` with one series per entry of `series`. */
function chart(labels: string[], series: Record<string, (number | undefined)[]>): BarChart {
	const list = Object.entries(series).map(([name, values]) => ({ name, values: values as number[] }));
	return {
		title: 'Messages per day',
		unit: 'messages',
		bars: labels.map((label, at) => ({ label, value: list[0]?.values[at] ?? 0 })),
		series: list,
	};
}

const days = ['Jun 28', 'Jun 29', 'Jun 30'];

describe('layoutSeriesChart', () => {
	test('draws every series on one scale: the largest value of any series fills its panel', () => {
		const layout = layoutSeriesChart(chart(days, { received: [10, 20, 5], rejected: [40, 0, 1] }));
		expect(layout.max).toBe(40);
		const [received, rejected] = layout.panels;
		expect(rejected!.bars[0]!.height).toBe(SERIES_PANEL.plotHeight);
		expect(received!.bars[1]!.height).toBe(SERIES_PANEL.plotHeight / 2);
		expect(received!.bars[2]!.height).toBeCloseTo((5 / 40) * SERIES_PANEL.plotHeight, 2);
	});

	test('stands every bar on its panel baseline and stacks panels one panel height apart', () => {
		const layout = layoutSeriesChart(chart(days, { a: [1, 2, 3], b: [3, 2, 1], c: [1, 1, 1] }));
		layout.panels.forEach((panel, index) => {
			expect(panel.baseline - panel.plotTop).toBe(SERIES_PANEL.plotHeight);
			expect(panel.labelY).toBeLessThan(panel.plotTop);
			if (index > 0) expect(panel.plotTop - layout.panels[index - 1]!.plotTop).toBe(PANEL_HEIGHT);
			for (const bar of panel.bars) expect(bar.y + bar.height).toBe(panel.baseline);
		});
		expect(layout.tickY).toBeGreaterThan(layout.panels.at(-1)!.baseline);
		expect(layout.height).toBeGreaterThan(layout.tickY);
	});

	test('gives each category an equal slot across the width with its bar centred in it', () => {
		const layout = layoutSeriesChart(chart(['a', 'b', 'c', 'd'], { x: [1, 1, 1, 1] }));
		const bars = layout.panels[0]!.bars;
		expect(bars.map((bar) => bar.slotXPercent)).toEqual([0, 25, 50, 75]);
		for (const bar of bars) {
			expect(bar.widthPercent).toBeCloseTo(25 * BAR_FILL, 2);
			const left = bar.xPercent - bar.slotXPercent;
			const right = bar.slotXPercent + bar.slotWidthPercent - (bar.xPercent + bar.widthPercent);
			expect(left).toBeCloseTo(right, 1);
		}
	});

	test.each([
		['zero', 0, 0],
		['negative', 0, -3],
		['NaN', 0, Number.NaN],
		['infinite', 0, Number.POSITIVE_INFINITY],
		['missing', 0, undefined],
		['tiny', MIN_BAR_PX, 0.001],
	])('draws a %s value as a bar %d px high without breaking the scale', (_name, height, value) => {
		const layout = layoutSeriesChart(chart(['big', 'odd'], { s: [1000, value] }));
		expect(layout.max).toBe(1000);
		expect(layout.panels[0]!.bars[1]!.height).toBe(height);
		expect(layout.panels[0]!.bars[0]!.height).toBe(SERIES_PANEL.plotHeight);
	});

	test('names each panel with its total and peak, and tells a missing value from zero', () => {
		const layout = layoutSeriesChart(chart(days, { received: [1200, 3400, 5], bounced: [0, 0], rejected: [0, 0, 0] }));
		expect(layout.panels.map((panel) => panel.stats)).toEqual(['total 4,605 · peak 3,400 at Jun 29', 'none', 'none']);
		expect(layout.panels[1]!.bars[2]!.valueText).toBe('—');
		expect(layout.panels[2]!.bars[2]!.valueText).toBe('0');
	});

	test('colours series by their order, cycling through the palette', () => {
		const many = Object.fromEntries(Array.from({ length: SERIES_COLOURS + 2 }, (_, i) => [`s${i}`, [i]]));
		const colours = layoutSeriesChart(chart(['a'], many)).panels.map((panel) => panel.colour);
		expect(colours).toEqual([1, 2, 3, 4, 5, 6, 1, 2]);
	});

	test('describes the scale, the categories and each series for screen readers', () => {
		const layout = layoutSeriesChart(chart(days, { received: [10, 20, 5], rejected: [40, 0, 1] }));
		expect(layout.description).toBe(
			'Messages per day: one bar chart per series, all on one scale from 0 to 40 messages, over 3 categories (Jun 28 to Jun 30). ' +
				'received: total 35 · peak 20 at Jun 29. rejected: total 41 · peak 40 at Jun 28.',
		);
	});

	test('describes an empty chart instead of drawing nothing silently', () => {
		const layout = layoutSeriesChart(chart([], { received: [] }));
		expect(layout.ticks).toEqual([]);
		expect(layout.description).toBe('No data: nothing to chart in messages.');
	});

	test('draws a chart without series as one series named after its unit', () => {
		const layout = layoutSeriesChart({ title: 'T', unit: 'drops', bars: [{ label: 'a', value: 2 }] });
		expect(layout.panels.map((panel) => [panel.fullName, panel.bars[0]!.value])).toEqual([['drops', 2]]);
	});
});

describe('category labels and width', () => {
	const hours = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);

	test('labels every category when there is room, and only every few on a narrow screen', () => {
		const week = layoutSeriesChart(chart(['Jun 28', 'Jun 29', 'Jun 30', 'Jul 1', 'Jul 2'], { x: [1, 2, 3, 4, 5] }));
		expect(week.ticks.map((tick) => tick.text)).toEqual(['Jun 28', 'Jun 29', 'Jun 30', 'Jul 1', 'Jul 2']);
		expect(week.ticks.every((tick) => !tick.wideOnly)).toBe(true);
		const day = layoutSeriesChart(chart(hours, { x: hours.map(() => 1) }));
		const narrow = day.ticks.filter((tick) => !tick.wideOnly).map((tick) => tick.text);
		expect(narrow[0]).toBe('00:00');
		expect(narrow.length).toBeLessThan(day.ticks.length);
		expect(24 / narrow.length).toBeGreaterThan(1);
		// Labels at regular steps, the narrow ones a subset of the wide ones.
		const step = hours.indexOf(day.ticks[1]!.text);
		expect(day.ticks.map((tick) => tick.text)).toEqual(hours.filter((_, i) => i % step === 0));
	});

	test('keeps the first and last labels inside the chart, centring the others under their bars', () => {
		const labels = ['2026-06-28 00:00', 'b', '2026-06-30 00:00', 'd', '2026-07-02 00:00'];
		const layout = layoutSeriesChart(chart(labels, { x: [1, 1, 1, 1, 1] }));
		expect(layout.ticks.map(({ text, anchor, xPercent }) => [text, anchor, xPercent])).toEqual([
			['2026-06-28 00:00', 'start', 0],
			['2026-06-30 00:00', 'middle', 50],
			['2026-07-02 00:00', 'end', 100],
		]);
		const week = layoutSeriesChart(chart(['Jun 28', 'Jun 29', 'Jun 30', 'Jul 1', 'Jul 2'], { x: [] }));
		expect(week.ticks.every((tick) => tick.anchor === 'middle')).toBe(true);
	});

	test('needs no minimum width for a day of hours, but gives a long calendar one and lets it scroll', () => {
		expect(layoutSeriesChart(chart(hours, { x: [] })).minWidth).toBeUndefined();
		const year = Array.from({ length: 365 }, (_, i) => `d${i}`);
		const layout = layoutSeriesChart(chart(year, { x: [] }));
		expect(layout.minWidth).toBe(365 * MIN_SLOT_PX);
		expect(layout.minWidth).toBeGreaterThan(NARROW_PX);
	});
});

describe('text from the log', () => {
	test('shows control characters in names, categories, title and unit as visible escapes', () => {
		const layout = layoutSeriesChart({
			title: 'T\x1b[31m',
			unit: 'u\x07',
			bars: [{ label: 'a\x1bb\nc', value: 1 }],
			series: [{ name: 'r\u202eev', values: [1] }],
		});
		expect(layout.title).toBe('T\\x1b[31m');
		expect(layout.unit).toBe('u\\x07');
		expect(layout.panels[0]!.fullName).toBe('r\\u202eev');
		expect(layout.panels[0]!.bars[0]!.category).toBe('a\\x1bb\\x0ac');
		expect(layout.ticks[0]!.text).toBe('a\\x1bb\\x0ac');
		expect(layout.description).not.toMatch(/[\x00-\x08\x0a-\x1f\x7f\u202e]/);
	});

	test('leaves markup as text for the template to escape, cutting long names and labels', () => {
		const hostile = '<script>alert(1)</script>';
		const layout = layoutSeriesChart(chart([hostile], { [`"><img src=x onerror=alert(1)>`]: [3] }));
		expect(layout.panels[0]!.bars[0]!.category).toBe(hostile);
		expect(layout.panels[0]!.fullName).toBe('"><img src=x onerror=alert(1)>');
		expect(Array.from(layout.panels[0]!.name)).toHaveLength(24);
		expect(layout.panels[0]!.name.endsWith('…')).toBe(true);
		expect(layout.ticks[0]!.text).toBe('<script>alert(1…');
	});
});
