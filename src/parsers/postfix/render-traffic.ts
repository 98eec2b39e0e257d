/** pflogsumm's Grand Totals and the per-day and per-hour traffic tables. */
import { formatCount, formatInt, intUnits, subsectionTitle } from './format.ts';
import type { PostfixSummary } from './summary.ts';
import { MONTH_NAMES } from './syslog.ts';

const TRAFFIC_HEADING = `received  delivered   deferred    bounced     rejected\n    ${'-'.repeat(68)}\n`;

/** A day key (`YYYYMMDD`, month from 0) as pflogsumm prints it: `Jan 27 2021` or `2021-01-27 `. */
export function formatDay(key: string, iso: boolean): string {
	const year = key.slice(0, 4);
	const month = Number(key.slice(4, 6));
	const day = Number(key.slice(6, 8));
	if (iso) return `    ${year.padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')} `;
	return `    ${MONTH_NAMES[month] ?? ''} ${formatInt(day, 2)} ${year}`;
}

/** Derived counts pflogsumm keeps as it goes: entries with at least one message. */
function countKeys(rows: Record<string, readonly number[]>): number {
	let count = 0;
	for (const key in rows) if (rows[key]![0]) count++;
	return count;
}

export function renderGrandTotals(s: PostfixSummary): string {
	const total = s.delivered + s.rejected + s.discarded;
	const rejectedPct = total ? Math.trunc((s.rejected / total) * 100) : 0;
	const discardedPct = total ? Math.trunc((s.discarded / total) * 100) : 0;
	let out = `${subsectionTitle('Grand Totals')}messages\n\n`;
	out += ` ${formatCount(s.received)}  received\n`;
	out += ` ${formatCount(s.delivered)}  delivered\n`;
	out += ` ${formatCount(s.forwarded)}  forwarded\n`;
	out += ` ${formatCount(s.deferred)}  deferred`;
	if (s.deferrals) {
		const [value, unit] = intUnits(s.deferrals);
		out += `  (${formatInt(value)}${unit} deferrals)`;
	}
	out += '\n';
	out += ` ${formatCount(s.bounced)}  bounced\n`;
	out += ` ${formatCount(s.rejected)}  rejected (${rejectedPct}%)\n`;
	out += ` ${formatCount(s.rejectWarnings)}  reject warnings\n`;
	out += ` ${formatCount(s.held)}  held\n`;
	out += ` ${formatCount(s.discarded)}  discarded (${discardedPct}%)\n\n`;
	out += ` ${formatCount(s.bytesReceived)}  bytes received\n`;
	out += ` ${formatCount(s.bytesDelivered)}  bytes delivered\n`;
	out += ` ${formatCount(countKeys(s.senders))}  senders\n`;
	out += ` ${formatCount(countKeys(s.senderDomains))}  sending hosts/domains\n`;
	out += ` ${formatCount(countKeys(s.recipients))}  recipients\n`;
	out += ` ${formatCount(countKeys(s.recipientDomains))}  recipient hosts/domains\n`;
	return out;
}

/** "Per-Day Traffic Summary": each day's row only as long as its Perl array. */
export function renderPerDay(s: PostfixSummary, iso: boolean): string {
	let out = `${subsectionTitle('Per-Day Traffic Summary')}    date          ${TRAFFIC_HEADING}`;
	for (const key of Object.keys(s.days).sort((a, b) => Number(a) - Number(b))) {
		out += formatDay(key, iso);
		for (const value of s.days[key]!) out += `    ${formatCount(value)}`;
		out += '\n';
	}
	return out;
}

/** "Per-Hour Traffic Summary" (one day) or "… Daily Average" (value / days + 0.5). */
export function renderPerHour(s: PostfixSummary, iso: boolean): string {
	const days = s.dayCount;
	let out = `${subsectionTitle(`Per-Hour Traffic ${days > 1 ? 'Daily Average' : 'Summary'}`)}    time          ${TRAFFIC_HEADING}`;
	const { received, delivered, deferred, bounced, rejected } = s.hours;
	for (let hour = 0; hour < 24; hour++) {
		const from = String(hour).padStart(2, '0');
		const to = String(hour + 1).padStart(2, '0');
		out += iso ? `    ${from}:00-${to}:00` : `    ${from}00-${to}00  `;
		for (const column of [received, delivered, deferred, bounced, rejected]) {
			const value = column[hour]!;
			out += `    ${formatCount(days ? value / days + 0.5 : value)}`;
		}
		out += '\n';
	}
	return out;
}
