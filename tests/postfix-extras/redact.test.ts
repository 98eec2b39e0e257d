/**
 * The extras of a redacted result (as the site build and `--redact` make it) name no email
 * address, IP address or SASL login of the input: client IPs, relays and logins are kept in
 * forms `src/lib/redact.ts` rewrites. Addresses are found by tests/helpers/addresses.ts, which
 * was written apart from the redactor.
 */
import { describe, expect, test } from 'vitest';
import { redactResult } from '../../src/lib/redact.ts';
import { renderPostfixExtrasSections } from '../../src/parsers/postfix/extras/index.ts';
import { postfix } from '../../src/parsers/postfix/index.ts';
import { parseText } from '../../src/parsers/run.ts';
import { addressPattern, findAddresses } from '../helpers/addresses.ts';
import { abuseDay, exporterLines, grokLines, relayWeek } from './helpers.ts';

/** The SASL logins of `lines` that are not addresses (`sasl_username=dave`). */
function loginsOf(lines: string[]): string[] {
	const logins = lines.flatMap((l) => [...l.matchAll(/sasl_username=([^\s,@]+)(?=[\s,]|$)/g)].map((m) => m[1]!));
	return [...new Set(logins)].filter((login) => login !== '(unavailable)');
}

describe.each([
	['abuse-day', abuseDay],
	['relay-week', relayWeek],
	['the postscreen, TLS and SASL corpus lines', [...exporterLines, ...grokLines]],
])('%s, redacted', (_name, lines) => {
	const result = parseText(postfix, `${lines.join('\n')}\n`);
	const redacted = redactResult(result, { salt: 'test-salt' });
	const extras = redacted.summary.extras!;
	const shown = JSON.stringify([extras, renderPostfixExtrasSections(extras)]).toLowerCase();
	const { emails, ipv4, ipv6 } = findAddresses(lines.join('\n'));

	test('still has its tables', () => {
		expect(renderPostfixExtrasSections(extras).length).toBeGreaterThan(1);
	});

	test('names none of the input’s email or IP addresses', () => {
		const leaks = [...emails, ...ipv4, ...ipv6].filter((a) => addressPattern(a.toLowerCase()).test(shown));
		expect(leaks).toEqual([]);
	});

	test('names none of its SASL logins', () => {
		const logins = loginsOf(lines);
		const leaks = logins.filter((login) => shown.includes(`sasl_username=${login.toLowerCase()}`));
		expect(leaks).toEqual([]);
		if (logins.length > 0) expect(shown).toMatch(/sasl_username=user-[0-9a-f]{12}/);
	});

	test('shows each SASL user on the page as a pseudonym', () => {
		const users = renderPostfixExtrasSections(extras).find((s) => s.id === 'sasl-users');
		for (const row of users?.table?.rows ?? [])
			expect(row.user).toMatch(/^user-[0-9a-f]{12}(?:@redacted\.invalid)?$/);
	});

	test('names no relay host: each delay relay is a pseudonym or a transport name', () => {
		for (const relay of Object.keys(extras.delays.relays))
			expect(relay).toMatch(/^(?:(?:host|ip4|ip6)-[0-9a-f]{12}\[[^\]]*\](?::\d+)?|[a-z-]+)$/);
	});

	test('keeps the counts exact', () => {
		expect(JSON.stringify(Object.values(extras.sasl.users).sort())).toBe(
			JSON.stringify(Object.values(result.summary.extras!.sasl.users).sort()),
		);
		expect(extras.delays.all).toEqual(result.summary.extras!.delays.all);
	});
});
