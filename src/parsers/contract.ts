/**
 * The contract every report parser implements.
 *
 * A parser is a streaming sink fed numbered lines. Ending the sink yields a {@link Result}: a
 * plain-JSON, mergeable summary, a tally of the lines it could not read, and messages. Renderers
 * are pure functions of a Result: text for the terminal, a {@link ReportView} for the site.
 * The CLI (`src/cli/`) and the Astro loader (`src/loaders/reports.ts`) drive every parser through
 * this one interface, listed in `src/parsers/registry.ts`.
 */
import type { ParseArgsConfig } from 'node:util';
import type { Input } from './run.ts';
import type { Tally } from './tally.ts';

export type Severity = 'error' | 'warning' | 'info';

/** A problem in the input, shaped like a vfile message. Printed as `file:line: severity code reason`. */
export interface Message {
	/** The input's name as the user gave it (`-` for stdin). */
	file?: string;
	/** 1-based line number in that file. */
	line?: number;
	column?: number;
	severity: Severity;
	/** `parser/kebab-reason`, e.g. `dropwatch/no-drops`. Stable: never renamed. */
	code: string;
	/** One sentence for a person. */
	reason: string;
	expected?: string;
	actual?: string;
	/** Site-relative link to the guide or note that explains it, e.g. `guides/dropwatch/#layers`. */
	url?: string;
}

export interface Result<S> {
	/** Plain JSON data: no Map, no class instances, no undefined-vs-missing tricks. */
	summary: S;
	/** Lines the parser did not understand, per reason, with the first few examples. */
	unparsed: Tally;
	messages: Message[];
}

/** Receives the lines of one input stream, in order. */
export interface Sink<S> {
	/** `text` has no line terminator; `lineNo` is 1-based within `file`. */
	line(text: string, lineNo: number): void;
	/** Called before the first line of each input when several inputs form one stream. */
	beginFile?(file: string): void;
	end(): Result<S>;
}

export interface SinkContext {
	/** Name of the first (or only) input, used in messages. */
	file: string;
}

/** A finding shown at the top of a report page. */
export interface FindingView {
	/** Stable code, `parser/kebab-name`. */
	code: string;
	severity: Severity;
	title: string;
	detail: string;
	count?: number;
	/** Site-relative link (no base, no leading slash), e.g. `guides/dropwatch/#ip-layer`. */
	explain?: string;
}

export interface TableColumn {
	key: string;
	label: string;
	/** Numbers are right-aligned and printed with thousands separators. */
	numeric?: boolean;
	/**
	 * Key of another field of the same row that holds a site-relative link (no base, no leading
	 * slash) for this column's cell, e.g. `reference/netstat-counters/#TcpExt-ListenOverflows`.
	 * The site makes the cell a link through `withBase`; a row whose field is null or absent shows
	 * plain text. Renderers that only read `row[column.key]` (text, Markdown) are unaffected.
	 */
	href?: string;
}

export type Cell = string | number | null;

export interface ReportTable {
	caption?: string;
	columns: TableColumn[];
	rows: Record<string, Cell>[];
}

/**
 * Data for a bar chart drawn at build time. With one series, `bars` are the bars, in the order
 * given. With `series`, `bars` are the categories along the axis (days, hours) and each series
 * gives one value per category: the site draws one panel per series, all on one scale.
 */
export interface BarChart {
	/** What the chart shows, e.g. `Drops by site`. */
	title: string;
	/** Unit of the values, e.g. `drops`. */
	unit: string;
	/**
	 * One entry per bar (one series) or per category (with `series`), in display order.
	 * With `series`, `value` repeats the first series' value for that category, so code that
	 * knows only single-series charts still reads meaningful bars.
	 */
	bars: {
		/** The bar's or category's name, e.g. `ip_rcv_finish` or `07:00`. */
		label: string;
		/** A count in `unit`; negative or non-finite values draw as no bar. */
		value: number;
	}[];
	/**
	 * Several series over the categories in `bars`, in a fixed order (the order is also how a
	 * reader tells them apart, beside colour). Absent for a single-series chart.
	 */
	series?: {
		/** The series' name as the legend shows it, e.g. `received`. */
		name: string;
		/** One value per entry of `bars`, same order; a missing value draws as no bar. */
		values: number[];
	}[];
}

export interface ReportSection {
	/** Anchor id, kebab-case, unique in the report. */
	id: string;
	title: string;
	/** Paragraphs of plain text (escaped when rendered). */
	text?: string[];
	chart?: BarChart;
	table?: ReportTable;
}

