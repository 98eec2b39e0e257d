/** Shared helpers of the strings tests: the live reference tool and our reader side by side. */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import type { Input } from '../../src/parsers/run.ts';
import { readStringsInputs, readStringsOptions, type StringsOptions } from '../../src/parsers/strings/index.ts';

/** Runs GNU strings (binutils); throws with the install hint when it is missing. */
export function runGnuStrings(args: string[], input?: Uint8Array): Buffer {
	const run = spawnSync('strings', args, { input, maxBuffer: 1 << 30 });
	if (run.error) throw new Error(`GNU strings is needed as the reference (apt-get install binutils): ${run.error.message}`);
	return run.stdout;
}

/** `strings --version`, first line; throws when binutils is missing. */
export function gnuStringsVersion(): string {
	try {
		return execFileSync('strings', ['--version']).toString().split('\n')[0]!;
	} catch (error) {
		throw new Error(`GNU strings is needed as the reference: apt-get install binutils (${(error as Error).message})`);
	}
}

/** An input reading `path` in chunks of `chunkSize` bytes (default: the stream's 64 KiB). */
export function chunkedFile(path: string, chunkSize?: number, name = path): Input {
	return { name, open: () => createReadStream(path, chunkSize ? { highWaterMark: chunkSize } : {}) };
}

/** An input yielding `bytes` in pieces of `chunkSize`. */
export function bytesInput(name: string, bytes: Uint8Array, chunkSize = bytes.length || 1): Input {
	return {
		name,
		async *open() {
			for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
		},
	};
}

/** Runs our reader the way the CLI's text format does; returns stdout as bytes plus the result. */
export async function runOurs(inputs: Input[], values: Record<string, unknown> = {}) {
	const options: StringsOptions = readStringsOptions(values);
	const parts: string[] = [];
	const result = await readStringsInputs(inputs, options, (text) => parts.push(text));
	return { stdout: Buffer.from(parts.join(''), 'latin1'), result };
}

/** The first line where two outputs differ, for a readable failure instead of a 20 MB diff. */
export function firstDifference(ours: Buffer, theirs: Buffer): string | null {
	if (ours.equals(theirs)) return null;
	const a = ours.toString('latin1').split('\n');
	const b = theirs.toString('latin1').split('\n');
	for (let i = 0; i < Math.max(a.length, b.length); i++) {
		if (a[i] !== b[i]) return `line ${i + 1}: ours ${JSON.stringify(a[i])}, strings ${JSON.stringify(b[i])} (${a.length} vs ${b.length} lines)`;
	}
	return `same lines, different bytes (${ours.length} vs ${theirs.length})`;
}
