#!/usr/bin/env node
// Entry point for `npx fieldnotes`: runs the TypeScript CLI through tsx on Node 20 (how:
// load-typescript.mjs).
import { loadTypeScript } from './load-typescript.mjs';

// `fieldnotes … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

const require = loadTypeScript(import.meta.url);
const { main } = require('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