/** What a report page shows: plain data, rendered by one generic layout for every parser. */
export interface ReportView {
	/** Headline numbers, shown first as a summary table. */
	totals: { label: string; value: Cell }[];
	findings: FindingView[];
	sections: ReportSection[];
}

/** Options the CLI accepts for one parser, with a converter into the parser's own option type. */
export interface CliOptions<O> {
	config: NonNullable<ParseArgsConfig['options']>;
	/**
	 * Turns parsed argv values into options; throws `UsageError` for bad values. From the CLI,
	 * `values.format` is the resolved output format (default `text`); a sample's frontmatter
	 * `options:` come without it.
	 */
	read(values: Record<string, unknown>): O;
	/** Lines for `fieldnotes <parser> --help`. */
	help: string[];
	/**
	 * Rewrites the parser's argv before `parseArgs` sees it, for spellings parseArgs cannot
	 * express (pflogsumm's optional value `--verp-mung[=2]`, `--foo_bar` aliases).
	 */
	normalizeArgs?(args: readonly string[]): string[];
}

export interface ParserSpec<S, O = Record<string, never>> {
	/** One word: CLI subcommand, `content/samples/<name>/`, `tests/<name>/`. */
	name: string;
	/** What it reads, for `--help` and the site. */
	title: string;
	description: string;
	/**
	 * How several inputs combine: `merge` parses each on its own sink and merges the summaries
	 * (independent captures); `concatenate` feeds them to one sink in order (rotated logs of one
	 * stream, where a message may start in one file and end in the next); `compare` treats
	 * exactly two inputs as before and after and reports the change through {@link compare}
	 * (any other number of inputs merges).
	 */
	inputs: 'merge' | 'concatenate' | 'compare';
	/**
	 * For parsers of bytes rather than lines (`strings`): reads the inputs itself instead of being
	 * fed lines. Called without `write` it returns the result; the CLI's text format passes
	 * `write`, and the parser streams its whole text report through it (renderText is not called),
	 * so a large output never sits in memory.
	 */
	readInputs?(inputs: Input[], options?: O, write?: (text: string) => void): Promise<Result<S>>;
	/**
	 * Monitoring mode (`--check`): a status line for Nagios/Icinga and the plugin exit code
	 * (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN). Parsers with a `check` option in their CLI only.
	 */
	check?(result: Result<S>, options?: O): { text: string; exitCode: number };
	/** With `inputs: 'compare'`: the report of the change from `before` to `after`. */
	compare?(before: { file: string; result: Result<S> }, after: { file: string; result: Result<S> }, options?: O): Result<S>;
	/** Guide that explains the report, site-relative (`guides/dropwatch/`). */
	guide?: string;
	createSink(context: SinkContext, options?: O): Sink<S>;
	empty(): S;
	merge(a: S, b: S): S;
	renderText(result: Result<S>, options?: O): string;
	/**
	 * The same text in pieces, for reports too large to hold whole (a row per address of a
	 * botnet): the CLI writes them as they come. Joined, they are {@link renderText}'s text.
	 */
	renderTextParts?(result: Result<S>, options?: O): Iterable<string>;
	renderView(result: Result<S>): ReportView;
	/** What `--format json` prints; the summary itself when absent. */
	renderJson?(result: Result<S>): unknown;
	/**
	 * The summary that `--format json` printed, read back for `--from-json` (summaries made apart,
	 * merged with {@link merge}); throws an Error saying what is wrong when `value` is not one.
	 */
	readJson?(value: unknown): S;
	/**
	 * With a text format (`text` and the `formats` that are not data, e.g. `pflogsumm`): a block
	 * the CLI prints on stderr before the report, e.g. findings, so that stdout stays exactly the
	 * report a script expects while a person (or cron's mail) sees the block first. Empty: nothing.
	 */
	renderPreamble?(result: Result<S>, options?: O): string;
	/** Further `--format` names beyond `text` and `json`, e.g. `markdown`. */
	formats?: Record<string, (result: Result<S>, options?: O) => string | Iterable<string>>;
	cli?: CliOptions<O>;
}

/** Any parser, for code that handles them all (the CLI, the loader). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyParserSpec = ParserSpec<any, any>;

/** A bad command line or option value: the CLI prints it with usage and exits 2. */
export class UsageError extends Error {
	override name = 'UsageError';
}
