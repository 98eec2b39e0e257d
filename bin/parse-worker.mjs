// A worker thread of `fieldnotes … --jobs N` (src/parsers/parallel.ts): loads the TypeScript
// module named in workerData through tsx's CommonJS hook, as bin/fieldnotes.mjs loads the CLI.
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import { workerData } from 'node:worker_threads';

v8.setFlagsFromString('--semi-space-growth-factor=1');
v8.setFlagsFromString('--heap-growing-percent=20');
const require = createRequire(import.meta.url);
require('tsx/cjs/api').register();
require(workerData.module).runWorker(workerData.job);
