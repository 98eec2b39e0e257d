/**
 * Build-time bundling of an interactive island into the text of one inline script. The site's
 * content pages may carry only inline scripts (`data-allowed="island"` for islands), so an
 * island's TypeScript and the library modules it imports are bundled here by esbuild (the one
 * Astro itself depends on) into a minified IIFE that imports nothing at run time.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const bundles = new Map<string, Promise<string>>();

/** ES2022 (class fields, `??`, `?.`): every browser of the last few years. */
const TARGET = 'es2022';

async function bundle(file: string): Promise<string> {
	const result = await build({
		entryPoints: [file],
		bundle: true,
		write: false,
		format: 'iife',
		minify: true,
		target: TARGET,
		legalComments: 'none',
		logLevel: 'silent',
	});
	const text = result.outputFiles[0]?.text ?? '';
	// An inline script ends at the first `</script`, wherever it appears.
	if (/<\/script/i.test(text)) throw new Error(`${file}: the bundled island contains "</script"`);
	return text.trimEnd();
}

/**
 * The minified script for an island entry, a path relative to the project root (Astro builds
 * with the root as the working directory), e.g. `src/components/islands/bdp-island.ts`.
 * Bundled once per build.
 */
export function bundleIslandScript(entry: string, root: string = process.cwd()): Promise<string> {
	const file = path.resolve(root, entry);
	if (!existsSync(file)) {
		return Promise.reject(new Error(`island entry ${file} is missing (is the working directory the project root?)`));
	}
	let pending = bundles.get(file);
	if (!pending) {
		pending = bundle(file);
		bundles.set(file, pending);
	}
	return pending;
}
