#!/usr/bin/env node
// Entry point for `npx fieldnotes`: runs the TypeScript CLI through tsx on Node 20.
import { register } from 'tsx/esm/api';

// `fieldnotes … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
