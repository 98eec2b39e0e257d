/** `fieldnotes dropwatch` options, from argv strings or sample frontmatter values. */
import { UsageError } from '../contract.ts';
import type { DropwatchOptions } from './parse.ts';

/** Reads `--top N` (a positive integer); throws {@link UsageError} for anything else. */
export function readDropwatchOptions(values: Record<string, unknown>): DropwatchOptions {
	const options: DropwatchOptions = {};
	const top = values.top;
	if (top !== undefined) {
		const text = String(top);
		if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--top expects a positive whole number, got ${JSON.stringify(text)}`);
		options.top = Number(text);
	}
	return options;
}
