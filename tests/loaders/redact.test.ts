/**
 * The site redacts every sample unless its frontmatter says `redact: false`; the salt comes from
 * FIELDNOTES_REDACT_SALT, else the committed default. Runs on the real Postfix relay-week sample.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
	DEFAULT_REDACT_SALT,
	readRedactSalt,
	sampleRedactOptions,
} from '../../src/lib/redact-config.ts';
import { findSampleCases, parseSampleCase, type SampleCase } from '../../src/loaders/reports.ts';
import { findParser } from '../../src/parsers/registry.ts';
import { sampleSchema } from '../../src/schemas/sample.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function relayWeek(redact?: unknown): Promise<SampleCase> {
	const { cases } = await findSampleCases(ROOT, [findParser('postfix')!]);
	const sample = cases.find((c) => c.id === 'postfix/relay-week');
	expect(sample, 'content/samples/postfix/relay-week.md is found').toBeDefined();
	return { ...sample!, meta: { ...sample!.meta, redact: redact as SampleCase['meta']['redact'] } };
}

const ENV = { FIELDNOTES_REDACT_SALT: 'x' };

/** What the page is made from: the stored result and the view. */
async function publish(sample: SampleCase, env = ENV): Promise<string> {
	const parsed = await parseSampleCase(sample, ROOT, env);
	return JSON.stringify([parsed.result, parsed.view]);
}

describe('site redaction settings', () => {
	test.each([
		[undefined, DEFAULT_REDACT_SALT],
		['', DEFAULT_REDACT_SALT],
		['s3cret', 's3cret'],
	])('FIELDNOTES_REDACT_SALT=%j gives the salt %j', (value, salt) => {
		expect(readRedactSalt(value === undefined ? {} : { FIELDNOTES_REDACT_SALT: value })).toBe(salt);
	});

	test.each([
		[undefined, { salt: 'x', keepDomains: false }],
		[true, { salt: 'x', keepDomains: false }],
		[{ keepDomains: true }, { salt: 'x', keepDomains: true }],
		[false, undefined],
	])('frontmatter redact: %j redacts with %j', (redact, options) => {
		expect(sampleRedactOptions(redact, { FIELDNOTES_REDACT_SALT: 'x' })).toEqual(options);
	});

	test.each([[false], [true], [{ keepDomains: true }]])('the schema takes redact: %j', (redact) => {
		const meta = { title: 't', description: 'd', captured: '2026-11-26', tool: 't', source: 's' };
		expect(sampleSchema.parse({ ...meta, redact }).redact).toEqual(redact);
	});

	test.each([['no'], [{ keepDomain: true }]])('the sample schema rejects redact: %j', (redact) => {
		const meta = { title: 't', description: 'd', captured: '2026-11-26', tool: 't', source: 's' };
		expect(sampleSchema.safeParse({ ...meta, redact }).success).toBe(false);
	});
});

describe('reports loader redaction', () => {
	test('publishes pseudonyms only, in the result and the page model, by default', async () => {
		const text = await publish(await relayWeek());
		expect(text).not.toMatch(/alice@fieldnotes\.test|127\.0\.0\.\d/);
		expect(text).toMatch(/user-[0-9a-f]{12}@redacted\.invalid/);
		expect(text).toMatch(/unknown\[ip4-[0-9a-f]{12}\]/);
	});

	test('keeps the domains with redact: { keepDomains: true }', async () => {
		const text = await publish(await relayWeek({ keepDomains: true }));
		expect(text).toMatch(/user-[0-9a-f]{12}@fieldnotes\.test/);
		expect(text).not.toMatch(/alice@fieldnotes\.test|127\.0\.0\.\d/);
	});

	test('publishes the input as it is with redact: false', async () => {
		const text = await publish(await relayWeek(false));
		expect(text).toMatch(/alice@fieldnotes\.test/);
		expect(text).toMatch(/unknown\[127\.0\.0\.5\]/);
	});

	test('changes every pseudonym with the salt and keeps them with the same salt', async () => {
		const pseudonyms = async (salt: string): Promise<string[]> => {
			const text = await publish(await relayWeek(), { FIELDNOTES_REDACT_SALT: salt });
			return text.match(/(?:user|ip4)-[0-9a-f]{12}/g) ?? [];
		};
		const [a, b, c] = await Promise.all([pseudonyms('one'), pseudonyms('one'), pseudonyms('two')]);
		expect(a).toEqual(b);
		expect(a.length).toBe(c.length);
		expect(new Set(a).size).toBeGreaterThan(20);
		expect(a.filter((p) => c.includes(p))).toEqual([]);
	});
});
