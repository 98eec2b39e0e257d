/**
 * Page sections for delivery delays (nearest-rank percentiles of the printed values, overall
 * and per destination, per `delays=a/b/c/d` stage) and reject classes.
 */
import type { Cell, ReportSection, TableColumn } from '../../contract.ts';
import { countOf, PERCENTILES, stageRows } from './delays.ts';
import { REJECT_CLASSES, replyClassOf } from './reject-classes.ts';
import type { DelayHistograms, DelayStage, PostfixExtras } from './types.ts';

/** Destinations shown per delay table (each takes one row per stage). */
export const DELAY_DESTINATIONS = 20;

/** How each stage is named on the page. */
export const STAGE_LABELS: Record<DelayStage, string> = {
	total: 'delay (total)',
	a: 'a: before queue manager',
	b: 'b: in queue manager',
	c: 'c: connection setup',
	d: 'd: transmission',
};

const PERCENTILE_COLUMNS: TableColumn[] = [
	{ key: 'n', label: 'deliveries', numeric: true },
	...PERCENTILES.map((p) => ({ key: `p${p}`, label: `p${p} (s)`, numeric: true })),
	{ key: 'max', label: 'max (s)', numeric: true },
];

function rowsOf(histograms: DelayHistograms, extra: Record<string, Cell> = {}) {
	return stageRows(histograms).map(({ stage, n, values, max }) => {
		const row: Record<string, Cell> = { ...extra, stage: STAGE_LABELS[stage], n, max };
		PERCENTILES.forEach((p, i) => (row[`p${p}`] = values[i]!));
		return row;
	});
}

function perDestination(
	id: string,
	title: string,
	label: string,
	table: Record<string, DelayHistograms>,
): ReportSection | undefined {
	const keys = Object.keys(table)
		.map((key) => [key, countOf(table[key]!.total)] as const)
		.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
	if (keys.length === 0) return undefined;
	const shown = keys.slice(0, DELAY_DESTINATIONS);
	return {
		id,
		title,
		table: {
			caption: keys.length > shown.length ? `busiest ${shown.length} of ${keys.length}` : undefined,
			columns: [{ key: 'key', label }, { key: 'stage', label: 'stage' }, ...PERCENTILE_COLUMNS],
			rows: shown.flatMap(([key]) => rowsOf(table[key]!, { key })),
		},
	};
}

/** Delay sections; none when the log has no `status=sent` line with `delays=`. */
export function renderDelaySections(extras: PostfixExtras): ReportSection[] {
	const overall = rowsOf(extras.delays.all);
	if (overall.length === 0) return [];
	const sections: (ReportSection | undefined)[] = [
		{
			id: 'delivery-delays',
			title: 'Delivery delays (status=sent)',
			text: [
				'Percentiles of the delays Postfix logs with each delivery: delay= and its four parts ' +
					'delays=a/b/c/d. Exact nearest-rank values of the numbers as printed (Postfix rounds ' +
					'to two significant digits, whole seconds from 10 s).',
			],
			table: { columns: [{ key: 'stage', label: 'stage' }, ...PERCENTILE_COLUMNS], rows: overall },
		},
		perDestination(
			'delivery-delays-by-domain',
			'Delivery delays by recipient domain',
			'domain',
			extras.delays.domains,
		),
		perDestination(
			'delivery-delays-by-relay',
			'Delivery delays by relay',
			'relay',
			extras.delays.relays,
		),
	];
	return sections.filter((s): s is ReportSection => s !== undefined);
}

const LABELS = new Map(REJECT_CLASSES.map((c) => [c.id, c.label]));

/** Reject classes with reply code and enhanced status; none when nothing was rejected. */
export function renderRejectSections(extras: PostfixExtras): ReportSection[] {
	const keys = Object.keys(extras.rejects).sort(
		(x, y) => extras.rejects[y]! - extras.rejects[x]! || (x < y ? -1 : 1),
	);
	if (keys.length === 0) return [];
	const byClass: Record<string, number> = Object.create(null);
	const rows = keys.map((key) => {
		const [id = '', detail = '', code = '', dsn = ''] = key.split('\t');
		const reply = replyClassOf(code, dsn);
		const count = extras.rejects[key]!;
		byClass[reply] = (byClass[reply] ?? 0) + count;
		return { restriction: LABELS.get(id) ?? id, detail, reply, code, dsn, count };
	});
	const totals = Object.keys(byClass).sort().map((reply) => `${reply}: ${byClass[reply]}`);
	return [
		{
			id: 'reject-classes',
			title: 'Rejects by restriction and reply code',
			text: [`By reply class — ${totals.join(', ')}.`],
			table: {
				columns: [
					{ key: 'restriction', label: 'restriction' },
					{ key: 'detail', label: 'detail' },
					{ key: 'reply', label: 'class' },
					{ key: 'code', label: 'code' },
					{ key: 'dsn', label: 'DSN' },
					{ key: 'count', label: 'rejects', numeric: true },
				],
				rows,
			},
		},
	];
}
