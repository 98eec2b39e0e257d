import { describe, expect, test } from 'vitest';
import {
	CHART_ROW,
	layoutBarChart,
	MAX_BAR_PERCENT,
	MIN_BAR_PERCENT,
	ROW_HEIGHT,
} from '../../src/lib/svg-chart.ts';

const chart = (bars: { label: string; value: number }[]) => ({
	title: 'Drops by site',
	unit: 'drops',
	bars,
});

describe('layoutBarChart', () => {
	test('scales the largest value to the widest bar and the others in proportion', () => {
		const layout = layoutBarChart(
			chart([
				{ label: 'unix_stream_recvmsg', value: 151 },
				{ label: 'ip_local_deliver', value: 36 },
			]),
		);
		expect(layout.max).toBe(151);
		expect(layout.bars[0]!.barPercent).toBe(MAX_BAR_PERCENT);
		expect(layout.bars[1]!.barPercent).toBeCloseTo((36 / 151) * MAX_BAR_PERCENT, 1);
	});

	test('stacks rows one row height apart and sizes the SVG to fit them', () => {
		const layout = layoutBarChart(
			chart([
				{ label: 'a', value: 1 },
				{ label: 'b', value: 2 },
				{ label: 'c', value: 3 },
			]),
		);
		expect(layout.bars[1]!.barY - layout.bars[0]!.barY).toBe(ROW_HEIGHT);
		expect(layout.bars[2]!.labelY - layout.bars[1]!.labelY).toBe(ROW_HEIGHT);
		expect(layout.height).toBe(3 * ROW_HEIGHT + CHART_ROW.padding);
		const last = layout.bars[2]!;
		expect(last.barY + CHART_ROW.barHeight).toBeLessThanOrEqual(layout.height);
	});

	test('puts each label above its bar and the value just after the bar end', () => {
		const [bar] = layoutBarChart(chart([{ label: 'a', value: 5 }])).bars;
		expect(bar!.labelY).toBeLessThan(bar!.barY);
		expect(bar!.valueXPercent).toBeGreaterThan(bar!.barPercent);
		expect(bar!.valueY).toBeGreaterThan(bar!.barY);
		expect(bar!.valueY).toBeLessThanOrEqual(bar!.barY + CHART_ROW.barHeight + 1);
	});

	test('keeps a tiny non-zero bar visible and draws zero as no bar', () => {
		const layout = layoutBarChart(
			chart([
				{ label: 'big', value: 1_000_000 },
				{ label: 'tiny', value: 1 },
				{ label: 'zero', value: 0 },
			]),
		);
		expect(layout.bars[1]!.barPercent).toBe(MIN_BAR_PERCENT);
		expect(layout.bars[2]!.barPercent).toBe(0);
	});

	test.each([
		['negative', -5],
		['NaN', Number.NaN],
		['infinite', Number.POSITIVE_INFINITY],
	])('draws a %s value as an empty bar without breaking the scale', (_name, value) => {
		const layout = layoutBarChart(
			chart([
				{ label: 'ok', value: 10 },
				{ label: 'odd', value },
			]),
		);
		expect(layout.max).toBe(10);
		expect(layout.bars[1]!.barPercent).toBe(0);
		expect(layout.bars[0]!.barPercent).toBe(MAX_BAR_PERCENT);
	});

	test('prints values with thousands separators', () => {
		const layout = layoutBarChart(chart([{ label: 'a', value: 1234567 }]));
		expect(layout.bars[0]!.valueText).toBe('1,234,567');
		expect(layout.description).toBe('Bar chart, drops per item: a 1,234,567.');
	});

	test('draws at most maxBars bars in the given order and says how many are left out', () => {
		const bars = Array.from({ length: 20 }, (_, i) => ({ label: `site${i}`, value: 20 - i }));
		const layout = layoutBarChart(chart(bars), { maxBars: 5 });
		expect(layout.bars.map((bar) => bar.label)).toEqual([
			'site0',
			'site1',
			'site2',
			'site3',
			'site4',
		]);
		expect(layout.hidden).toBe(15);
		expect(layout.description).toMatch(/15 more not shown\.$/);
	});

	test('cuts a long label with an ellipsis and keeps the whole label for the tooltip', () => {
		const label = `${'x'.repeat(70)}_end`;
		const [bar] = layoutBarChart(chart([{ label, value: 1 }]), { maxLabel: 20 }).bars;
		expect(Array.from(bar!.label)).toHaveLength(20);
		expect(bar!.label.endsWith('…')).toBe(true);
		expect(bar!.fullLabel).toBe(label);
	});

	test('shows control characters in labels, title and unit as visible escapes', () => {
		const layout = layoutBarChart({
			title: 'T\x1b[31m',
			unit: 'u\x07',
			bars: [{ label: 'a\x1bb\nc', value: 1 }],
		});
		expect(layout.title).toBe('T\\x1b[31m');
		expect(layout.unit).toBe('u\\x07');
		expect(layout.bars[0]!.label).toBe('a\\x1bb\\x0ac');
		expect(layout.description).not.toMatch(/[\x00-\x08\x0a-\x1f\x7f]/);
	});

	test('leaves markup in labels as text for the template to escape', () => {
		const [bar] = layoutBarChart(chart([{ label: '<script>alert(1)</script>', value: 3 }])).bars;
		expect(bar!.label).toBe('<script>alert(1)</script>');
	});

	test('describes an empty chart instead of drawing nothing silently', () => {
		const layout = layoutBarChart(chart([]));
		expect(layout.bars).toEqual([]);
		expect(layout.max).toBe(0);
		expect(layout.height).toBe(CHART_ROW.padding);
		expect(layout.description).toBe('No data: nothing to chart in drops.');
	});
});
