#!/usr/bin/env node
// Entry point for `npx fieldnotes`: runs the TypeScript CLI through tsx on Node 20.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
