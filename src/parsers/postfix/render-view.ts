/**
 * The site's page model: Grand Totals first, traffic per day and per hour as charts of the five
 * traffic series above their tables, then pflogsumm's sections as tables (the same sort order as
 * the text report).
 */
import type { ReportSection, ReportTable, ReportView, Result } from '../contract.ts';
import { sortByCountThenHost, sortByCountThenSize } from './render-lists.ts';
import { renderTrafficSections } from './render-view-traffic.ts';
import type { Counts, CountSize, Nested2, Nested3, PostfixSummary } from './summary.ts';

/** Rows per table on the page; the text report has them all. */
export const VIEW_ROWS = 100;

function caption(shown: number, total: number): string | undefined {
	return total > shown ? `first ${shown} of ${total}` : undefined;
}

function domainTables(s: PostfixSummary): ReportSection[] {
	const delivery = sortByCountThenSize(s.recipientDomains);
	const received = sortByCountThenSize(s.senderDomains);
	return [
		{
			id: 'delivery-domains',
			title: 'Host/Domain Summary: Message Delivery',
			table: {
				caption: caption(Math.min(VIEW_ROWS, delivery.length), delivery.length),
				columns: [
					{ key: 'domain', label: 'host/domain' }, { key: 'sent', label: 'sent', numeric: true },
					{ key: 'bytes', label: 'bytes', numeric: true }, { key: 'defers', label: 'defers', numeric: true },
					{ key: 'avg', label: 'avg delay (s)', numeric: true }, { key: 'max', label: 'max delay (s)', numeric: true },
				],
				rows: delivery.slice(0, VIEW_ROWS).map((domain) => {
					const [sent, bytes, defers, sum, max] = s.recipientDomains[domain]!;
					return { domain, sent, bytes, defers, avg: sent ? Math.round((sum / sent) * 10) / 10 : 0, max };
				}),
			},
		},
		{
			id: 'received-domains',
			title: 'Host/Domain Summary: Messages Received',
			table: countSizeTable(s.senderDomains, received, 'host/domain'),
		},
	];
}

function countSizeTable(rows: Record<string, CountSize>, keys: string[], label: string): ReportTable {
	return {
		caption: caption(Math.min(VIEW_ROWS, keys.length), keys.length),
		columns: [{ key: 'key', label }, { key: 'count', label: 'messages', numeric: true }, { key: 'bytes', label: 'bytes', numeric: true }],
		rows: keys.slice(0, VIEW_ROWS).map((key) => ({ key, count: rows[key]![0], bytes: rows[key]![1] })),
	};
}

function userSections(s: PostfixSummary): ReportSection[] {
	const list = (id: string, title: string, rows: Record<string, CountSize>, index: 0 | 1): ReportSection => ({
		id, title, table: countSizeTable(rows, sortByCountThenHost(Object.keys(rows), (k) => rows[k]![index]), 'address'),
	});
	return [
		list('senders-by-count', 'Senders by message count', s.senders, 0),
		list('recipients-by-count', 'Recipients by message count', s.recipients, 0),
		list('senders-by-size', 'Senders by message size', s.senders, 1),
		list('recipients-by-size', 'Recipients by message size', s.recipients, 1),
	];
}

/** A nested pflogsumm hash as rows: each level a column, then the count. */
function flatten(hash: Nested2 | Nested3 | Counts, path: string[] = []): { path: string[]; count: number }[] {
	const out: { path: string[]; count: number }[] = [];
	for (const key of Object.keys(hash).sort()) {
		const value = hash[key]!;
		if (typeof value === 'number') out.push({ path: [...path, key], count: value });
		else out.push(...flatten(value, [...path, key]));
	}
	return out.sort((a, b) => b.count - a.count);
}

function problemSection(id: string, title: string, hash: Nested2 | Nested3 | Counts, levels: string[]): ReportSection | null {
	const rows = flatten(hash);
	if (rows.length === 0) return null;
	return {
		id,
		title,
		table: {
			caption: caption(Math.min(VIEW_ROWS, rows.length), rows.length),
			columns: [...levels.map((label, i) => ({ key: `l${i}`, label })), { key: 'count', label: 'count', numeric: true }],
			rows: rows.slice(0, VIEW_ROWS).map(({ path, count }) => Object.fromEntries([...path.map((p, i) => [`l${i}`, p]), ['count', count]])),
		},
	};
}

