// How bin/fieldnotes.mjs and bin/parse-worker.mjs load the CLI: one CommonJS file that esbuild
// bundles from the TypeScript sources, cached in node_modules/.cache/fieldnotes/ and rebuilt
// (~0.1 s) whenever a source it was made from changes.
//
// Why not tsx for every run: its hook compiles (or finds in its cache) each of ~140 modules one
// by one, which took 0.18 s and 62 MB of RSS before the first byte was read; the bundle loads in
// 0.08 s and 55 MB (`npm run bench -- postfix`, "empty input" row). In a bundle, calls between
// modules are plain calls in one scope, which load-typescript.mjs had to patch tsx's output for.
//
// When the cache cannot be written (a read-only install), or with FIELDNOTES_TSX=1, the sources
// are loaded through tsx as before (load-typescript.mjs).
//
// A stack trace names the bundle's lines and the functions' own names (esbuild marks where each
// source starts with a `// src/…` comment). The bundle's source map is written beside it but not
// read unless asked for with NODE_OPTIONS=--enable-source-maps: Node keeps a parsed map per
// thread, 4 MB of a 200 MB Postfix log's peak RSS and 17 MB with `--jobs 2`.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTypeScript, tuneHeap } from './load-typescript.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the bundle is kept: FIELDNOTES_CACHE names another folder (a read-only install, tests). */
const CACHE = process.env.FIELDNOTES_CACHE || path.join(ROOT, 'node_modules/.cache/fieldnotes');
const BUNDLE = path.join(CACHE, 'cli.cjs');
const MANIFEST = path.join(CACHE, 'cli.json');
/** What the bundle exports: the CLI and the `--jobs` worker's entry. */
const ENTRY = [
	"export { main } from './src/cli/main.ts';",
	"export { runWorker } from './src/parsers/parse-worker.ts';",
].join('\n');
/** Bumped when what the bundle is built with changes (options below, ENTRY). */
const FORMAT = 1;

const hashOf = (text) => createHash('sha1').update(text).digest('hex');

/** The installed esbuild's version, from its package.json (loading esbuild takes ~10 ms). */
function esbuildVersion() {
	const require = createRequire(import.meta.url);
	return JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')).version;
}

/**
 * Whether the bundle the manifest describes is current: made here, by this Node and esbuild,
 * from sources that all still have the content they had (a hash each: ~140 files, ~3 ms).
 */
function isCurrent(manifest) {
	if (manifest?.format !== FORMAT || manifest.root !== ROOT || manifest.node !== process.version) return false;
	if (typeof manifest.inputs !== 'object' || manifest.inputs === null) return false;
	if (manifest.esbuild !== esbuildVersion()) return false;
	for (const [file, hash] of Object.entries(manifest.inputs)) {
		let text;
		try {
			text = readFileSync(path.join(ROOT, file));
		} catch {
			return false;
		}
		if (hashOf(text) !== hash) return false;
	}
	return true;
}

function readManifest() {
	try {
		return JSON.parse(readFileSync(MANIFEST, 'utf8'));
	} catch {
		return undefined;
	}
}

/**
 * Bundles the sources into BUNDLE and writes MANIFEST. Written under temporary names and renamed,
 * so that two runs building at once, or one reading while another builds, see whole files.
 */
function build() {
	const require = createRequire(import.meta.url);
	const esbuild = require('esbuild');
	const result = esbuild.buildSync({
		stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'bin/load-cli.mjs' },
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: `node${process.versions.node.split('.')[0]}`,
		packages: 'external',
		// parallel.ts finds bin/parse-worker.mjs from the root; in the bundle its own path is ours.
		define: { FIELDNOTES_ROOT: JSON.stringify(ROOT) },
		sourcemap: 'linked',
		metafile: true,
		write: false,
		outfile: BUNDLE,
		logLevel: 'silent',
	});
	// Hashed after the build: a source saved while esbuild read it looks current until its next
	// change (a window of ~0.1 s, for someone editing while the CLI starts).
	const inputs = {};
	for (const file of Object.keys(result.metafile.inputs)) {
		if (file === 'bin/load-cli.mjs') continue;
		inputs[file] = hashOf(readFileSync(path.join(ROOT, file)));
	}
	mkdirSync(CACHE, { recursive: true });
	const temporary = `.${process.pid}.${Date.now()}`;
	for (const output of result.outputFiles) writeFileSync(output.path + temporary, output.contents);
	for (const output of result.outputFiles) renameSync(output.path + temporary, output.path);
	const manifest = { format: FORMAT, root: ROOT, node: process.version, esbuild: esbuild.version, inputs };
	writeFileSync(MANIFEST + temporary, JSON.stringify(manifest));
	renameSync(MANIFEST + temporary, MANIFEST);
}

/**
 * Whether a current bundle is there, built now if need be. A bundle that cannot be built or
 * written (a read-only install; a source esbuild cannot read, which tsx then reports) is not.
 */
function isBuilt() {
	if (isCurrent(readManifest())) return true;
	try {
		build();
		return true;
	} catch {
		return false;
	}
}

/**
 * The CLI's exports (`main`, `runWorker`): from the bundle, built first if it is missing or
 * stale, or from the sources through tsx when the bundle cannot be written.
 */
export function loadCli() {
	if (process.env.FIELDNOTES_TSX !== '1' && isBuilt()) {
		tuneHeap();
		return createRequire(import.meta.url)(BUNDLE);
	}
	const require = loadTypeScript(import.meta.url);
	return { ...require('../src/cli/main.ts'), ...require('../src/parsers/parse-worker.ts') };
}
