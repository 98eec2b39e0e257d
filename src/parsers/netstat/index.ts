/**
 * `fieldnotes netstat`: Linux network counters by their kernel MIB names.
 *
 * Accepts, detected from content: net-tools `netstat -s` (also -t/-u/-w/-6; wording of net-tools
 * 1.60 through 2.10 and later git, see mib-table.ts), /proc/net/snmp and /proc/net/netstat
 * (header/value pairs), /proc/net/snmp6, /proc/net/sctp/snmp, iproute2 `nstat` text and
 * `nstat --json`, and Solaris `netstat -s` MIB-II pairs (`tcpActiveOpens = 57`); other systems'
 * prose is kept as unknown lines. Goldens: net-tools 2.10 and iproute2 6.1 (Debian 12).
 * Guide: guides/netstat/
 */
import type { ParserSpec } from '../contract.ts';
import { netstatCli } from './cli-options.ts';
import { compareNetstat } from './compare.ts';
import { createNetstatSink, type NetstatOptions } from './parse.ts';
import { renderNetstatJson } from './render-json.ts';
import { renderNetstatText } from './render-text.ts';
import { renderNetstatView } from './render-view.ts';
import { emptyNetstatSummary, mergeNetstatSummary, type NetstatSummary } from './summary.ts';

export { compareNetstat };
export { diffNetstat, deltaValues } from './delta.ts';
export { evaluateRules, findNetstatProblems, NETSTAT_RULES } from './findings.ts';
export { displayName, splitNstatName, toNstatName } from './mib-lookup.ts';
export { MIB_ROWS } from './mib-table.ts';
export { listMibReference, type MibReferenceEntry } from './reference.ts';
export { createNetstatSink, parseNetstatBytes, type NetstatOptions } from './parse.ts';
export type { NetstatCounter, NetstatSummary } from './summary.ts';

export const netstat: ParserSpec<NetstatSummary, NetstatOptions> = {
	name: 'netstat',
	title: 'Linux netstat -s / nstat / /proc/net counters',
	description: 'Reads netstat -s, nstat or /proc/net/{snmp,netstat,snmp6} captures into counters named as the kernel names them; given two captures (or --before), the change between them; findings say what a bad number means.',
	inputs: 'compare',
	compare: (before, after, options) => compareNetstat(before, after, options?.interval),
	guide: 'guides/netstat/',
	createSink: (context, options) => createNetstatSink(context, options),
	empty: emptyNetstatSummary,
	merge: mergeNetstatSummary,
	renderText: renderNetstatText,
	renderView: renderNetstatView,
	renderJson: renderNetstatJson,
	cli: netstatCli,
};
