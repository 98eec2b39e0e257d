/**
 * The `--config` JSON file of `fieldnotes postfix --check`: detection options, extra blocklist
 * matchers and monitoring thresholds. Every bad field gives one line naming its path.
 *
 * ```json
 * {
 *   "findings": { "burst": { "minMessages": 100 }, "saslFailures": 20, "inactivityMinutes": 120 },
 *   "blocklistMatchers": [{ "id": "example-isp", "provider": "Example ISP",
 *     "pattern": "EX-BLOCK-\\d+", "meaning": "Example ISP blocks the IP" }],
 *   "thresholds": { "postfix/expired": { "warning": 5, "critical": 50 } }
 * }
 * ```
 */
import { UsageError } from '../../contract.ts';
import type { BlocklistMatcher } from './blocklist-matchers.ts';
import type { PostfixFindingsOptions } from './options.ts';
import { DEFAULT_THRESHOLDS, POSTFIX_FINDING_CODES, type PostfixThresholds } from './thresholds.ts';

export interface PostfixCheckConfig {
	options: Partial<PostfixFindingsOptions> & { extraMatchers?: BlocklistMatcher[] };
	thresholds: PostfixThresholds;
}

type Issues = string[];
const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

function number(issues: Issues, path: string, value: unknown, max = Infinity): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max)
		return value;
	issues.push(
		`${path}: expected a number from 0${max === Infinity ? '' : ` to ${max}`}, got ${show(value)}`,
	);
	return undefined;
}

/** Reads an object of known numeric fields; unknown fields are issues. */
function numbers(
	issues: Issues,
	path: string,
	value: unknown,
	fields: Record<string, number>,
): Record<string, number> {
	const out: Record<string, number> = {};
	if (!isObject(value)) {
		issues.push(`${path}: expected an object, got ${show(value)}`);
		return out;
	}
	for (const [key, v] of Object.entries(value)) {
		if (!(key in fields))
			issues.push(`${path}.${key}: unknown field (known: ${Object.keys(fields).join(', ')})`);
		else {
			const n = number(issues, `${path}.${key}`, v, fields[key]);
			if (n !== undefined) out[key] = n;
		}
	}
	return out;
}

const FINDING_FIELDS = [
	'burst',
	'surge',
	'saslFailures',
	'saslIps',
	'lostConnects',
	'deferralRate',
	'inactivityMinutes',
];
const NESTED: Record<string, Record<string, number>> = {
	burst: { minMessages: Infinity, factor: Infinity, relayFactor: Infinity },
	surge: { minEvents: Infinity, factor: Infinity },
	deferralRate: { minDeferrals: Infinity, rate: 1 },
};

function readFindings(issues: Issues, value: unknown): PostfixCheckConfig['options'] {
	const out: Record<string, unknown> = {};
	if (!isObject(value)) {
		issues.push(`findings: expected an object, got ${show(value)}`);
		return {};
	}
	for (const [key, v] of Object.entries(value)) {
		if (!FINDING_FIELDS.includes(key))
			issues.push(`findings.${key}: unknown field (known: ${FINDING_FIELDS.join(', ')})`);
		else if (NESTED[key]) out[key] = numbers(issues, `findings.${key}`, v, NESTED[key]);
		else out[key] = number(issues, `findings.${key}`, v);
	}
	return out as PostfixCheckConfig['options'];
}

function readMatcher(issues: Issues, path: string, value: unknown): BlocklistMatcher | undefined {
	if (!isObject(value)) return void issues.push(`${path}: expected an object, got ${show(value)}`);
	const before = issues.length;
	for (const key of ['id', 'provider', 'pattern', 'meaning'])
		if (typeof value[key] !== 'string' || value[key] === '')
			issues.push(`${path}.${key}: expected a non-empty string, got ${show(value[key])}`);
	for (const key of ['dsn', 'source'])
		if (value[key] !== undefined && typeof value[key] !== 'string')
			issues.push(`${path}.${key}: expected a string, got ${show(value[key])}`);
	for (const key of Object.keys(value))
		if (!['id', 'provider', 'pattern', 'meaning', 'dsn', 'source'].includes(key))
			issues.push(`${path}.${key}: unknown field`);
	if (typeof value.pattern === 'string') {
		try {
			new RegExp(value.pattern, 'i');
		} catch (cause) {
			issues.push(`${path}.pattern: not a valid regular expression: ${(cause as Error).message}`);
		}
	}
	return issues.length === before ? (value as unknown as BlocklistMatcher) : undefined;
}

function readThresholds(issues: Issues, value: unknown): PostfixThresholds {
	const out: PostfixThresholds = { ...DEFAULT_THRESHOLDS };
	if (!isObject(value)) {
		issues.push(`thresholds: expected an object, got ${show(value)}`);
		return out;
	}
	for (const [code, v] of Object.entries(value)) {
		if (!POSTFIX_FINDING_CODES.includes(code))
			issues.push(
				`thresholds.${code}: unknown finding code (known: ${POSTFIX_FINDING_CODES.join(', ')})`,
			);
		else
			out[code] = numbers(issues, `thresholds.${code}`, v, {
				warning: Infinity,
				critical: Infinity,
			});
	}
	return out;
}

/** Validates a parsed config file; throws a {@link UsageError} listing every bad field. */
export function readPostfixCheckConfig(json: unknown, file = 'config'): PostfixCheckConfig {
	const issues: Issues = [];
	const config: PostfixCheckConfig = { options: {}, thresholds: { ...DEFAULT_THRESHOLDS } };
	if (!isObject(json)) issues.push(`(top level): expected an object, got ${show(json)}`);
	else {
		for (const key of Object.keys(json))
			if (!['findings', 'blocklistMatchers', 'thresholds'].includes(key))
				issues.push(`${key}: unknown field (known: findings, blocklistMatchers, thresholds)`);
		if (json.findings !== undefined) config.options = readFindings(issues, json.findings);
		if (json.blocklistMatchers !== undefined) {
			if (!Array.isArray(json.blocklistMatchers))
				issues.push(`blocklistMatchers: expected an array, got ${show(json.blocklistMatchers)}`);
			else {
				const matchers = json.blocklistMatchers.map((m, i) =>
					readMatcher(issues, `blocklistMatchers[${i}]`, m),
				);
				config.options.extraMatchers = matchers.filter(
					(m): m is BlocklistMatcher => m !== undefined,
				);
			}
		}
		if (json.thresholds !== undefined) config.thresholds = readThresholds(issues, json.thresholds);
	}
	if (issues.length > 0)
		throw new UsageError(
			`${file}: invalid postfix check config:\n${issues.map((i) => `  ${i}`).join('\n')}`,
		);
	return config;
}

/** Parses the text of a config file, then validates it. */
export function parsePostfixCheckConfig(text: string, file = 'config'): PostfixCheckConfig {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (cause) {
		throw new UsageError(`${file}: not JSON: ${(cause as Error).message}`);
	}
	return readPostfixCheckConfig(json, file);
}
