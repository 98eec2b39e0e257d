/** pflogsumm's `--smtpd-stats` sections. */
import { formatClock, formatCount, formatInt, subsectionTitle } from './format.ts';
import { sortByCountThenSize } from './render-lists.ts';
import type { SmtpdStats } from './summary.ts';
import { formatDay } from './render-traffic.ts';

/** The "smtpd" block of Grand Totals. */
export function renderSmtpdTotals(stats: SmtpdStats): string {
	const { connections, seconds } = stats;
	return (
		'\nsmtpd\n\n' +
		`  ${formatCount(connections)}  connections\n` +
		`  ${formatCount(Object.keys(stats.perDomain).length)}  hosts/domains\n` +
		`  ${formatInt(connections > 0 ? seconds / connections + 0.5 : 0, 6)}   avg. connect time (seconds)\n` +
		` ${formatClock(seconds)}  total connect time\n`
	);
}

/** "Per-Day SMTPD Connection Summary". */
export function renderSmtpdPerDay(stats: SmtpdStats, iso: boolean): string {
	let out = subsectionTitle('Per-Day SMTPD Connection Summary');
	out += '    date        connections    time conn.    avg./conn.   max. time\n';
	out += `    ${'-'.repeat(68)}\n`;
	for (const key of Object.keys(stats.perDay).sort((a, b) => Number(a) - Number(b))) {
		const [count, seconds, longest] = stats.perDay[key]!;
		out += `${formatDay(key, iso)}   ${formatCount(count)}       ${formatClock(seconds)}      ${formatInt(seconds / count + 0.5, 6)}s      ${formatInt(longest, 6)}s\n`;
	}
	return out;
}

/** "Per-Hour SMTPD Connection Summary" (one day) or "… Daily Average". */
export function renderSmtpdPerHour(stats: SmtpdStats, dayCount: number, iso: boolean): string {
	const average = dayCount > 1;
	let out = subsectionTitle(`Per-Hour SMTPD Connection ${average ? 'Daily Average' : 'Summary'}`);
	if (average) out += '    hour        connections    time conn.\n    -------------------------------------\n';
	else out += `    hour        connections    time conn.    avg./conn.   max. time\n    ${'-'.repeat(68)}\n`;
	for (let hour = 0; hour < 24; hour++) {
		let [count, seconds, longest] = stats.perHour[hour]!;
		if (!count) continue;
		const avg = Math.trunc(seconds / count + 0.5);
		if (average) {
			count = count / dayCount + 0.5;
			seconds = seconds / dayCount + 0.5;
		}
		const label = iso
			? `    ${String(hour).padStart(2, '0')}:00-${String(hour + 1).padStart(2, '0')}:00`
			: `    ${String(hour).padStart(2, '0')}00-${String(hour + 1).padStart(2, '0')}00  `;
		out += `${label}   ${formatCount(count)}       ${formatClock(seconds)}`;
		if (!average) out += `      ${formatInt(avg, 6)}s      ${formatInt(longest, 6)}s`;
		out += '\n';
	}
	return out;
}

/** "Host/Domain Summary: SMTPD Connections". */
export function* renderSmtpdDomains(stats: SmtpdStats, limit: number): Generator<string> {
	if (limit === 0) return;
	yield subsectionTitle(`Host/Domain Summary: SMTPD Connections ${limit > 0 ? `(top ${limit})` : ''}`);
	yield ' connections  time conn.  avg./conn.  max. time  host/domain\n';
	yield ' -----------  ----------  ----------  ---------  -----------\n';
	const keys = sortByCountThenSize(stats.perDomain);
	for (const key of limit > 0 ? keys.slice(0, limit) : keys) {
		const [count, seconds, longest] = stats.perDomain[key]!;
		yield `  ${formatCount(count)}      ${formatClock(seconds)}     ${formatInt(seconds / count + 0.5, 6)}s    ${formatInt(longest, 6)}s   ${key}\n`;
	}
}
