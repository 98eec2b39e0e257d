#!/usr/bin/env node
// Entry point for `npx fieldnotes`: runs the TypeScript CLI through tsx on Node 20.
//
// tsx's CommonJS hook (`tsx/cjs/api`), not its ESM loader: the ESM loader runs in a second V8
// isolate (Node 20's off-thread module hooks) and costs ~25 MB before the first byte, and on a
// 200 MB mail log the whole process peaked at ~125 MB against ~73 MB this way (`npm run bench --
// postfix`). The CommonJS hook compiles the same sources in this thread. The price is ~10% of
// throughput (calls across modules go through esbuild's CommonJS export getters).
import { createRequire } from 'node:module';
import v8 from 'node:v8';

// Keep the young generation at its initial size: a log's garbage dies young either way, and a
// grown semi-space only raises peak RSS (~30 MB on a 200 MB log) at no gain in speed.
v8.setFlagsFromString('--semi-space-growth-factor=1');
// Grow the old generation by 20% of the live heap per step rather than V8's default factor:
// messages and queue ids live from a message's first line to its `removed` line and die old, so
// a lazily grown heap fills with them (200 MB log with findings: ~125 MB peak against ~98 MB
// this way, same CPU time within noise; `npm run bench -- postfix`).
v8.setFlagsFromString('--heap-growing-percent=20');

// `fieldnotes … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

const require = createRequire(import.meta.url);
require('tsx/cjs/api').register();
const { main } = require('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
