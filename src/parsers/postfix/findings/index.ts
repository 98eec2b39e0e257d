/**
 * Postfix findings: blocklisted relay, RBL rejects, mail loops, spam bursts, exploit attempts,
 * delivery health and stale lookup tables, found in the raw log lines, plus the `--check`
 * monitoring status line. Explained in the relay-health guide (`guides/relay-health/`).
 */
export { createPostfixFindings, type PostfixFindingsCollector } from './collect.ts';
export { listPostfixFindings } from './evaluate.ts';
export { emptyPostfixFindings, mergePostfixFindings } from './state.ts';
export { BLOCKLIST_MATCHERS, type BlocklistMatcher } from './blocklist-matchers.ts';
export {
	defaultPostfixFindingsOptions,
	resolvePostfixFindingsOptions,
	type PostfixFindingsOptions,
} from './options.ts';
export type { Evidence, PostfixFinding, PostfixFindingsState } from './types.ts';
export {
	renderPostfixCheck,
	renderPostfixCheckError,
	CHECK_EXIT_CODES,
	type CheckStatus,
	type PostfixCheck,
} from './check.ts';
export {
	parsePostfixCheckConfig,
	readPostfixCheckConfig,
	type PostfixCheckConfig,
} from './config.ts';
export {
	DEFAULT_THRESHOLDS,
	POSTFIX_FINDING_CODES,
	type PostfixThresholds,
	type Threshold,
} from './thresholds.ts';
export {
	mergeWithFindings,
	postfixFindingViews,
	POSTFIX_CHECK_CLI,
	readPostfixCheckConfigFile,
	readPostfixCheckConfigFileSync,
	renderPostfixFindingsJson,
	renderPostfixFindingsText,
	runPostfixCheck,
	withPostfixFindings,
	type WithFindings,
} from './wire.ts';
