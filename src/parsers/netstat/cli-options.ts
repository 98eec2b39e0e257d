/** `fieldnotes netstat` options: `--before FILE` makes the report a delta; `--interval S`. */
import { readFileSync } from 'node:fs';
import { UsageError, type CliOptions } from '../contract.ts';
import { parseNetstatBytes, type NetstatOptions } from './parse.ts';

function readBefore(path: string): NetstatOptions['before'] {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(path);
	} catch (cause) {
		throw new UsageError(`--before ${path}: ${(cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message}`);
	}
	return { file: path, result: parseNetstatBytes(bytes, path) };
}

export const netstatCli: CliOptions<NetstatOptions> = {
	config: {
		before: { type: 'string' },
		interval: { type: 'string' },
	},
	read(values) {
		const options: NetstatOptions = {};
		if (values.before !== undefined) options.before = readBefore(String(values.before));
		if (values.interval !== undefined) {
			const seconds = Number(values.interval);
			if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--interval wants seconds > 0, got ${JSON.stringify(values.interval)}`);
			options.interval = seconds;
		}
		return options;
	},
	help: [
		'--before FILE      an earlier capture: report the change of every counter (after = the file given)',
		'--interval SECONDS time between the two captures, for per-second rates',
	],
};
