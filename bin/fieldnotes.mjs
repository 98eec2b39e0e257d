#!/usr/bin/env node
// Entry point for `npx fieldnotes`: runs the TypeScript CLI on Node 20.
//
// tsx compiles on a loader thread that alone costs ~35 MB of RSS and ~0.15 s per run, so the CLI
// is bundled once by esbuild (the same compiler tsx uses) into node_modules/.cache/fieldnotes/
// and reused while every source file keeps its size and mtime. Where that cannot work (no
// esbuild, a read-only tree) or FIELDNOTES_TSX=1 is set, tsx runs the sources as before.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';

// Keep the young generation at its initial size: a log's garbage dies young either way, and a
// grown semi-space only raises peak RSS (~30 MB on a 200 MB log) at no gain in speed.
v8.setFlagsFromString('--semi-space-growth-factor=1');

// `fieldnotes … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

const ROOT = path.resolve(import.meta.dirname, '..');
const ENTRY = 'src/cli/main.ts';
const CACHE = path.join(ROOT, 'node_modules/.cache/fieldnotes');
const BUNDLE = path.join(CACHE, 'cli.mjs');
const MANIFEST = path.join(CACHE, 'cli.json');
/** Files that change the bundle besides its inputs. */
const CONFIG = ['tsconfig.json', 'package.json'];

/** `[mtimeMs, size]` of a file relative to ROOT; null when it is gone. */
function stamp(file) {
	try {
		const { mtimeMs, size } = statSync(path.join(ROOT, file));
		return [mtimeMs, size];
	} catch {
		return null;
	}
}

function isFresh() {
	try {
		const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
		if (manifest.node !== process.version) return false;
		return Object.entries(manifest.files).every(([file, [mtime, size]]) => {
			const now = stamp(file);
			return now !== null && now[0] === mtime && now[1] === size;
		});
	} catch {
		return false;
	}
}

async function buildBundle() {
	const esbuild = await import('esbuild');
	const started = Date.now();
	const result = await esbuild.build({
		absWorkingDir: ROOT,
		entryPoints: [ENTRY],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: `node${process.versions.node}`,
		packages: 'external',
		keepNames: true,
		metafile: true,
		write: false,
		logLevel: 'silent',
	});
	const files = {};
	for (const file of [...Object.keys(result.metafile.inputs), ...CONFIG]) files[file] = stamp(file);
	// A file saved while esbuild read it may be in the bundle in its older state: then the
	// bundle serves this run only, and the next run builds again.
	const settled = Object.values(files).every((found) => found === null || found[0] < started);
	mkdirSync(CACHE, { recursive: true });
	// Written aside and renamed, so a concurrent run never imports half a file.
	const suffix = `.${process.pid}.tmp`;
	writeFileSync(BUNDLE + suffix, result.outputFiles[0].contents);
	writeFileSync(MANIFEST + suffix, JSON.stringify({ node: process.version, files: settled ? files : { [ENTRY]: [0, 0] } }));
	renameSync(BUNDLE + suffix, BUNDLE);
	renameSync(MANIFEST + suffix, MANIFEST);
}

async function loadMain() {
	if (process.env.FIELDNOTES_TSX !== '1') {
		try {
			if (!isFresh()) await buildBundle();
			return (await import(pathToFileURL(BUNDLE).href)).main;
		} catch {
			// Fall through to tsx, which reports real compile errors with their source.
		}
	}
	const { register } = await import('tsx/esm/api');
	register();
	return (await import('../src/cli/main.ts')).main;
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
