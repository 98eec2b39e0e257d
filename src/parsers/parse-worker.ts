/**
 * A worker thread of `--jobs` (`parallel.ts`): parses its piece of the file with the parser named
 * in the job and posts the plain-JSON result back.
 */
import type { MessagePort } from 'node:worker_threads';
import { parentPort } from 'node:worker_threads';
import { runPieceJob, type PieceJob } from './parallel.ts';
import { findParser } from './registry.ts';

/** Entry of `bin/parse-worker.mjs`. */
export function runWorker(job: PieceJob, port: MessagePort | null = parentPort): void {
	const spec = findParser(job.parser);
	const done = spec
		? runPieceJob(spec, job).then((result) => ({ result }))
		: Promise.resolve({ error: `no parser ${JSON.stringify(job.parser)}` });
	done
		.catch((error: unknown) => ({ error: (error as Error)?.stack ?? String(error) }))
		.then((message) => port?.postMessage(message));
}
