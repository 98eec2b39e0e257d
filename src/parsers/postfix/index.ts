/**
 * `fieldnotes postfix`: Postfix mail logs summarised exactly as Debian's pflogsumm 1.1.5 does.
 *
 * Input: syslog lines (`mail.log`, `maillog`) with classic (`Jan 27 06:36:56 host …`) or RFC 3339
 * (`2021-01-27T06:36:56.123+01:00 host …`) timestamps, Postfix's own `maillog_file`, several
 * rotated files given oldest first (one stream), gzip'd or not, or stdin. Program names
 * `postfix/…`, `postfix/smtps|submission/…`, `postfix-script` and `--syslog-name` are read as
 * pflogsumm reads them; other lines are counted as unparsed by reason.
 *
 * Mirrors pflogsumm 1.1.5 (Debian 1.1.5-8): every section, option (`-d`, `-h`, `-u`, `--detail`,
 * the five `--*-detail`, `--problems-first`, `--iso-date-time`, `--zero-fill`,
 * `--verbose-msg-detail`, `-i`, `-m`, `--no-no-msg-size`, `--rej-add-from`, `--smtpd-stats`,
 * `--syslog-name`, `--verp-mung[=N]`, `-q`, `-e`, the deprecated `--no-*`), counting quirk and
 * print format; rows pflogsumm leaves in hash order come out sorted by key. Not mirrored:
 * `--mailq`, Getopt's abbreviations (1.1.12+'s options: options.ts; `--unprocd-file`: unprocd-file.ts).
 * Year: with `--now` exactly pflogsumm's rule (a month after now's is last year, RFC 3339 years
 * ignored); without it the machine's clock, and RFC 3339 lines keep the year they carry.
 * Deliberate differences, none visible in the goldens: a queue id is forgotten once Postfix logs
 * `removed` (or cleanup rejects/discards it), so memory stays flat — pflogsumm remembers every id,
 * which differs only when an id is reused; a CR before LF is dropped; reasons are cut at 64/66
 * UTF-16 units rather than bytes. Semantics: tests/fixtures/postfix/PFLOGSUMM-NOTES.md.
 * Guide: `guides/relay-health/`.
 */
import { readFileSync } from 'node:fs';
import {
	UsageError,
	type CliOptions,
	type ParserSpec,
	type ReportView,
	type Result,
	type Sink,
	type SinkContext,
} from '../contract.ts';
import { createFleetSink, mergeWithHosts, type Fleet } from './fleet.ts';
import { renderFleetJson, renderFleetMarkdown, renderFleetText, renderFleetTextParts, renderFleetView } from './fleet-render.ts';
import { readPostfixJson } from './read-json.ts';
import { createDayFilter } from './day-filter.ts';
import { addPostfixSummaries, mergePostfixSummary } from './merge.ts';
import { postfixCli } from './cli-options.ts';
import { resolvePostfixOptions, type PostfixOptions, type UnprocessedLines } from './options.ts';
import { openUnprocdFile } from './unprocd-file.ts';
import { localClock } from './syslog.ts';
import { createPostfixSink } from './parse.ts';
import { renderPostfixMarkdown } from './render-markdown.ts';
import { renderPostfixText, renderPostfixTextParts } from './render-text.ts';
import { renderPostfixView } from './render-view.ts';
import { emptyPostfixSummary, type PostfixSummary } from './summary.ts';
import { renderPostfixExtrasSections } from './extras/index.ts';
import {
	mergeWithFindings,
	POSTFIX_CHECK_CLI,
	postfixFindingViews,
	readPostfixCheckConfigFileSync,
	renderPostfixFindingsJson,
	renderPostfixFindingsText,
	runPostfixCheck,
	withPostfixFindings,
	type PostfixCheckConfig,
	type WithFindings,
} from './findings/index.ts';

export { createPostfixSink } from './parse.ts';
export { renderPostfixText } from './render-text.ts';
export { renderPostfixView } from './render-view.ts';
export { renderPostfixMarkdown } from './render-markdown.ts';
export { mergePostfixSummary } from './merge.ts';
export { emptyPostfixSummary, type PostfixSummary } from './summary.ts';
export { defaultPostfixOptions, type PostfixOptions } from './options.ts';
export { normalizePostfixArgs, readPostfixOptions } from './cli-options.ts';

/** The summary with the findings state (`findings/`) riding along. */
export type PostfixReport = WithFindings<PostfixSummary>;

/** A report, with each relay's own when read with `--host-from-log`. */
export type PostfixFleet = Fleet<PostfixReport>;

/** CLI options: pflogsumm's, plus `--check` and the findings config of `--config FILE`. */
export type PostfixCliOptions = PostfixOptions & {
	check?: boolean;
	/**
	 * Whether to run the findings collector (it more than doubles the time): off only for
	 * pflogsumm's text with `--no-findings`, which then shows none.
	 */
	collectFindings?: boolean;
	/** The `--config` file as read; an Error when it is unreadable or invalid (--check says UNKNOWN). */
	findingsConfig?: PostfixCheckConfig | Error;
	/** `--host-from-log`: one report per relay, by the syslog host name, and the fleet's. */
	hostFromLog?: boolean;
};

function readFindingsConfig(values: Record<string, unknown>): PostfixCheckConfig | Error {
	try {
		return readPostfixCheckConfigFileSync(values.config as string | undefined, (file) => readFileSync(file, 'utf8'));
	} catch (error) {
		return error as Error;
	}
}

