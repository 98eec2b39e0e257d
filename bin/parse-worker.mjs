// A worker thread of `fieldnotes … --jobs N` (src/parsers/parallel.ts): loads the CLI as
// bin/fieldnotes.mjs does (load-cli.mjs) and parses the piece in workerData.
import { workerData } from 'node:worker_threads';
import { loadCli } from './load-cli.mjs';

loadCli().runWorker(workerData.job);
