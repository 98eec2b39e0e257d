/**
 * The report page model: totals, findings linked to the guide, and sections with tables and
 * bar-chart data (top sites, drops by layer, every site, drop reasons, what the capture held).
 */
import type { BarChart, FindingView, ReportSection, ReportView, Result } from '../contract.ts';
import { describeLayer, LAYERS } from './layers.ts';
import { sortCounts } from './render-text.ts';
import type { DropwatchSummary } from './summary.ts';

/** Bars in the top-sites chart. */
export const CHART_SITES = 10;

const share = (part: number, whole: number): string => (whole === 0 ? '' : `${((100 * part) / whole).toFixed(1)}%`);

function chart(title: string, bars: [string, number][]): BarChart {
	return { title, unit: 'drops', bars: bars.map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value) };
}

function layerFindings(summary: DropwatchSummary): FindingView[] {
	return LAYERS.filter((layer) => (summary.layers[layer.id] ?? 0) > 0)
		.sort((a, b) => (summary.layers[b.id] ?? 0) - (summary.layers[a.id] ?? 0))
		.map((layer) => {
			const count = summary.layers[layer.id] ?? 0;
			return {
				code: `dropwatch/${layer.id}-drops`,
				severity: 'info',
				title: `${layer.label}: ${count.toLocaleString('en-US')} ${count === 1 ? 'drop' : 'drops'} (${share(count, summary.drops)})`,
				detail: `${layer.meaning} Look next at: ${layer.next}.`,
				count,
				explain: layer.explain,
			};
		});
}

function noteFindings(summary: DropwatchSummary): FindingView[] {
	const findings: FindingView[] = [];
	if (summary.unresolvedModuleDrops > 0) {
		findings.push({
			code: 'dropwatch/unresolved-module-address',
			severity: 'warning',
			title: 'Module addresses shown under the wrong symbol',
			detail: 'dropwatch -l kas resolved module addresses to the last symbol of the kernel image (__brk_limit, __init_scratch_end, .brk.*); those names are not where the packets died. Match the addresses against the module ranges in /proc/modules, or use dropwatch 1.5.5, whose kallsyms lookup was reworked for this.',
			count: summary.unresolvedModuleDrops,
			explain: 'guides/dropwatch/#unresolved-module-addresses',
		});
	}
	if (summary.formats.location > 0) {
		findings.push({
			code: 'dropwatch/no-symbols',
			severity: 'info',
			title: 'Drop sites without symbols',
			detail: 'dropwatch ran without -l kas, so it printed raw addresses. Run dropwatch -l kas to see function names.',
			count: summary.formats.location,
			explain: 'guides/dropwatch/#installing-and-running',
		});
	}
	const errors = summary.toolErrors;
	if (errors.length > 0) {
		findings.push({
			code: 'dropwatch/tool-error',
			severity: 'warning',
			title: 'dropwatch reported failures',
			detail: errors.map(({ name, count }) => `${name} (${count}×)`).join('; '),
			count: errors.reduce((sum, { count }) => sum + count, 0),
			explain: 'guides/dropwatch/#installing-and-running',
		});
	}
	const tail = summary.tailDropped.software + summary.tailDropped.hardware;
	if (tail > 0) {
		findings.push({
			code: 'dropwatch/tail-dropped',
			severity: 'info',
			title: 'drop_monitor lost alerts',
			detail: 'The stats command reported Tail dropped: packets drop_monitor could not queue to its per-CPU drop list, so packet-mode counts are a lower bound. set queue <len> raises the limit (1,000 by default).',
			count: tail,
			explain: 'guides/dropwatch/#packet-mode-and-drop-reasons',
		});
	}
	return findings;
}

function siteSections(summary: DropwatchSummary): ReportSection[] {
	const sites = summary.sites;
	return [
		{
			id: 'top-sites',
			title: 'Top drop sites',
			...(sites.length === 0 ? { text: ['No drops in this capture.'] } : {}),
			chart: chart(`Top ${Math.min(CHART_SITES, sites.length)} drop sites`, sites.slice(0, CHART_SITES).map((site) => [site.name, site.count])),
		},
		{
			id: 'drops-by-site',
			title: 'Drops by site',
			text: ['Each site is the kernel function that freed the packet as dropped, without its offset. Hardware sites are devlink trap names.'],
			table: {
				columns: [
					{ key: 'site', label: 'Site' },
					{ key: 'layer', label: 'Layer' },
					{ key: 'origin', label: 'Origin' },
					{ key: 'drops', label: 'Drops', numeric: true },
					{ key: 'share', label: 'Share', numeric: true },
					{ key: 'addresses', label: 'Addresses' },
					{ key: 'note', label: 'Note' },
				],
				rows: sites.map((site) => ({
					site: site.module === undefined ? site.name : `${site.name} [${site.module}]`,
					layer: describeLayer(site.layer).label,
					origin: site.origin,
					drops: site.count,
					share: share(site.count, summary.drops),
					addresses: site.addresses.join(' '),
					note: site.unresolved === 'module-address' ? 'unresolved module address' : site.unresolved === 'no-symbol' ? 'no symbol (run with -l kas)' : null,
				})),
			},
		},
	];
}

