/**
 * `npm run bench -- postfix [--size MB] [--sample NAME] [--vary-clients]`
 *
 * Builds a large Postfix log by repeating a committed sample, `relay-week` unless `--sample` names
 * another (each copy gets its own queue ids and is shifted by whole days, so no message of one
 * copy merges with another), then
 * times, in one run on the same file: `wc -l` (the floor), the fastest plain Node line split
 * (a Buffer scan for '\n'), fieldnotes' own line splitter alone, the least a parser in plain
 * JavaScript could do per line (`postfix-scan-ceiling.mjs`), Debian's pflogsumm (when
 * installed) and `fieldnotes postfix` (the median of three runs). It prints MB/s, the ratios and
 * the peak RSS of each, and the peak RSS of fieldnotes and pflogsumm at a quarter of the size to
 * show whether memory stays flat.
 *
 * Needs GNU time (`apt-get install time`) for peak RSS. The data stays in `bench-data/`
 * (git-ignored).
 */
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

/** Runs of each fieldnotes row; the median is shown. */
const RUNS = 3;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.join(ROOT, 'bench-data');

/** Shifts a classic syslog stamp (`Jul  3 04:02:01`) or an RFC 3339 one by `days`. */
function shiftStamp(line: string, days: number): string {
	if (days === 0) return line;
	const classic = /^([A-Z][a-z]{2}) ([ \d]\d) /.exec(line);
	if (classic) {
		const date = new Date(Date.UTC(2001, MONTHS.indexOf(classic[1]!), Number(classic[2]!.trim()) + days));
		const day = String(date.getUTCDate()).padStart(2, ' ');
		return `${MONTHS[date.getUTCMonth()]} ${day} ${line.slice(classic[0].length)}`;
	}
	const iso = /^(\d{4}-\d\d-\d\d)T/.exec(line);
	if (iso) {
		const date = new Date(`${iso[1]}T00:00:00Z`);
		date.setUTCDate(date.getUTCDate() + days);
		return `${date.toISOString().slice(0, 10)}${line.slice(10)}`;
	}
	return line;
}

/**
 * Gives copy `copy` its own queue ids: the short queue id after `]: ` gets a hex prefix (still a
 * valid id). The samples use short ids, Postfix's default.
 */
function renumber(line: string, prefix: string): string {
	const at = line.indexOf(']: ');
	if (at < 0) return line;
	const start = at + 3;
	const colon = line.indexOf(': ', start);
	if (colon < 0 || colon - start < 6 || colon - start > 20) return line;
	const id = line.slice(start, colon);
	// Only a short (hex) queue id: `warning:`, `fatal:` or `NOQUEUE:` stand in the same place.
	if (!/^[0-9A-F]+$/.test(id)) return line;
	return `${line.slice(0, start)}${prefix}${id}${line.slice(colon)}`;
}

/** Gives copy `copy` its own client (and relay) addresses: `[127.0.0.N]` → `[127.H.L.N]`. */
function readdress(line: string, copy: number): string {
	return line.replaceAll(/\[127\.0\.0\.(\d+)\]/g, (_all, host: string) => `[127.${(copy >> 8) & 255}.${copy & 255}.${host}]`);
}

