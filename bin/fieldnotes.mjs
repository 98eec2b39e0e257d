#!/usr/bin/env node
// Entry point for `npx fieldnotes`: runs the TypeScript CLI on Node 20, bundled once by esbuild
// (how and why: load-cli.mjs).
import { loadCli } from './load-cli.mjs';

// `fieldnotes … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

const { main } = loadCli();
process.exitCode = await main(process.argv.slice(2));