/** Grand Totals in pflogsumm's order and words; rejected and discarded with its percentages. */
function grandTotals(s: PostfixSummary): ReportView['totals'] {
	const distinct = (rows: Record<string, readonly number[]>) => Object.values(rows).filter((row) => row[0]).length;
	const handled = s.delivered + s.rejected + s.discarded;
	const percent = (part: number) => `${handled ? Math.trunc((part / handled) * 100) : 0}%`;
	return [
		['received', s.received], ['delivered', s.delivered], ['forwarded', s.forwarded], ['deferred', s.deferred],
		['deferrals', s.deferrals], ['bounced', s.bounced], [`rejected (${percent(s.rejected)})`, s.rejected],
		['reject warnings', s.rejectWarnings], ['held', s.held], [`discarded (${percent(s.discarded)})`, s.discarded],
		['bytes received', s.bytesReceived], ['bytes delivered', s.bytesDelivered],
		['senders', distinct(s.senders)], ['sending hosts/domains', distinct(s.senderDomains)],
		['recipients', distinct(s.recipients)], ['recipient hosts/domains', distinct(s.recipientDomains)],
	].map(([label, value]) => ({ label: String(label), value: Number(value) }));
}

/** The report page: Grand Totals, traffic charts and tables, then every other section as a table. */
export function renderPostfixView(result: Result<PostfixSummary>): ReportView {
	const s = result.summary;
	const totals = grandTotals(s);
	const problems = [
		problemSection('deferrals', 'message deferral detail', s.deferralDetail, ['daemon', 'reason']),
		problemSection('bounces', 'message bounce detail (by relay)', s.bounceDetail, ['relay', 'reason']),
		problemSection('rejects', 'message reject detail', s.rejectDetail, ['type', 'reason', 'client or address']),
		problemSection('reject-warnings', 'message reject warning detail', s.rejectWarningDetail, ['type', 'reason', 'client or address']),
		problemSection('holds', 'message hold detail', s.holdDetail, ['type', 'reason', 'client or address']),
		problemSection('discards', 'message discard detail', s.discardDetail, ['type', 'reason', 'client or address']),
		problemSection('smtp-failures', 'smtp delivery failures', s.smtpFailures, ['reason', 'host']),
		problemSection('warnings', 'Warnings', s.warnings, ['daemon', 'warning']),
		problemSection('fatal-errors', 'Fatal Errors', s.fatals, ['daemon', 'error']),
		problemSection('panics', 'Panics', s.panics, ['daemon', 'panic']),
		problemSection('master', 'Master daemon messages', s.master, ['message']),
	].filter((section): section is ReportSection => section !== null);
	const noSize = Object.keys(s.noSize).sort();
	const extra: ReportSection[] = [];
	if (noSize.length > 0) {
		extra.push({
			id: 'no-size',
			title: 'Messages with no size data',
			table: {
				caption: caption(Math.min(VIEW_ROWS, noSize.length), noSize.length),
				columns: [{ key: 'qid', label: 'queue id' }, { key: 'to', label: 'recipient' }],
				rows: noSize.slice(0, VIEW_ROWS).map((qid) => ({ qid, to: s.noSize[qid]! })),
			},
		});
	}
	if (s.smtpd) {
		const hosts = sortByCountThenSize(s.smtpd.perDomain);
		extra.push({
			id: 'smtpd-connections',
			title: 'Host/Domain Summary: SMTPD Connections',
			text: [`${s.smtpd.connections} connections, ${s.smtpd.seconds} seconds connected in total.`],
			table: {
				caption: caption(Math.min(VIEW_ROWS, hosts.length), hosts.length),
				columns: [
					{ key: 'host', label: 'host/domain' }, { key: 'connections', label: 'connections', numeric: true },
					{ key: 'seconds', label: 'time (s)', numeric: true }, { key: 'longest', label: 'longest (s)', numeric: true },
				],
				rows: hosts.slice(0, VIEW_ROWS).map((host) => {
					const [connections, seconds, longest] = s.smtpd!.perDomain[host]!;
					return { host, connections, seconds, longest };
				}),
			},
		});
	}
	const sections = [...renderTrafficSections(s), ...domainTables(s), ...extra, ...userSections(s), ...problems];
	return { totals, findings: [], sections };
}
