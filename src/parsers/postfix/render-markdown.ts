/** `--format markdown`: the page model as GitHub-flavoured Markdown (totals, then each table). */
import type { Cell, ReportTable, Result } from '../contract.ts';
import { renderPostfixExtrasSections } from './extras/render-view.ts';
import type { PostfixExtras } from './extras/types.ts';
import { renderPostfixView } from './render-view.ts';
import type { PostfixSummary } from './summary.ts';

/** Log text in a table cell: pipes, backslashes and line breaks would end the cell or the row. */
function cell(value: Cell): string {
	if (value === null) return '';
	if (typeof value === 'number') return value.toLocaleString('en-US');
	return value.replace(/[\\|`*_[\]<>]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

function table(t: ReportTable): string {
	const head = `| ${t.columns.map((c) => cell(c.label)).join(' | ')} |`;
	const rule = `|${t.columns.map((c) => (c.numeric ? ' ---: ' : ' --- ')).join('|')}|`;
	const rows = t.rows.map((row) => `| ${t.columns.map((c) => cell(row[c.key] ?? null)).join(' | ')} |`);
	return [...(t.caption ? [`_${cell(t.caption)}_`, ''] : []), head, rule, ...rows].join('\n');
}

export function renderPostfixMarkdown(result: Result<PostfixSummary>): string {
	const view = renderPostfixView(result);
	const parts = ['# Postfix log summary', '', '## Grand Totals', '', table({
		columns: [{ key: 'label', label: 'messages' }, { key: 'value', label: 'count', numeric: true }],
		rows: view.totals.map(({ label, value }) => ({ label, value })),
	})];
	// pflogsumm's sections, then those it lacks (when the extras observer ran).
	const extras = (result.summary as PostfixSummary & { extras?: PostfixExtras }).extras;
	for (const section of [...view.sections, ...renderPostfixExtrasSections(extras)]) {
		if (!section.table || section.table.rows.length === 0) continue;
		parts.push('', `## ${cell(section.title)}`, '', table(section.table));
	}
	if (result.unparsed.total > 0) {
		parts.push('', `## Unparsed lines (${result.unparsed.total})`, '', table({
			columns: [{ key: 'reason', label: 'reason' }, { key: 'count', label: 'lines', numeric: true }],
			rows: Object.entries(result.unparsed.reasons).map(([reason, entry]) => ({ reason, count: entry.count })),
		}));
	}
	return `${parts.join('\n')}\n`;
}
