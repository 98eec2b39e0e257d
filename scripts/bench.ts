/**
 * `npm run bench -- postfix [--size MB] [--sample NAME] [--shape repeat|clients|probe|outbound]`
 *
 * Builds a large Postfix log from the committed samples (`bench-logs.ts`: by default `relay-week`,
 * or the sample `--sample` names, repeated with its own queue ids and days in each copy), then
 * times, in one run on the same file: `wc -l` (the floor), the fastest plain Node line split
 * (a Buffer scan for '\n'), fieldnotes' own line splitter alone, the least a parser in plain
 * JavaScript could do per line (`postfix-scan-ceiling.mjs`), Debian's pflogsumm (when
 * installed) and `fieldnotes postfix` (the median of three runs; also on the log gzip'd, read
 * as a .gz file and through `zcat |`). It prints MB/s, the ratios and
 * the peak RSS of each, and the peak RSS of fieldnotes and pflogsumm at a quarter of the size to
 * show whether memory stays flat.
 *
 * Needs GNU time (`apt-get install time`) for peak RSS. The data stays in `bench-data/`
 * (git-ignored).
 */
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { buildLog, SHAPES, type Shape } from './bench-logs.ts';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** Runs of each fieldnotes row; the median is shown. */
const RUNS = 3;
const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.join(ROOT, 'bench-data');

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

async function benchPostfix(megabytes: number, name: string, shape: Shape): Promise<void> {
	const dir = path.join(ROOT, 'content/samples/postfix');
	const sample = readdirSync(dir)
		.filter((file) => !file.endsWith('.md') && file.startsWith(`${name}.`))
		.map((file) => path.join(dir, file))[0];
	if (sample === undefined) throw new Error(`no sample ${JSON.stringify(name)} in ${dir}`);
	mkdirSync(DATA, { recursive: true });
	// The sample or shape is in the name: figures of different line mixes never mix.
	const base = shape === 'repeat' ? name : shape === 'clients' ? `${name}-clients` : shape;
	const big = path.join(DATA, `postfix-${base}-${megabytes}mb.log`);
	const quarter = path.join(DATA, `postfix-${base}-${Math.round(megabytes / 4)}mb.log`);
	console.log(`building ${big} (${shape}) …`);
	await buildLog(shape, sample, dir, megabytes, big);
	await buildLog(shape, sample, dir, Math.round(megabytes / 4), quarter);
	// The default report: pflogsumm's text on stdout, the findings on stderr before it.
	const fieldnotes = (file: string, ...options: string[]) => [process.execPath, path.join(ROOT, 'bin/fieldnotes.mjs'), 'postfix', '--quiet', ...options, file];
	const pinned = { TZ: 'UTC', LC_ALL: 'C' };
	const lines = path.join(DATA, 'lines.mjs');
	await build({ entryPoints: [path.join(ROOT, 'src/parsers/lines.ts')], bundle: true, platform: 'node', format: 'esm', outfile: lines, logLevel: 'warning' });
	// One untimed run first: it bundles the sources if they changed (`bin/load-cli.mjs`), which is
	// not part of the timing.
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
	// The same start-up without the bundle: each module through tsx's hook.
	rows.push(measure('fieldnotes postfix, empty input, tsx', fieldnotes('/dev/null'), { ...pinned, FIELDNOTES_TSX: '1' }));
	rows.push(measure('fieldnotes postfix --no-findings', fieldnotes(big, '--no-findings'), pinned, RUNS));
	rows.push(measure('fieldnotes postfix (with findings)', fieldnotes(big), pinned, RUNS));
	// Rotated logs are gzip'd: the same log from a .gz (inflated beside the parse), and through zcat.
	const gz = `${big}.gz`;
	if (!existsSync(gz) || statSync(gz).mtimeMs < statSync(big).mtimeMs) spawnSync('sh', ['-c', `gzip -c '${big}' > '${gz}'`], { stdio: 'inherit' });
	rows.push(measure('fieldnotes postfix --no-findings, .gz file', fieldnotes(gz, '--no-findings'), pinned, RUNS));
	rows.push(measure('zcat | fieldnotes postfix --no-findings', ['sh', '-c', `zcat '${gz}' | ${fieldnotes('-', '--no-findings').map((word) => `'${word}'`).join(' ')}`], pinned, RUNS));
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
		// How the log is made (`bench-logs.ts`): the sample repeated, with its own addresses in
		// each copy, a botnet's probe, an outbound relay's many domains.
		shape: { type: 'string', default: 'repeat' },
	},
	allowPositionals: true,
});
const target = positionals[0] ?? 'postfix';
if (!existsSync('/usr/bin/time')) throw new Error('GNU time is needed for peak RSS: apt-get install time');
if (target !== 'postfix') throw new Error(`no benchmark for ${JSON.stringify(target)}; try: npm run bench -- postfix`);
const shape = values.shape as Shape;
if (!SHAPES.includes(shape)) throw new Error(`--shape ${JSON.stringify(values.shape)}: one of ${SHAPES.join(', ')}`);
await benchPostfix(Number(values.size), values.sample, shape);
