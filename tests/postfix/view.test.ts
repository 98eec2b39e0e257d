import { expect, test } from 'vitest';
import { postfix, renderPostfixMarkdown, type PostfixOptions, type PostfixSummary } from '../../src/parsers/postfix/index.ts';
import { fileInput, parseText, runParser } from '../../src/parsers/run.ts';

const sample = new URL('../../content/samples/postfix/relay-week.log.gz', import.meta.url).pathname;

test('the page model starts with Grand Totals and has a table for every non-empty section', async () => {
	const result = await runParser<PostfixSummary, PostfixOptions>(postfix, [fileInput(sample)], undefined);
	const view = postfix.renderView(result);
	expect(view.totals.slice(0, 3)).toEqual([
		{ label: 'received', value: result.summary.received },
		{ label: 'delivered', value: result.summary.delivered },
		{ label: 'forwarded', value: result.summary.forwarded },
	]);
	const ids = view.sections.map((section) => section.id);
	expect(ids.slice(0, 2)).toEqual(['per-day-traffic', 'per-hour-traffic']);
	expect(ids).toEqual(expect.arrayContaining(['delivery-domains', 'rejects', 'deferrals', 'bounces', 'warnings']));
	expect(new Set(ids).size).toBe(ids.length);
	const perDay = view.sections[0]!;
	expect(perDay.chart?.bars.reduce((sum, bar) => sum + bar.value, 0)).toBe(result.summary.delivered);
});

test('markdown escapes log text that would break a table', () => {
	const line = 'Jan 27 06:36:56 mail postfix/smtpd[1]: warning: a|b `c` <d>';
	const markdown = renderPostfixMarkdown(parseText(postfix, line, undefined));
	expect(markdown).toContain('| smtpd | a\\|b \\`c\\` \\<d\\> | 1 |');
});
