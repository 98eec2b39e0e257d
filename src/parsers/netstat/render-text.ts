/**
 * Terminal report: findings, then every counter by section as `TcpExt:ListenOverflows` with
 * its exact value and the original netstat wording; for a pair, the delta table instead.
 */
import type { Result } from '../contract.ts';
import { compareCounterNames, type NetstatDelta } from './delta.ts';
import { findNetstatProblems } from './findings.ts';
import type { NetstatCounter, NetstatSummary } from './summary.ts';

function label(counter: { section: string; field: string }, name: string): string {
	return counter.section === '' ? name : `${counter.section}:${counter.field}`;
}

function renderCounters(title: string, counters: Record<string, NetstatCounter>): string[] {
	const entries = Object.entries(counters).sort(([, a], [, b]) => compareCounterNames(a, b));
	if (entries.length === 0) return [];
	const lines = [`${title} (${entries.length})`];
	let section: string | undefined;
	for (const [name, counter] of entries) {
		if (counter.section !== section) {
			section = counter.section;
			lines.push(`${section || '(no section)'}:`);
		}
		const text = counter.text === undefined ? '' : `  ${counter.text}`;
		lines.push(`    ${label(counter, name).padEnd(40)} ${counter.value.padStart(20)}${text}`);
	}
	return [...lines, ''];
}

function signed(change: string): string {
	return change.startsWith('-') ? change : `+${change}`;
}

function renderDelta(delta: NetstatDelta): string[] {
	const lines = [`Delta against ${delta.beforeFile ?? 'before'}: ${delta.changed.length} changed, ${delta.unchanged} unchanged`];
	for (const row of delta.changed) {
		const flag = row.flag ? ` [${row.flag}]` : '';
		const rate = row.rate === undefined ? '' : ` (${row.rate.toFixed(1)}/s)`;
		lines.push(`    ${label(row, row.name).padEnd(40)} ${signed(row.change).padStart(21)}${rate}  ${row.before} -> ${row.after}${flag}`);
	}
	const appeared = Object.entries(delta.onlyAfter);
	if (appeared.length > 0) {
		lines.push('', `Only in the after capture (${appeared.length}; netstat -s leaves out many zero lines)`);
		for (const [name, value] of appeared) lines.push(`    ${name.padEnd(40)} ${value.padStart(20)}`);
	}
	const gone = Object.entries(delta.onlyBefore);
	if (gone.length > 0) {
		lines.push('', `Only in the before capture (${gone.length})`);
		for (const [name, value] of gone) lines.push(`    ${name.padEnd(40)} ${value.padStart(20)}`);
	}
	return [...lines, ''];
}

export function renderNetstatText(result: Result<NetstatSummary>): string {
	const { summary } = result;
	const findings = findNetstatProblems(summary);
	const lines = [
		`netstat counters: ${Object.keys(summary.counters).length} counters, ${Object.keys(summary.settings).length} settings, ${summary.unknown.length} unknown lines (${summary.kinds.join(', ') || 'no input'})`,
		'',
	];
	lines.push(`Findings (${findings.length})`);
	for (const finding of findings) lines.push(`    ${finding.severity.padEnd(7)} ${finding.code}: ${finding.title} — ${finding.measured}`);
	lines.push('');
	if (summary.delta) lines.push(...renderDelta(summary.delta));
	lines.push(...renderCounters(summary.delta ? 'Counters (after)' : 'Counters', summary.counters));
	lines.push(...renderCounters('Settings', summary.settings));
	if (summary.unknown.length > 0) {
		lines.push(`Unknown lines (${summary.unknown.length})`);
		for (const entry of summary.unknown) lines.push(`    ${entry.line}: ${entry.text}`);
		lines.push('');
	}
	return lines.join('\n');
}
