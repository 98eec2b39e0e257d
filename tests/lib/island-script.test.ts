/** The BDP island bundles into one small inline script that imports nothing at run time. */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { bundleIslandScript } from '../../src/lib/island-script.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('bundles the BDP island into a minified IIFE under 8 KB (3 KB gzipped), without imports', async () => {
	const code = await bundleIslandScript('src/components/islands/bdp-island.ts', ROOT);
	expect(code).toMatch(/^("use strict";)?\(\(\)=>\{/);
	expect(code).not.toMatch(/\bimport\s*[({'"]|\bexport\s*[{*]|require\(/);
	expect(code).not.toMatch(/<\/script/i);
	// The calculator's own functions travel with it: no hand-written copy in the page.
	expect(code).toContain('Bandwidth-delay product');
	expect(code.length).toBeLessThan(8 * 1024);
	expect(gzipSync(code).length).toBeLessThan(3 * 1024);
});

test('rejects a missing entry with its path', async () => {
	await expect(bundleIslandScript('src/components/islands/missing.ts', ROOT)).rejects.toThrow(/missing\.ts is missing/);
});
