/**
 * The explicit list of parsers. The CLI (`fieldnotes <name>`) and the site loader
 * (`content/samples/<name>/`) both read it: adding a parser is one folder plus one line here.
 */
import type { AnyParserSpec } from './contract.ts';
import { dropwatch } from './dropwatch/index.ts';
import { netstat } from './netstat/index.ts';
import { postfix } from './postfix/index.ts';
import { strings } from './strings/index.ts';

export const parsers: readonly AnyParserSpec[] = [dropwatch, netstat, postfix, strings];

export function findParser(name: string): AnyParserSpec | undefined {
	return parsers.find((parser) => parser.name === name);
}
