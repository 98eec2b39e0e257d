/**
 * `--from-json`: what `fieldnotes postfix --format json` printed, read back into a summary so that
 * summaries made apart (one per file, per day or per relay, on as many machines as you like)
 * merge into one report. Every field the summary needs is checked; a file that is not such a
 * summary is a clear error naming the field, never a crash later.
 */
import type { Fleet } from './fleet.ts';
import { emptyPostfixSummary, type PostfixSummary } from './summary.ts';

/** Keys of the JSON that are renderings, not state: the findings list is rebuilt from its state. */
const RENDERED = new Set(['findings', 'findingsState', 'hosts']);

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(what: string): never {
	throw new Error(`not a summary from \`fieldnotes postfix --format json\`: ${what}`);
}

/** Checks that `value` has every summary field with the empty summary's type. */
function checkFields(value: Record<string, unknown>, where: string): void {
	const template = emptyPostfixSummary() as unknown as Record<string, unknown>;
	for (const [key, blank] of Object.entries(template)) {
		const field = value[key];
		const ok =
			typeof blank === 'number'
				? typeof field === 'number' && Number.isFinite(field)
				: blank === null
					? field === null || isObject(field) || typeof field === 'number'
					: Array.isArray(blank)
						? Array.isArray(field)
						: isObject(field);
		if (!ok) fail(`${where}"${key}" is missing or not a ${typeof blank === 'number' ? 'number' : 'object'}`);
	}
}

function readOne<S>(value: unknown, where: string): S {
	if (!isObject(value)) fail(`${where || 'the top level'} is not an object`);
	checkFields(value, where);
	const summary: Record<string, unknown> = Object.create(null);
	for (const [key, field] of Object.entries(value)) if (!RENDERED.has(key)) summary[key] = field;
	if (value.findingsState !== undefined) {
		if (!isObject(value.findingsState)) fail(`${where}"findingsState" is not an object`);
		summary.findings = value.findingsState;
	}
	return summary as S;
}

/** The summary (with its findings state and relays) that `value` carries; throws when there is none. */
export function readPostfixJson<S extends PostfixSummary>(value: unknown): Fleet<S> {
	const summary = readOne<Fleet<S>>(value, '');
	const hosts = (value as Record<string, unknown>).hosts;
	if (hosts === undefined) return summary;
	if (!isObject(hosts)) fail('"hosts" is not an object');
	const relays: Record<string, S> = Object.create(null);
	for (const [name, host] of Object.entries(hosts)) relays[name] = readOne<S>(host, `hosts["${name}"].`);
	return { ...summary, hosts: relays };
}
