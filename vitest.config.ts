import { defineConfig } from 'vitest/config';

// Three projects: `unit` (parsers, CLI, libraries; no build needed), `site` (reads the dist/
// that `npm run build:test` made with base /fieldnotes, and drives Chromium over it), and
// `corpus` (reads ../shared/corpus in place; run by `npm run test:corpus` when it exists).
export default defineConfig({
	test: {
		projects: [
			{ test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/site/**', 'tests/corpus/**'], testTimeout: 20_000 } },
			{ test: { name: 'site', include: ['tests/site/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false } },
			{ test: { name: 'corpus', include: ['tests/corpus/**/*.test.ts'], testTimeout: 60_000 } },
		],
	},
});
