// A worker thread of `fieldnotes … --jobs N` (src/parsers/parallel.ts): loads the TypeScript
// module named in workerData as bin/fieldnotes.mjs loads the CLI (load-typescript.mjs).
import { workerData } from 'node:worker_threads';
import { loadTypeScript } from './load-typescript.mjs';

const require = loadTypeScript(import.meta.url);
require(workerData.module).runWorker(workerData.job);