/**
 * `--unprocd-file`: the lines go out in log order, as read, so not with `--jobs` (pieces read
 * at once) nor `--redact` (the file holds log lines as they are).
 */
function openUnprocessed(values: Record<string, unknown>): UnprocessedLines {
	if (values.jobs !== undefined && values.jobs !== '1')
		throw new UsageError('--unprocd-file lists lines in log order: it cannot be combined with --jobs');
	if (values.redact === true || values['redact-salt'] !== undefined || values['keep-domains'] === true)
		throw new UsageError('--unprocd-file writes log lines as they are: it cannot be combined with --redact');
	return openUnprocdFile(values['unprocd-file'] as string);
}

const postfixCheckCli: CliOptions<PostfixCliOptions> = {
	config: {
		...postfixCli.config,
		...POSTFIX_CHECK_CLI.config,
		'host-from-log': { type: 'boolean' },
		'no-findings': { type: 'boolean' },
		'unprocd-file': { type: 'string' },
	},
	help: [
		...postfixCli.help,
		...POSTFIX_CHECK_CLI.help.map((line) => line.slice(2)),
		'--no-findings        text formats: skip the findings collector (~2× faster); by default the',
		'                     findings are printed on stderr before the report, which stays pflogsumm\'s',
		'--host-from-log      several relays (files, or one mixed log): the fleet\'s report, then one per',
		'                     relay, told apart by the syslog header\'s host name',
		'--unprocd-file FILE  write there, as file:line: text, each line no section of the report counts',
		'                     (lines pflogsumm 1.1.5 passes over, and unparsed Postfix lines)',
	],
	normalizeArgs: postfixCli.normalizeArgs,
	read(values) {
		const options: PostfixCliOptions = postfixCli.read(values);
		if (values.check === true) options.check = true;
		if (values['host-from-log'] === true) options.hostFromLog = true;
		if (typeof values['unprocd-file'] === 'string') options.unprocessed = openUnprocessed(values);
		const textOnly = values.format === 'text' || values.format === 'pflogsumm';
		options.collectFindings = options.check === true || !textOnly || values['no-findings'] !== true;
		if (values.check === true || values.config !== undefined) {
			options.findingsConfig = readFindingsConfig(values);
			// Outside monitoring mode a bad config is a usage error, as any bad option is.
			if (!options.check && options.findingsConfig instanceof Error) throw new UsageError(options.findingsConfig.message);
		}
		return options;
	},
};

function findingsOptions(options?: PostfixCliOptions) {
	const config = options?.findingsConfig;
	return config instanceof Error ? undefined : config?.options;
}

/** One relay's sink: pflogsumm's parser, with the findings collector unless the report skips it. */
const createRelaySink = (context: SinkContext, options?: PostfixCliOptions): Sink<PostfixReport> =>
	options?.collectFindings === false
		? createPostfixSink(context, options)
		: withPostfixFindings(
				createPostfixSink(context, options),
				context,
				findingsOptions(options),
				createDayFilter(resolvePostfixOptions(options), options?.now ?? localClock()),
			);

const mergeRelay = mergeWithFindings(mergePostfixSummary);
const combineRelays = mergeWithFindings(addPostfixSummaries);

const renderRelayView = (result: Result<PostfixReport>): ReportView => {
	const view = renderPostfixView(result);
	return {
		...view,
		findings: [...postfixFindingViews(result.summary.findings), ...view.findings],
		sections: [...view.sections, ...renderPostfixExtrasSections(result.summary.extras)],
	};
};

const renderRelayJson = (result: Result<PostfixReport>): unknown => ({
	...result.summary,
	...renderPostfixFindingsJson(result.summary.findings),
});

export const postfix: ParserSpec<PostfixFleet, PostfixCliOptions> = {
	name: 'postfix',
	title: 'Postfix mail logs, summarised as pflogsumm 1.1.5 does',
	description: 'Reads Postfix syslog lines (classic or RFC 3339 timestamps) and prints pflogsumm\'s report.',
	inputs: 'concatenate',
	guide: 'guides/relay-health/',
	createSink: (context, options) =>
		options?.hostFromLog
			? createFleetSink(context, (relay) => createRelaySink(relay, options), combineRelays, emptyPostfixSummary)
			: createRelaySink(context, options),
	empty: emptyPostfixSummary,
	merge: mergeWithHosts(mergeRelay, combineRelays, emptyPostfixSummary),
	renderText: (result, options) => renderFleetText(result, (one) => renderPostfixText(one, options)),
	renderTextParts: (result, options) => renderFleetTextParts(result, (one) => renderPostfixTextParts(one, options)),
	renderView: (result) => renderFleetView(result, renderRelayView),
	renderJson: (result) => renderFleetJson(result, renderRelayJson),
	readJson: readPostfixJson,
	formats: {
		pflogsumm: (result, options) => renderFleetTextParts(result, (one) => renderPostfixTextParts(one, options)),
		markdown: (result) => renderFleetMarkdown(result, renderPostfixMarkdown),
	},
	cli: postfixCheckCli,
	renderPreamble: (result, options) =>
		options?.collectFindings === false ? '' : renderPostfixFindingsText(result.summary.findings, findingsOptions(options)),
	check: (result, options) =>
		runPostfixCheck(result.summary.findings, options?.findingsConfig ?? readFindingsConfig({})),
};
