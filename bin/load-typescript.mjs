// How bin/fieldnotes.mjs and bin/parse-worker.mjs load the TypeScript sources when the bundle of
// load-cli.mjs cannot be used (FIELDNOTES_TSX=1, a cache that cannot be written): through tsx's
// CommonJS hook (`tsx/cjs/api`), which compiles each file with esbuild in this thread.
//
// Not tsx's ESM loader: on Node 20 its hooks run in a second V8 isolate that costs ~25 MB before
// the first byte (a 200 MB mail log peaked at ~125 MB that way, ~73 MB this way; `npm run bench
// -- postfix`).
//
// One change to what esbuild emits for a module: `module.exports = __toCommonJS(x_exports)`
// copies the exports onto a second object whose getters all share one function reading
// `from[key]`, so every call across modules went through two getters and a megamorphic load
// (~17% of a Postfix run's time). The module's own exports object is used instead, marked
// `__esModule` as __toCommonJS marks its copy; its getters are the module's own and V8 inlines
// them. A file without that line (none of ours) is compiled as tsx made it.
import Module, { createRequire } from 'node:module';
import v8 from 'node:v8';

const TO_COMMON_JS = /module\.exports=__toCommonJS\((\w+)\);/;

/** The V8 settings every thread of the CLI runs with, through tsx or the bundle (load-cli.mjs). */
export function tuneHeap() {
	// Keep the young generation at its initial size: a log's garbage dies young either way, and
	// a grown semi-space only raises peak RSS (~30 MB on a 200 MB log) at no gain in speed.
	v8.setFlagsFromString('--semi-space-growth-factor=1');
	// Grow the old generation by 20% of the live heap per step rather than V8's default factor:
	// messages and queue ids live from a message's first line to its `removed` line and die old,
	// so a lazily grown heap fills with them (200 MB log with findings: ~125 MB peak against ~98
	// MB this way, same CPU time within noise; `npm run bench -- postfix`).
	v8.setFlagsFromString('--heap-growing-percent=20');
}

/** A `require` for TypeScript files, set up once per thread. */
export function loadTypeScript(from) {
	tuneHeap();
	const require = createRequire(from);
	require('tsx/cjs/api').register();
	const compile = Module.prototype._compile;
	Module.prototype._compile = function (code, filename) {
		const own = !filename.includes('/node_modules/') && filename.endsWith('.ts');
		const patched = own
			? code.replace(TO_COMMON_JS, (_all, name) => `__defProp(${name},"__esModule",{value:true});module.exports=${name};`)
			: code;
		return compile.call(this, patched, filename);
	};
	return require;
}
