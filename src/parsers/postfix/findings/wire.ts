/**
 * Composing the findings with the Postfix parser in a few lines: a sink wrapper that feeds
 * every raw line to the collector beside the summary sink, a merge that merges the findings
 * state too, the report page's findings, a text block, the JSON shape, and the `--check`
 * command-line options. See the report of the findings work for the exact edits.
 */
import type { FindingView, Sink, SinkContext } from '../../contract.ts';
import { UsageError } from '../../contract.ts';
import { renderPostfixCheck, renderPostfixCheckError, type PostfixCheck } from './check.ts';
import { createPostfixFindings } from './collect.ts';
import { parsePostfixCheckConfig, type PostfixCheckConfig } from './config.ts';
import { listPostfixFindings } from './evaluate.ts';
import type { resolvePostfixFindingsOptions } from './options.ts';
import { emptyPostfixFindings, mergePostfixFindings } from './state.ts';
import { createPostfixExtras } from '../extras/collect.ts';
import { emptyPostfixExtras, mergePostfixExtras } from '../extras/state.ts';
import type { PostfixExtras } from '../extras/types.ts';
import { DEFAULT_THRESHOLDS } from './thresholds.ts';
import type { PostfixFinding, PostfixFindingsState } from './types.ts';
import type { SyslogStamp } from '../syslog.ts';

type FindingsOptions = Parameters<typeof resolvePostfixFindingsOptions>[0];

/**
 * A summary that carries the findings state and the extras' state (the sections pflogsumm
 * lacks, `../extras/`); both plain JSON and mergeable.
 */
export type WithFindings<S> = S & { findings?: PostfixFindingsState; extras?: PostfixExtras };

/**
 * `sink`, with every line also fed to a findings collector, which hands each line it reads to the
 * extras observer; the states land in `summary.findings` and `summary.extras`. `accept` keeps
 * lines of other days (`-d`) from the collector, as the parser skips them. A sink with `stampOf`
 * (the Postfix parser's) lends the collector the header it read, so no header is read twice.
 */
export function withPostfixFindings<S>(
	sink: Sink<S> & { stampOf?(text: string): SyslogStamp | undefined },
	context: SinkContext,
	options?: FindingsOptions,
	accept?: (raw: string) => boolean,
): Sink<WithFindings<S>> {
	const extras = createPostfixExtras();
	const collector = createPostfixFindings(options, extras.observe);
	let file = context.file;
	return {
		beginFile(name) {
			file = name;
			sink.beginFile?.(name);
		},
		line(text, lineNo) {
			sink.line(text, lineNo);
			if (accept === undefined || accept(text)) collector.line(text, lineNo, file, sink.stampOf?.(text));
		},
		end() {
			const result = sink.end();
			const findings = collector.end();
			return { ...result, summary: { ...result.summary, findings, extras: extras.end() } };
		},
	};
}

/**
 * A summary merge that also merges the findings and extras states (absent counts as empty; a
 * merge of two summaries without them has none, so `merge(empty(), s)` still equals `s`).
 */
export function mergeWithFindings<S>(
	merge: (a: S, b: S) => S,
): (a: WithFindings<S>, b: WithFindings<S>) => WithFindings<S> {
	return (a, b) => {
		let merged = merge(a, b) as WithFindings<S>;
		if (a.findings !== undefined || b.findings !== undefined) {
			const empty = emptyPostfixFindings();
			const findings = mergePostfixFindings(a.findings ?? empty, b.findings ?? empty);
			merged = { ...merged, findings };
		}
		if (a.extras !== undefined || b.extras !== undefined) {
			const empty = emptyPostfixExtras();
			merged = { ...merged, extras: mergePostfixExtras(a.extras ?? empty, b.extras ?? empty) };
		}
		return merged;
	};
}

/** The report page's findings (`ReportView.findings`). */
export function postfixFindingViews(
	state?: PostfixFindingsState,
	options?: FindingsOptions,
): FindingView[] {
	if (!state) return [];
	return listPostfixFindings(state, options).map((f) => {
		const view: FindingView = {
			code: f.code,
			severity: f.severity,
			title: f.title,
			detail: f.detail,
			count: f.count,
		};
		if (f.explain) view.explain = f.explain;
		return view;
	});
}

/** What `--format json` adds: the findings list, and the state that merges across files/hosts. */
export function renderPostfixFindingsJson(
	state?: PostfixFindingsState,
	options?: FindingsOptions,
): { findings: PostfixFinding[]; findingsState: PostfixFindingsState } {
	const findingsState = state ?? emptyPostfixFindings();
	return { findings: listPostfixFindings(findingsState, options), findingsState };
}

/** A text block for the top of a terminal report; empty when there is no finding. */
export function renderPostfixFindingsText(
	state?: PostfixFindingsState,
	options?: FindingsOptions,
): string {
	const findings = state ? listPostfixFindings(state, options) : [];
	if (findings.length === 0) return '';
	const lines = [
		`Findings (${findings.length})`,
		'-'.repeat(`Findings (${findings.length})`.length),
	];
	for (const f of findings) {
		lines.push(`${f.severity.padEnd(7)} ${f.code} (${f.count}): ${f.title}`, `        ${f.detail}`);
		for (const e of f.evidence.slice(0, 3))
			lines.push(`        ${e.file ? `${e.file}:` : ''}${e.line}: ${e.text}`);
		if (f.explain) lines.push(`        see ${f.explain}`);
	}
	return `${lines.join('\n')}\n\n`;
}

/** The options `--check` adds to `fieldnotes postfix` (for `ParserSpec.cli.config`). */
export const POSTFIX_CHECK_CLI = {
	config: {
		check: { type: 'boolean' },
		config: { type: 'string' },
	},
	help: [
		'  --check              monitoring mode: one Nagios/Icinga status line with perfdata, then the',
		'                       findings over their thresholds; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN',
		'  --config FILE        JSON thresholds, finding options and blocklist matchers for --check',
	],
} as const;

/** Reads `--config` (when given) through `readFile`; a bad file is a {@link UsageError}. */
export async function readPostfixCheckConfigFile(
	path: string | undefined,
	readFile: (path: string) => Promise<string>,
): Promise<PostfixCheckConfig> {
	if (path === undefined) return { options: {}, thresholds: { ...DEFAULT_THRESHOLDS } };
	let text: string;
	try {
		text = await readFile(path);
	} catch (cause) {
		throw new UsageError(`${path}: cannot read config: ${(cause as Error).message}`);
	}
	return parsePostfixCheckConfig(text, path);
}

/** As {@link readPostfixCheckConfigFile}, synchronously (for `ParserSpec.cli.read`). */
export function readPostfixCheckConfigFileSync(
	path: string | undefined,
	readFile: (path: string) => string,
): PostfixCheckConfig {
	if (path === undefined) return { options: {}, thresholds: { ...DEFAULT_THRESHOLDS } };
	let text: string;
	try {
		text = readFile(path);
	} catch (cause) {
		throw new UsageError(`${path}: cannot read config: ${(cause as Error).message}`);
	}
	return parsePostfixCheckConfig(text, path);
}

/** The `--check` output for a finished run, or UNKNOWN for a config error. */
export function runPostfixCheck(
	state: PostfixFindingsState | undefined,
	config: PostfixCheckConfig | Error,
): PostfixCheck {
	if (config instanceof Error) return renderPostfixCheckError(config.message);
	return renderPostfixCheck(state ?? emptyPostfixFindings(), config.thresholds, config.options);
}