async function buildLog(sample: string, megabytes: number, out: string, varyClients: boolean): Promise<void> {
	if (existsSync(out) && Math.abs(statSync(out).size - megabytes * 1e6) < megabytes * 1e6 * 0.05) return;
	const raw = await readFile(sample);
	const lines = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8').split('\n');
	if (lines.at(-1) === '') lines.pop();
	const copyBytes = Buffer.byteLength(lines.join('\n')) + 1;
	const copies = Math.max(1, Math.round((megabytes * 1e6) / copyBytes));
	const span = Math.min(copies, 180); // keep the whole file inside half a year of days
	const stream = createWriteStream(out);
	for (let copy = 0; copy < copies; copy++) {
		const days = Math.floor((copy * span) / copies);
		const prefix = copy.toString(16).toUpperCase().padStart(3, '0');
		const copied = lines.map((line) => renumber(shiftStamp(line, days), prefix));
		const text = (varyClients ? copied.map((line) => readdress(line, copy)) : copied).join('\n');
		if (!stream.write(`${text}\n`)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
	}
	await new Promise((resolve, reject) => stream.end((error?: Error) => (error ? reject(error) : resolve(undefined))));
}

interface Timing {
	name: string;
	seconds: number;
	/** User + system CPU seconds: on a shared machine, steadier than the elapsed time. */
	cpu: number;
	peakMb: number;
}

/**
 * Runs a command under GNU time `runs` times: the run with the median elapsed time (and its CPU
 * seconds), with the highest peak RSS of all runs. On a shared virtual machine one run of a few
 * seconds varies by ±10%.
 */
function measure(name: string, command: string[], env: NodeJS.ProcessEnv = {}, runs = 1): Timing {
	const timings = Array.from({ length: runs }, () => measureOnce(name, command, env));
	const median = timings.sort((a, b) => a.seconds - b.seconds)[Math.floor(runs / 2)]!;
	return { ...median, peakMb: Math.max(...timings.map((t) => t.peakMb)) };
}

function measureOnce(name: string, command: string[], env: NodeJS.ProcessEnv): Timing {
	const run = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...command], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'ignore', 'pipe'],
		maxBuffer: 1 << 26,
	});
	const last = run.stderr.toString().trim().split('\n').at(-1) ?? '';
	const [seconds, user, system, kb] = last.split(' ').map(Number);
	if (run.status !== 0 && run.status !== 1) throw new Error(`${name} failed (${run.status}): ${run.stderr.toString().slice(-500)}`);
	return { name, seconds: seconds!, cpu: user! + system!, peakMb: kb! / 1024 };
}

const FLOOR_SCRIPT = `
const fs = require('fs'); let n = 0;
const s = fs.createReadStream(process.argv[1], { highWaterMark: 1 << 20 });
s.on('data', (b) => { for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++; });
s.on('end', () => console.log(n));`;

/** The splitter bundled to plain JS first, so its row is not tsx's start-up (~0.15 s). */
function splitScript(bundle: string): string {
	return `
import { createReadStream } from 'node:fs';
import { LineSplitter } from '${bundle}';
let n = 0; const splitter = new LineSplitter(() => { n++; });
for await (const chunk of createReadStream(process.argv[1], { highWaterMark: 1 << 16 })) splitter.push(chunk);
splitter.end(); console.log(n);`;
}

function table(rows: Timing[], bytes: number, reference?: Timing): string {
	const mb = bytes / 1e6;
	const out = [
		`file: ${mb.toFixed(0)} MB`,
		`${'tool'.padEnd(42)} ${'s'.padStart(7)} ${'cpu s'.padStart(7)} ${'MB/s'.padStart(8)} ${'peak RSS MB'.padStart(12)} ${'× pflogsumm'.padStart(12)}`,
	];
	for (const row of rows) {
		const ratio = reference && !row.name.includes('empty input') ? (reference.seconds / row.seconds).toFixed(1) : '—';
		const speed = row.name.includes('empty input') ? '—' : (mb / row.seconds).toFixed(1);
		out.push(
			`${row.name.padEnd(42)} ${row.seconds.toFixed(2).padStart(7)} ${row.cpu.toFixed(2).padStart(7)} ${speed.padStart(8)} ${row.peakMb.toFixed(1).padStart(12)} ${ratio.padStart(12)}`,
		);
	}
	return out.join('\n');
}

