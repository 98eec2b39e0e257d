/**
 * dropwatch parser.
 *
 * Accepts what `dropwatch` prints on its terminal, as a pasted or `script`-recorded session:
 * summary lines (`N drops at sym+off (0xaddr)`, with or without `[software]`; `N drops at
 * location 0x…`; `N drops at TRAP [hardware]`), packet-mode blocks (`drop at:` … blank line,
 * with `drop reason:`), `stats` output, and the prompts and status chatter, which are counted
 * but not reported as unparsed.
 * Mirrors dropwatch 1.4 to 1.5.5 (nhorman/dropwatch `src/main.c`, `src/lookup*.c`).
 * Guide: `content/guides/dropwatch.mdx`, published at `guides/dropwatch/`.
 */
import type { ParserSpec } from '../contract.ts';
import { readDropwatchOptions } from './options.ts';
import { createDropwatchSink, type DropwatchOptions } from './parse.ts';
import { renderDropwatchText } from './render-text.ts';
import { renderDropwatchView } from './render-view.ts';
import { emptyDropwatchSummary, mergeDropwatchSummary, type DropwatchSummary } from './summary.ts';

export type { DropwatchOptions } from './parse.ts';
export type { DropwatchSummary, DropwatchSite, NamedCount } from './summary.ts';
export { createDropwatchSink } from './parse.ts';
export { emptyDropwatchSummary, mergeDropwatchSummary } from './summary.ts';
export { renderDropwatchText } from './render-text.ts';
export { renderDropwatchView } from './render-view.ts';
export { findLayer, LAYERS } from './layers.ts';

/** The dropwatch parser as the registry, the CLI and the site loader use it. */
export const dropwatch: ParserSpec<DropwatchSummary, DropwatchOptions> = {
	name: 'dropwatch',
	title: 'dropwatch -l kas output',
	description: 'Reads a dropwatch session (summary or packet mode) and reports drops per kernel site, per layer and per drop reason.',
	inputs: 'merge',
	guide: 'guides/dropwatch/',
	createSink: (context) => createDropwatchSink(context),
	empty: emptyDropwatchSummary,
	merge: mergeDropwatchSummary,
	renderText: renderDropwatchText,
	renderView: renderDropwatchView,
	cli: {
		config: { top: { type: 'string' } },
		read: readDropwatchOptions,
		help: ['--top N            number of drop sites in the text report (default 10)'],
	},
};
