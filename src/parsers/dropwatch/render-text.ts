/**
 * The terminal report: totals, drops by layer with what to look at next, the top sites,
 * drop reasons and notes. Every string taken from the capture goes through `showControls`.
 */
import type { Result } from '../contract.ts';
import { showControls } from '../../lib/text.ts';
import { describeLayer, LAYERS } from './layers.ts';
import type { DropwatchOptions } from './parse.ts';
import type { DropwatchSite, DropwatchSummary } from './summary.ts';

/** Default number of sites in the text report. */
export const DEFAULT_TOP = 10;

const number = (value: number): string => value.toLocaleString('en-US');

/** Entries of a count record (fixed or validated keys), largest first. */
export function sortCounts(counts: Record<string, number>): [string, number][] {
	return Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
}

function percent(part: number, whole: number): string {
	return whole === 0 ? '' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** Two columns, the first padded: `  label ....  value`. */
function rows(pairs: [string, string][], indent = '  '): string[] {
	const width = Math.max(0, ...pairs.map(([label]) => label.length));
	return pairs.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`.trimEnd());
}

/** One line per site: `   151  unix sockets  unix_stream_recvmsg (0xffffffff81440fb9)`. */
export function describeSite(site: DropwatchSite): string {
	let text = showControls(site.name);
	if (site.module !== undefined) text += ` [${showControls(site.module)}]`;
	if (site.unresolved === 'module-address') text += ' (unresolved module address)';
	if (site.unresolved !== 'no-symbol' && site.addresses.length > 0) text += ` (${site.addresses.join(', ')})`;
	return text;
}

function renderNotes(summary: DropwatchSummary): string[] {
	const notes: string[] = [];
	if (summary.unresolvedModuleDrops > 0) {
		notes.push(`${number(summary.unresolvedModuleDrops)} drops are at module addresses that -l kas resolved to the end of the kernel image (__brk_limit, __init_scratch_end, .brk.*): those names are wrong. Match the addresses against the module ranges in /proc/modules, or use dropwatch 1.5.5, whose kallsyms lookup was reworked for this (nhorman/dropwatch issue #72).`);
	}
	const unnamed = summary.formats.location;
	if (unnamed > 0) notes.push(`${number(unnamed)} lines gave only an address (dropwatch without -l kas): run dropwatch -l kas to see symbols.`);
	for (const { name: text, count } of summary.toolErrors) notes.push(`dropwatch reported ${count === 1 ? 'once' : `${count} times`}: ${showControls(text)}`);
	const tail = summary.tailDropped.software + summary.tailDropped.hardware;
	if (tail > 0) notes.push(`stats: ${number(tail)} dropped packets could not be queued to drop_monitor's per-CPU drop list (Tail dropped), so packet-mode counts are a lower bound; set queue <len> raises the limit.`);
	return notes;
}

/** The text report for the terminal. */
export function renderDropwatchText(result: Result<DropwatchSummary>, options: DropwatchOptions = {}): string {
	const { summary } = result;
	const top = options.top ?? DEFAULT_TOP;
	const out: string[] = ['dropwatch report', '================', ''];
	const sites = summary.sites;
	out.push(
		...rows([
			['Drops', number(summary.drops)],
			['Drop sites', number(sites.length)],
			['Packets (packet mode)', number(summary.packets)],
			['Software drops', number(summary.origins.software)],
			['Hardware drops', number(summary.origins.hardware)],
			['Chatter lines', number(summary.chatter)],
			['Unparsed lines', number(result.unparsed.total)],
		], ''),
	);
	const layers = LAYERS.filter((layer) => (summary.layers[layer.id] ?? 0) > 0).sort((a, b) => (summary.layers[b.id] ?? 0) - (summary.layers[a.id] ?? 0));
	if (layers.length > 0) {
		out.push('', 'Drops by layer', '--------------');
		out.push(...rows(layers.map((layer) => [layer.label, `${number(summary.layers[layer.id] ?? 0).padStart(8)}  ${percent(summary.layers[layer.id] ?? 0, summary.drops).padStart(6)}`])));
	}
	if (sites.length > 0) {
		const shown = sites.slice(0, top);
		const title = sites.length > shown.length ? `Top ${shown.length} of ${sites.length} drop sites` : 'Drop sites';
		out.push('', title, '-'.repeat(title.length));
		const width = Math.max(...shown.map((site) => number(site.count).length));
		for (const site of shown) {
			out.push(`  ${number(site.count).padStart(width)}  ${describeLayer(site.layer).label.padEnd(12)}  ${describeSite(site)}`);
		}
	}
	if (summary.reasons.length > 0) {
		out.push('', 'Drop reasons (packet mode)', '--------------------------');
		out.push(...rows(summary.reasons.map(({ name, count }) => [showControls(name), number(count)])));
	}
	if (layers.length > 0) {
		out.push('', 'Where to look next', '------------------');
		for (const layer of layers) out.push(`  ${layer.label}: ${layer.next}`);
	}
	const notes = renderNotes(summary);
	if (notes.length > 0) out.push('', 'Notes', '-----', ...notes.map((note) => `  ${note}`));
	return `${out.join('\n')}\n`;
}
