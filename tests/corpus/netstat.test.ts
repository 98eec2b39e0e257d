/**
 * The GPL-2.0 kernel documentation excerpt (nstat delta outputs from
 * Documentation/networking/snmp_counter.rst) is read in place, never copied.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { netstat, type NetstatOptions, type NetstatSummary } from '../../src/parsers/netstat/index.ts';
import { parseText } from '../../src/parsers/run.ts';

const file = new URL('../../../shared/corpus/netstat/nstat-delta-examples.kernel-doc.txt', import.meta.url);

test('reads the nstat blocks of the kernel snmp_counter document by nstat name', () => {
	const text = readFileSync(file, 'utf8');
	const result = parseText<NetstatSummary, NetstatOptions>(netstat, text, undefined, 'nstat-delta-examples.kernel-doc.txt');
	expect(result.summary.kinds).toContain('nstat');
	expect(result.summary.counters.TcpActiveOpens?.value).toBe('1');
	expect(result.summary.counters.TcpExtTCPPureAcks).toBeDefined();
	// The separator comments added by the corpus are the only unknown lines.
	const comments = text.split('\n').filter((line) => line.startsWith('#') && line !== '#kernel');
	expect(result.summary.unknown.map((u) => u.text)).toEqual(comments);
});
