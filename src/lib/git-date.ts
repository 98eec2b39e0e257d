/**
 * "Last updated" dates from git, read at build time: the committer date of the newest commit
 * that touched any of the given files. Missing git, a shallow clone without the file's history,
 * or an uncommitted file all give `undefined`, and the page simply omits the date.
 */
import { execFileSync } from 'node:child_process';

/** Reads `%cI` output (`2026-11-26T09:51:22+00:00`); anything else is `undefined`. */
export function parseGitDate(output: string): Date | undefined {
	const text = output.trim();
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/.test(text)) return undefined;
	const date = new Date(text);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

const cache = new Map<string, Date | undefined>();

/**
 * Runs `git log -1 --format=%cI -- <files…>` in `cwd` (default: the build's working directory,
 * the project root) and returns the date, or `undefined` when git cannot say.
 */
export function readGitDate(
	files: readonly string[],
	cwd: string = process.cwd(),
): Date | undefined {
	if (files.length === 0) return undefined;
	const key = `${cwd}\0${files.join('\0')}`;
	if (cache.has(key)) return cache.get(key);
	let date: Date | undefined;
	try {
		const output = execFileSync('git', ['log', '-1', '--format=%cI', '--', ...files], {
			cwd,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
			timeout: 10_000,
		});
		date = parseGitDate(output);
	} catch {
		date = undefined;
	}
	cache.set(key, date);
	return date;
}
