/**
 * `fieldnotes postfix --check`: a Nagios/Icinga plugin's output from the findings. The first
 * line is `POSTFIX OK|WARNING|CRITICAL|UNKNOWN - <summary> | <perfdata>` with one
 * `label=value;warn;crit;min;max` per finding code (value = the finding's count, 0 when absent);
 * then one line per finding over its threshold, with its first evidence lines. Exit status
 * 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (no Postfix line in the input, or a bad config).
 */
import { listPostfixFindings } from './evaluate.ts';
import type { resolvePostfixFindingsOptions } from './options.ts';
import { DEFAULT_THRESHOLDS, POSTFIX_FINDING_CODES, type PostfixThresholds } from './thresholds.ts';
import type { PostfixFinding, PostfixFindingsState } from './types.ts';

export type CheckStatus = 'OK' | 'WARNING' | 'CRITICAL' | 'UNKNOWN';

export interface PostfixCheck {
	status: CheckStatus;
	/** The plugin exit status for `status`. */
	exitCode: 0 | 1 | 2 | 3;
	/** Lines ending in a newline. */
	text: string;
}

export const CHECK_EXIT_CODES: Record<CheckStatus, 0 | 1 | 2 | 3> = {
	OK: 0,
	WARNING: 1,
	CRITICAL: 2,
	UNKNOWN: 3,
};

const label = (code: string) => code.replace(/^postfix\//, '');
const bound = (value?: number) => (value === undefined ? '' : String(value));

function levelOf(count: number, warning?: number, critical?: number): CheckStatus {
	if (critical !== undefined && count > critical) return 'CRITICAL';
	if (warning !== undefined && count > warning) return 'WARNING';
	return 'OK';
}

function perfdata(
	state: PostfixFindingsState,
	counts: Map<string, number>,
	thresholds: PostfixThresholds,
): string {
	const codes = [...new Set([...POSTFIX_FINDING_CODES, ...Object.keys(thresholds)])];
	const items = codes.map((code) => {
		const { warning, critical } = thresholds[code] ?? {};
		return `${label(code)}=${counts.get(code) ?? 0};${bound(warning)};${bound(critical)};0;`;
	});
	return [`lines=${state.lines};;;0;`, ...items].join(' ');
}

function detailLines(finding: PostfixFinding, level: CheckStatus): string[] {
	const link = finding.explain ? ` (${finding.explain})` : '';
	return [
		`${level} ${finding.code}: ${finding.count} - ${finding.title}${link}`,
		`  ${finding.detail}`,
		...finding.evidence
			.slice(0, 3)
			.map((e) => `  ${e.file ? `${e.file}:` : ''}${e.line}: ${e.text}`),
	];
}

/** The plugin output for an error that stops the check (bad config, unreadable input). */
export function renderPostfixCheckError(reason: string): PostfixCheck {
	const [head = '', ...rest] = reason
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
	const text = rest.length === 0 ? head : `${head} ${rest.join('; ')}`;
	return { status: 'UNKNOWN', exitCode: 3, text: `POSTFIX UNKNOWN - ${text}\n` };
}

/** Status line, perfdata and the findings over their thresholds. */
export function renderPostfixCheck(
	state: PostfixFindingsState,
	thresholds: PostfixThresholds = DEFAULT_THRESHOLDS,
	options?: Parameters<typeof resolvePostfixFindingsOptions>[0],
): PostfixCheck {
	if (state.lines === 0) return renderPostfixCheckError('no Postfix log lines in the input');
	const findings = listPostfixFindings(state, options);
	const counts = new Map(findings.map((f) => [f.code, f.count]));
	const over = findings
		.map((finding) => {
			const { warning, critical } = thresholds[finding.code] ?? {};
			return { finding, level: levelOf(finding.count, warning, critical) };
		})
		.filter(({ level }) => level !== 'OK')
		.sort((a, b) => CHECK_EXIT_CODES[b.level] - CHECK_EXIT_CODES[a.level]);
	const status: CheckStatus = over[0]?.level ?? 'OK';
	const summary =
		over.length === 0
			? `${state.lines} lines, ${findings.length} finding(s), none over its threshold`
			: `${over.length} finding(s) over threshold: ${over.map(({ finding }) => `${label(finding.code)} ${finding.count}`).join(', ')}`;
	const lines = [
		`POSTFIX ${status} - ${summary} | ${perfdata(state, counts, thresholds)}`,
		...over.flatMap(({ finding, level }) => detailLines(finding, level)),
	];
	return { status, exitCode: CHECK_EXIT_CODES[status], text: `${lines.join('\n')}\n` };
}
