/**
 * Log lines are hostile data: damaged real lines and arbitrary messages after a Postfix header
 * never make the extras throw, and the state stays plain JSON.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
	collectPostfixExtras,
	renderPostfixExtrasSections,
} from '../../src/parsers/postfix/extras/index.ts';
import { exporterLines, grokLines, plain, relayWeek } from './helpers.ts';

const DAEMONS = ['postscreen', 'dnsblog', 'smtpd', 'smtp', 'cleanup', 'qmgr', 'pickup', 'local'];
const real = [...relayWeek.slice(0, 400), ...exporterLines, ...grokLines];

test('arbitrary messages after a Postfix header never throw', () => {
	fc.assert(
		fc.property(fc.constantFrom(...DAEMONS), fc.string({ maxLength: 200 }), (daemon, message) => {
			const state = collectPostfixExtras([`Jul  1 08:00:00 mx postfix/${daemon}[1]: ${message}`]);
			expect(() => renderPostfixExtrasSections(state)).not.toThrow();
			expect(plain(state)).toEqual(JSON.parse(JSON.stringify(state)));
		}),
		{ numRuns: 500 },
	);
});

test('real lines cut anywhere never throw', () => {
	fc.assert(
		fc.property(fc.constantFrom(...real), fc.nat(), (line, cut) => {
			const state = collectPostfixExtras([line.slice(0, cut % (line.length + 1))]);
			expect(() => renderPostfixExtrasSections(state)).not.toThrow();
		}),
		{ numRuns: 500 },
	);
});

test('a SASL user named __proto__ (log text) is a row like any other', () => {
	// abuse-day.log.gz: a real login line, and the same with the user name replaced.
	const login =
		'Jul  9 14:05:00 mx1 postfix/submission/smtpd[19528]: 4E0161843F1: client=unknown[127.0.0.9], sasl_method=PLAIN, sasl_username=dave';
	const state = collectPostfixExtras([login.replace('dave', '__proto__'), login]);
	const users = renderPostfixExtrasSections(state).find((section) => section.id === 'sasl-users')!;
	expect(users.table!.rows.map((row) => [row.user, row.success])).toEqual([
		['__proto__', 1],
		['dave', 1],
	]);
});
