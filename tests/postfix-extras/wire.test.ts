/**
 * The extras through the Postfix spec: the findings collector's reader feeds them, they ride in
 * `summary.extras`, merge with the summary, survive `--format json` → `--from-json`, and show
 * after pflogsumm's sections on the page and in Markdown. pflogsumm's text does not change.
 */
import { describe, expect, test } from 'vitest';
import { postfix, renderPostfixView } from '../../src/parsers/postfix/index.ts';
import { renderPostfixExtrasSections } from '../../src/parsers/postfix/extras/index.ts';
import { parseText } from '../../src/parsers/run.ts';
import { plain, relayWeek } from './helpers.ts';

const text = `${relayWeek.join('\n')}\n`;
const result = parseText(postfix, text);

describe('the Postfix spec with extras', () => {
	test('carries the extras state of every Postfix line (zcat … | awk \'$5 ~ /^postfix/\' | wc -l)', () => {
		expect(result.summary.extras?.lines).toBe(1327);
	});

	test('leaves pflogsumm’s text as the parser alone prints it', () => {
		const alone = parseText(postfix, text, { ...postfix.cli!.read({}), collectFindings: false });
		expect(alone.summary.extras).toBeUndefined();
		expect(postfix.renderText(result)).toBe(postfix.renderText(alone));
	});

	test('puts the extras’ sections after all of pflogsumm’s on the report page', () => {
		const ids = postfix.renderView(result).sections.map((s) => s.id);
		const pflogsumm = renderPostfixView(result).sections.map((s) => s.id);
		const extras = renderPostfixExtrasSections(result.summary.extras).map((s) => s.id);
		expect(ids).toEqual([...pflogsumm, ...extras]);
		expect(extras).toEqual([
			'instances',
			'delivery-delays',
			'delivery-delays-by-domain',
			'delivery-delays-by-relay',
			'reject-classes',
		]);
	});

	test('appends the extras’ tables to --format markdown', () => {
		const markdown = postfix.formats!.markdown!(result) as string; // markdown is one text; pflogsumm comes in pieces
		const at = (heading: string) => markdown.indexOf(`\n## ${heading}\n`);
		expect(at('Per instance (syslog\\_name)')).toBeGreaterThan(at('Host/Domain Summary: Message Delivery'));
		expect(at('Delivery delays (status=sent)')).toBeGreaterThan(0);
		expect(markdown).toContain('| delay (total) | 161 | 0.01 | 0.1 | 0.23 | 6.1 |');
	});

	test('puts the state in --format json, and --from-json reads it back to merge', () => {
		const json = JSON.parse(JSON.stringify(postfix.renderJson!(result))) as { extras: unknown };
		expect(json.extras).toEqual(plain(result.summary.extras));
		const back = postfix.readJson!(json);
		const twice = postfix.merge(back, back);
		expect(twice.extras?.instances.postfix?.delivered).toBe(2 * 161);
	});

	test('merges as the summary merges: empty on either side changes nothing', () => {
		expect(plain(postfix.merge(postfix.empty(), result.summary))).toEqual(plain(result.summary));
		expect(plain(postfix.merge(result.summary, postfix.empty()))).toEqual(plain(result.summary));
	});
});