function layerSection(summary: DropwatchSummary): ReportSection {
	const layers = LAYERS.filter((layer) => (summary.layers[layer.id] ?? 0) > 0);
	return {
		id: 'drops-by-layer',
		title: 'Drops by layer',
		chart: chart('Drops by layer', layers.map((layer) => [layer.label, summary.layers[layer.id] ?? 0])),
		table: {
			columns: [
				{ key: 'layer', label: 'Layer' },
				{ key: 'drops', label: 'Drops', numeric: true },
				{ key: 'share', label: 'Share', numeric: true },
				{ key: 'meaning', label: 'What it usually means' },
				{ key: 'next', label: 'Look next at' },
			],
			rows: layers
				.sort((a, b) => (summary.layers[b.id] ?? 0) - (summary.layers[a.id] ?? 0))
				.map((layer) => ({ layer: layer.label, drops: summary.layers[layer.id] ?? 0, share: share(summary.layers[layer.id] ?? 0, summary.drops), meaning: layer.meaning, next: layer.next })),
		},
	};
}

function reasonSection(summary: DropwatchSummary): ReportSection {
	const reasons: [string, number][] = summary.reasons.map(({ name, count }) => [name, count]);
	if (reasons.length === 0) {
		return { id: 'drops-by-reason', title: 'Drops by reason', text: ['No drop reasons in this capture. dropwatch prints them only in packet mode (set alertmode packet), from dropwatch 1.5.4 on a kernel that reports them (Linux 5.18 and later).'] };
	}
	return {
		id: 'drops-by-reason',
		title: 'Drops by reason',
		chart: chart('Packet-mode drops by reason', reasons),
		table: { columns: [{ key: 'reason', label: 'Drop reason' }, { key: 'drops', label: 'Packets', numeric: true }], rows: reasons.map(([reason, drops]) => ({ reason, drops })) },
	};
}

function captureSection(result: Result<DropwatchSummary>): ReportSection {
	const { summary } = result;
	const { formats } = summary;
	const rows: [string, number][] = [
		['Summary lines without [software] (dropwatch 1.4 to 1.5.1)', formats.legacy],
		['Summary lines with [software]/[hardware] (1.5.2 and later)', formats.tagged],
		['Summary lines with an address only (no -l kas)', formats.location],
		['Packet-mode blocks', formats.packet],
		['dropwatch chatter (prompts, status messages)', summary.chatter],
		['Blank lines', summary.blankLines],
		['Unparsed lines', result.unparsed.total],
	];
	for (const { name: port, count } of summary.inputPorts) rows.push([`Packets from input port ${port}`, count]);
	for (const [protocol, count] of sortCounts(summary.protocols)) rows.push([`Packets with protocol ${protocol}`, count]);
	return {
		id: 'capture',
		title: 'What the capture held',
		table: { columns: [{ key: 'what', label: 'Lines or blocks' }, { key: 'count', label: 'Count', numeric: true }], rows: rows.map(([what, count]) => ({ what, count })) },
	};
}

/** The page model of a dropwatch report. */
export function renderDropwatchView(result: Result<DropwatchSummary>): ReportView {
	const { summary } = result;
	return {
		totals: [
			{ label: 'Drops', value: summary.drops },
			{ label: 'Drop sites', value: Object.keys(summary.sites).length },
			{ label: 'Packets (packet mode)', value: summary.packets },
			{ label: 'Software drops', value: summary.origins.software },
			{ label: 'Hardware drops', value: summary.origins.hardware },
			{ label: 'Drops at unresolved module addresses', value: summary.unresolvedModuleDrops },
			{ label: 'Unparsed lines', value: result.unparsed.total },
		],
		findings: [...noteFindings(summary), ...layerFindings(summary)],
		sections: [...siteSections(summary), layerSection(summary), reasonSection(summary), captureSection(result)],
	};
}