async function benchPostfix(megabytes: number, name: string, varyClients: boolean): Promise<void> {
	const dir = path.join(ROOT, 'content/samples/postfix');
	const sample = readdirSync(dir)
		.filter((file) => !file.endsWith('.md') && file.startsWith(`${name}.`))
		.map((file) => path.join(dir, file))[0];
	if (sample === undefined) throw new Error(`no sample ${JSON.stringify(name)} in ${dir}`);
	mkdirSync(DATA, { recursive: true });
	// The sample is in the name: figures from different samples (different line mixes) never mix.
	const variant = varyClients ? '-clients' : '';
	const big = path.join(DATA, `postfix-${name}${variant}-${megabytes}mb.log`);
	const quarter = path.join(DATA, `postfix-${name}${variant}-${Math.round(megabytes / 4)}mb.log`);
	console.log(`building ${big} from ${path.relative(ROOT, sample)} …`);
	await buildLog(sample, megabytes, big, varyClients);
	await buildLog(sample, Math.round(megabytes / 4), quarter, varyClients);
	// The default report: pflogsumm's text on stdout, the findings on stderr before it.
	const fieldnotes = (file: string, ...options: string[]) => [process.execPath, path.join(ROOT, 'bin/fieldnotes.mjs'), 'postfix', '--quiet', ...options, file];
	const pinned = { TZ: 'UTC', LC_ALL: 'C' };
	const lines = path.join(DATA, 'lines.mjs');
	await build({ entryPoints: [path.join(ROOT, 'src/parsers/lines.ts')], bundle: true, platform: 'node', format: 'esm', outfile: lines, logLevel: 'warning' });
	// One untimed run first: tsx compiles (and caches) the sources, which is not part of the timing.
	spawnSync(fieldnotes('/dev/null')[0]!, fieldnotes('/dev/null').slice(1), { stdio: 'ignore' });
	const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
	console.log(`load average before: ${load()}`);
	const rows: Timing[] = [
		measure('wc -l (floor)', ['wc', '-l', big]),
		measure('node Buffer scan (Node floor)', [process.execPath, '-e', FLOOR_SCRIPT, big]),
		measure('fieldnotes LineSplitter only', [process.execPath, '--input-type=module', '-e', splitScript(lines), big]),
		measure('node byte scan, 4 line kinds (ceiling)', [process.execPath, path.join(ROOT, 'scripts/postfix-scan-ceiling.mjs'), big]),
	];
	let reference: Timing | undefined;
	if (existsSync('/usr/sbin/pflogsumm')) {
		reference = measure('pflogsumm 1.1.5', ['/usr/sbin/pflogsumm', big], pinned);
		rows.push(reference);
	} else console.log('pflogsumm not installed (apt-get install pflogsumm): no reference figures');
	rows.push(measure('fieldnotes postfix, empty input', fieldnotes('/dev/null'), pinned));
	rows.push(measure('fieldnotes postfix --no-findings', fieldnotes(big, '--no-findings'), pinned, RUNS));
	rows.push(measure('fieldnotes postfix (with findings)', fieldnotes(big), pinned, RUNS));
	rows.push(measure('fieldnotes postfix --jobs 2 --no-findings', fieldnotes(big, '--jobs', '2', '--no-findings'), pinned, RUNS));
	rows.push(measure('fieldnotes postfix --jobs 2', fieldnotes(big, '--jobs', '2'), pinned, RUNS));
	console.log(table(rows, statSync(big).size, reference));
	const floor = rows[1]!;
	const mb = (file: string) => `${(statSync(file).size / 1e6).toFixed(0)} MB`;
	for (const [label, options] of [['--no-findings', ['--no-findings']], ['with findings', []]] as const) {
		const last = rows.find((row) => row.name.includes(label) && !row.name.includes('--jobs'))!;
		const small = measure(label, fieldnotes(quarter, ...options), pinned, RUNS);
		console.log(`\nfieldnotes ${label}: ${(last.seconds / floor.seconds).toFixed(2)}× the time of the Node floor (CPU: ${(last.cpu / floor.cpu).toFixed(2)}×); peak RSS ${small.peakMb.toFixed(1)} MB at ${mb(quarter)}, ${last.peakMb.toFixed(1)} MB at ${mb(big)}`);
	}
	if (reference) {
		const small = measure('pflogsumm 1.1.5', ['/usr/sbin/pflogsumm', quarter], pinned);
		console.log(`\npflogsumm: peak RSS ${small.peakMb.toFixed(1)} MB at ${mb(quarter)}, ${reference.peakMb.toFixed(1)} MB at ${mb(big)}`);
	}
	console.log(`load average after: ${load()}`);
}

const { values, positionals } = parseArgs({
	// relay-week: the sample every published figure so far was measured on.
	options: {
		size: { type: 'string', default: '200' },
		sample: { type: 'string', default: 'relay-week' },
		// Each copy with its own client addresses: distinct clients grow with the log, as on a
		// relay that hears from new hosts every day (the memory of both tools grows with them).
		'vary-clients': { type: 'boolean', default: false },
	},
	allowPositionals: true,
});
const target = positionals[0] ?? 'postfix';
if (!existsSync('/usr/bin/time')) throw new Error('GNU time is needed for peak RSS: apt-get install time');
if (target !== 'postfix') throw new Error(`no benchmark for ${JSON.stringify(target)}; try: npm run bench -- postfix`);
await benchPostfix(Number(values.size), values.sample, values['vary-clients']);
