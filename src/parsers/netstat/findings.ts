/**
 * Findings: what a bad number usually means and where to look next. Each rule names the
 * counters and formula behind it and its threshold; rules are data (finding-rules-*.ts).
 * On a single capture the values are totals since boot; on a before/after pair they are the
 * changes between the captures, so the same thresholds apply to the load that was measured.
 */
import type { FindingView, Severity } from '../contract.ts';
import { deltaValues } from './delta.ts';
import { IP_RULES } from './finding-rules-ip.ts';
import { TCP_LOSS_RULES } from './finding-rules-tcp-loss.ts';
import { TCP_SETUP_RULES } from './finding-rules-tcp-setup.ts';
import { counterValues, type NetstatSummary } from './summary.ts';

/** Reads counters as BigInt; absent counters are undefined (unknown), never 0. */
export type CounterReader = (name: string) => bigint | undefined;

/** What a rule reports when its threshold is crossed. */
export interface RuleHit {
	severity: Severity;
	/** The headline number (events, or per-mille for ratios), shown as the finding's count. */
	count: number;
	/** The measured values, e.g. `RetransSegs 428 / OutSegs 2890303 = 0.015 %`. */
	measured: string;
}

export interface NetstatFindingRule {
	/** Stable code `netstat/kebab-name`; never renamed. */
	code: string;
	title: string;
	/** nstat names the rule reads. */
	counters: string[];
	/** How the value is computed from the counters. */
	formula: string;
	/** When it fires, in words (mirrors `evaluate`). */
	threshold: string;
	/** What it usually means. */
	meaning: string;
	/** Which sysctl or tool to look at next. */
	next: string;
	/** Anchor in the netstat guide (`guides/netstat/#<anchor>`). */
	anchor: string;
	evaluate(read: CounterReader): RuleHit | undefined;
}

/** A finding as reported: the view the page shows, plus the rule's reasoning for JSON. */
export interface NetstatFinding extends FindingView {
	counters: string[];
	formula: string;
	threshold: string;
	measured: string;
	next: string;
}

export const NETSTAT_RULES: readonly NetstatFindingRule[] = [...TCP_LOSS_RULES, ...TCP_SETUP_RULES, ...IP_RULES];

/** Runs every rule over a plain name -> decimal map. */
export function evaluateRules(values: Record<string, string>): NetstatFinding[] {
	const read: CounterReader = (name) => (values[name] === undefined ? undefined : BigInt(values[name]));
	const findings: NetstatFinding[] = [];
	for (const rule of NETSTAT_RULES) {
		const hit = rule.evaluate(read);
		if (!hit) continue;
		findings.push({
			code: rule.code,
			severity: hit.severity,
			title: rule.title,
			detail: `${hit.measured}. ${rule.meaning} Next: ${rule.next}`,
			count: hit.count,
			explain: `guides/netstat/#${rule.anchor}`,
			counters: rule.counters,
			formula: rule.formula,
			threshold: rule.threshold,
			measured: hit.measured,
			next: rule.next,
		});
	}
	const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
	return findings.sort((a, b) => order[a.severity] - order[b.severity]);
}

/** Findings for a summary: over the delta when there is one, else over the totals. */
export function findNetstatProblems(summary: NetstatSummary): NetstatFinding[] {
	return evaluateRules(summary.delta ? deltaValues(summary.delta) : counterValues(summary.counters));
}
