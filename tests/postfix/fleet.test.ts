/**
 * Fleets: `--host-from-log` and `--from-json`, on three relays made from the committed real
 * samples. relay-week keeps its host `mx1`; clean-day and abuse-day (also logged as `mx1` by the
 * capture rig) get the host field rewritten to `mx2` and `mx3` — the only change to their lines.
 * The mixed log is the three merged by time, as a central syslog host would write them.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { MONTH_NAMES } from '../../src/parsers/postfix/syslog.ts';

const NOW = ['--now', '2024-12-31 00:00:00'];
const SAMPLES = { mx1: 'relay-week', mx2: 'clean-day', mx3: 'abuse-day' } as const;
type Relay = keyof typeof SAMPLES;
const RELAYS = Object.keys(SAMPLES) as Relay[];

const run = runCli;

/** `Jul  3 04:02:01` as a sortable number (all samples are classic stamps of one year). */
function timeOf(line: string): number {
	const month = MONTH_NAMES.indexOf(line.slice(0, 3));
	const [h, m, s] = line.slice(7, 15).split(':').map(Number) as [number, number, number];
	return ((month * 32 + Number(line.slice(4, 6))) * 24 + h) * 3600 + m * 60 + s;
}

let dir = '';
const lines: Record<Relay, string[]> = { mx1: [], mx2: [], mx3: [] };
const file = (name: string) => path.join(dir, name);

/** The lines of `relays`, merged by time (stable: same-second lines keep their relay order). */
function mixed(relays: readonly Relay[]): string {
	const all = relays.flatMap((relay) => lines[relay]);
	return `${all
		.map((line, index) => ({ line, index, t: timeOf(line) }))
		.sort((a, b) => a.t - b.t || a.index - b.index)
		.map((x) => x.line)
		.join('\n')}\n`;
}

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'fieldnotes-fleet-'));
	for (const relay of RELAYS) {
		const raw = gunzipSync(await readFile(`content/samples/postfix/${SAMPLES[relay]}.log.gz`)).toString('utf8');
		lines[relay] = raw
			.split('\n')
			.filter(Boolean)
			.map((line) => `${line.slice(0, 15)} ${relay}${line.slice(15 + ' mx1'.length)}`);
		await writeFile(file(`${relay}.log`), `${lines[relay].join('\n')}\n`);
	}
	await writeFile(file('mixed.log'), mixed(RELAYS));
});

/** The text between `Relay <name>`'s heading and the next relay's (or the end). */
function block(report: string, name: string): string {
	const start = report.indexOf(`Relay ${name}\n`);
	const body = report.slice(report.indexOf('\n', report.indexOf('\n', start) + 1) + 1);
	const next = body.search(/\nRelay \S+\n=+\n/);
	return next < 0 ? body : body.slice(0, next);
}

describe('--host-from-log', () => {
	test('reports the fleet first, then each relay by its syslog host name', async () => {
		const { status, stdout } = await run(['postfix', ...NOW, '--host-from-log', file('mixed.log')]);
		expect(status).toBe(0);
		expect(stdout.startsWith('Fleet of 3 relays: mx1, mx2, mx3\n================================\n')).toBe(true);
		expect([...stdout.matchAll(/^Relay (\S+)$/gm)].map((m) => m[1])).toEqual(['mx1', 'mx2', 'mx3']);
	});

	test.each(RELAYS)('gives relay %s the same report as a run over its log alone', async (relay) => {
		const fleet = await run(['postfix', ...NOW, '--host-from-log', file('mixed.log')]);
		const alone = await run(['postfix', ...NOW, file(`${relay}.log`)]);
		expect(block(fleet.stdout, relay)).toBe(alone.stdout);
	});

	test('reads one mixed log and the three relay files alike', async () => {
		const mixedRun = await run(['postfix', ...NOW, '--host-from-log', file('mixed.log')]);
		const files = await run(['postfix', ...NOW, '--host-from-log', ...RELAYS.map((r) => file(`${r}.log`))]);
		expect(mixedRun.stdout).toBe(files.stdout);
	});

	test("adds the relays' counts up in the fleet, and counts each calendar day once", async () => {
		const { stdout } = await run(['postfix', ...NOW, '--host-from-log', '--format', 'json', file('mixed.log')]);
		const fleet = JSON.parse(stdout);
		for (const key of ['received', 'delivered', 'deferred', 'deferrals', 'bounced', 'rejected', 'bytesReceived']) {
			expect(fleet[key]).toBe(RELAYS.reduce((sum, relay) => sum + fleet.hosts[relay][key], 0));
		}
		// The time-sorted mixed log read as one stream counts each date once, as pflogsumm does.
		const dates = new Set(mixed(RELAYS).split('\n').filter(Boolean).map((line) => line.slice(0, 6)));
		expect(fleet.dayCount).toBe(dates.size);
		const plain = JSON.parse((await run(['postfix', ...NOW, '--format', 'json', file('mixed.log')])).stdout);
		expect(plain.dayCount).toBe(dates.size);
	});
});

