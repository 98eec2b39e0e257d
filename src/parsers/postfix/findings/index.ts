/**
 * Postfix findings: blocklisted relay, RBL rejects, mail loops, spam bursts, exploit attempts,
 * delivery health and stale lookup tables, found in the raw log lines, plus the `--check`
 * monitoring status line. Explained in the relay-health guide (`guides/relay-health/`).
 */
export { createPostfixFindings, type PostfixFindingsCollector } from './collect.ts';
export { listPostfixFindings } from './evaluate.ts';
export { emptyPostfixFindings, mergePostfixFindings } from './state.ts';
export { BLOCKLIST_MATCHERS, type BlocklistMatcher } from './blocklist-matchers.ts';
export { defaultPostfixFindingsOptions, resolvePostfixFindingsOptions, type PostfixFindingsOptions } from './options.ts';
export type { Evidence, PostfixFinding, PostfixFindingsState } from './types.ts';