describe('--from-json', () => {
	test('merges per-relay JSON files into the report of one run, in any order', async () => {
		for (const relay of RELAYS) {
			const { stdout } = await run(['postfix', ...NOW, '--host-from-log', '--format', 'json', file(`${relay}.log`)]);
			await writeFile(file(`${relay}.json`), stdout);
		}
		const whole = await run(['postfix', ...NOW, '--host-from-log', file('mixed.log')]);
		const merged = await run(['postfix', ...NOW, '--from-json', ...RELAYS.map((r) => file(`${r}.json`))]);
		const reversed = await run(['postfix', ...NOW, '--from-json', ...[...RELAYS].reverse().map((r) => file(`${r}.json`))]);
		expect({ status: merged.status, stdout: merged.stdout }).toEqual({ status: 0, stdout: whole.stdout });
		expect(reversed.stdout).toBe(whole.stdout);
	});

	test('merging the summaries of any grouping of the relays equals the whole fleet', async () => {
		const whole = (await run(['postfix', ...NOW, '--host-from-log', file('mixed.log')])).stdout;
		await fc.assert(
			fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }), async (groupOf) => {
				const pieces: string[] = [];
				for (const group of new Set(groupOf)) {
					const members = RELAYS.filter((_, i) => groupOf[i] === group);
					const log = file(`piece-${groupOf.join('')}-${group}.log`);
					await writeFile(log, mixed(members));
					const json = await run(['postfix', ...NOW, '--host-from-log', '--format', 'json', log]);
					await writeFile(`${log}.json`, json.stdout);
					pieces.push(`${log}.json`);
				}
				expect((await run(['postfix', ...NOW, '--from-json', ...pieces])).stdout).toBe(whole);
			}),
			{ numRuns: 12 },
		);
	});

	test.each([
		['not JSON', 'nope', /bad\.json: Unexpected token/],
		['JSON of something else', '{"a":1}', /bad\.json: not a summary from `fieldnotes postfix --format json`: "received" is missing/],
		['a relay that is not a summary', '{"hosts":{"mx9":[]}}', /"received" is missing/],
	])('names the file and the problem when it is %s (exit 2)', async (_, text, message) => {
		await writeFile(file('bad.json'), text);
		const { status, stdout, stderr } = await run(['postfix', '--from-json', file('bad.json')]);
		expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
		expect(stderr).toMatch(message);
	});

	test('keeps a relay named __proto__ (a host name is log text) through JSON and back', async () => {
		// A real relay-week smtpd reject, twice: once from a host named __proto__.
		const line = lines.mx1.find((l) => l.includes(' postfix/smtpd[') && l.includes(': reject: RCPT'))!;
		const log = [line.replace(' mx1 ', ' __proto__ '), line.replace(' mx1 ', ' mx2 ')].join('\n');
		await writeFile(file('proto.log'), `${log}\n`);
		const json = await run(['postfix', ...NOW, '--host-from-log', '--format', 'json', file('proto.log')]);
		await writeFile(file('proto.json'), json.stdout);
		for (const stdout of [json.stdout, (await run(['postfix', ...NOW, '--format', 'json', '--from-json', file('proto.json')])).stdout]) {
			const report = JSON.parse(stdout);
			expect(Object.keys(report.hosts)).toEqual(['__proto__', 'mx2']);
			expect(report.rejected).toBe(2);
		}
	});

	test('needs files', async () => {
		const { status, stderr } = await run(['postfix', '--from-json']);
		expect(status).toBe(2);
		expect(stderr).toMatch(/--from-json needs the JSON files as arguments/);
	});
});
