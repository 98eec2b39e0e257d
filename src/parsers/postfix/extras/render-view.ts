/**
 * The report page's sections for what pflogsumm lacks, placed after pflogsumm's sections:
 * syslog_name instances, postscreen, SASL, TLS, delivery delays, reject classes. A section with
 * nothing to show is left out. Keys are shown as the (possibly redacted) state holds them.
 */
import type { Cell, ReportSection, ReportTable, TableColumn } from '../../contract.ts';
import { renderDelaySections, renderRejectSections } from './render-delays.ts';
import type { PostfixExtras } from './types.ts';

/** Rows per table on the page; `--format json` has them all. */
export const EXTRAS_ROWS = 100;

const byCountThenKey = (table: Record<string, number>) => (x: string, y: string) =>
	table[y]! - table[x]! || (x < y ? -1 : x > y ? 1 : 0);

/** The login of a `sasl_username=login` key. */
const loginOf = (key: string) => key.replace(/^sasl_username=/, '');

function tableOf(columns: TableColumn[], rows: Record<string, Cell>[]): ReportTable {
	const table: ReportTable = { columns, rows: rows.slice(0, EXTRAS_ROWS) };
	if (rows.length > EXTRAS_ROWS) table.caption = `first ${EXTRAS_ROWS} of ${rows.length}`;
	return table;
}

/** A two-column section (key, count), busiest first; undefined when empty. */
function countSection(
	id: string,
	title: string,
	label: string,
	unit: string,
	counts: Record<string, number>,
	show: (key: string) => string = (key) => key,
): ReportSection | undefined {
	const keys = Object.keys(counts).sort(byCountThenKey(counts));
	if (keys.length === 0) return undefined;
	const columns = [{ key: 'key', label }, { key: 'count', label: unit, numeric: true }];
	const rows = keys.map((key) => ({ key: show(key), count: counts[key]! }));
	return { id, title, table: tableOf(columns, rows) };
}

const INSTANCE_COLUMNS = [
	'lines',
	'received',
	'delivered',
	'deferred',
	'bounced',
	'expired',
	'rejected',
] as const;

function instanceSection(extras: PostfixExtras): ReportSection | undefined {
	const names = Object.keys(extras.instances).sort();
	if (names.length < 2) return undefined;
	const columns = [
		{ key: 'instance', label: 'syslog_name' },
		...INSTANCE_COLUMNS.map((key) => ({ key, label: key, numeric: true })),
	];
	const rows = names.map((instance) => ({ instance, ...extras.instances[instance]! }));
	return { id: 'instances', title: 'Per instance (syslog_name)', table: tableOf(columns, rows) };
}

/** The postscreen events with a column of their own; `listed` is dnsblog's. */
const CLIENT_EVENTS = [
	'CONNECT',
	'PASS NEW',
	'PASS OLD',
	'DNSBL',
	'listed',
	'PREGREET',
	'HANGUP',
	'reject',
];

function postscreenClients(
	clients: PostfixExtras['postscreen']['clients'],
): ReportSection | undefined {
	const totals: Record<string, number> = Object.create(null);
	for (const client of Object.keys(clients))
		totals[client] = Object.values(clients[client]!).reduce((a, b) => a + b, 0);
	const keys = Object.keys(totals).sort(byCountThenKey(totals));
	if (keys.length === 0) return undefined;
	const columns = [
		{ key: 'client', label: 'client' },
		...CLIENT_EVENTS.map((key) => ({ key, label: key, numeric: true })),
		{ key: 'other', label: 'other', numeric: true },
	];
	const rows = keys.map((client) => {
		const events = clients[client]!;
		const row: Record<string, Cell> = { client };
		for (const event of CLIENT_EVENTS) row[event] = events[event] ?? 0;
		row.other = totals[client]! - CLIENT_EVENTS.reduce((sum, e) => sum + (events[e] ?? 0), 0);
		return row;
	});
	return { id: 'postscreen-clients', title: 'postscreen by client', table: tableOf(columns, rows) };
}

function saslMechanisms(sasl: PostfixExtras['sasl']): ReportSection | undefined {
	const names = [...new Set([...Object.keys(sasl.success), ...Object.keys(sasl.failure)])].sort();
	if (names.length === 0) return undefined;
	const columns = [
		{ key: 'mechanism', label: 'mechanism' },
		{ key: 'success', label: 'logins', numeric: true },
		{ key: 'failure', label: 'failures', numeric: true },
	];
	const rows = names.map((m) => ({
		mechanism: m,
		success: sasl.success[m] ?? 0,
		failure: sasl.failure[m] ?? 0,
	}));
	const title = 'SASL authentication by mechanism';
	return { id: 'sasl-mechanisms', title, table: tableOf(columns, rows) };
}

function saslUsers(sasl: PostfixExtras['sasl']): ReportSection | undefined {
	const totals: Record<string, number> = Object.create(null);
	for (const key of [...Object.keys(sasl.users), ...Object.keys(sasl.failedUsers)])
		totals[key] = (sasl.users[key] ?? 0) + (sasl.failedUsers[key] ?? 0);
	const keys = Object.keys(totals).sort(byCountThenKey(totals));
	if (keys.length === 0) return undefined;
	const columns = [
		{ key: 'user', label: 'sasl_username' },
		{ key: 'success', label: 'logins', numeric: true },
		{ key: 'failure', label: 'failures', numeric: true },
	];
	const rows = keys.map((key) => ({
		user: loginOf(key),
		success: sasl.users[key] ?? 0,
		failure: sasl.failedUsers[key] ?? 0,
	}));
	return { id: 'sasl-users', title: 'SASL authentication by user', table: tableOf(columns, rows) };
}

function tlsSection(tls: PostfixExtras['tls']): ReportSection | undefined {
	const keys = Object.keys(tls).sort(byCountThenKey(tls));
	if (keys.length === 0) return undefined;
	const columns = [
		{ key: 'direction', label: 'direction' },
		{ key: 'trust', label: 'trust' },
		{ key: 'protocol', label: 'protocol' },
		{ key: 'cipher', label: 'cipher' },
		{ key: 'count', label: 'sessions', numeric: true },
	];
	const rows = keys.map((key) => {
		const [direction = '', trust = '', protocol = '', cipher = ''] = key.split('\t');
		const way = direction === 'in' ? 'inbound (smtpd)' : 'outbound (smtp)';
		return { direction: way, trust, protocol, cipher, count: tls[key]! };
	});
	const title = 'TLS sessions by protocol and cipher';
	return { id: 'tls-sessions', title, table: tableOf(columns, rows) };
}

/** The extras' sections, in page order; empty for an absent state. */
export function renderPostfixExtrasSections(extras?: PostfixExtras): ReportSection[] {
	if (!extras) return [];
	const { postscreen, sasl } = extras;
	const sections: (ReportSection | undefined)[] = [
		instanceSection(extras),
		countSection('postscreen-events', 'postscreen events', 'event', 'lines', postscreen.events),
		postscreenClients(postscreen.clients),
		countSection('dnsbl-lists', 'DNSBL lists (dnsblog)', 'list', 'lines', postscreen.lists),
		countSection('dnsbl-ranks', 'postscreen DNSBL rank', 'rank', 'lines', postscreen.ranks),
		saslMechanisms(sasl),
		saslUsers(sasl),
		countSection(
			'sasl-failed-clients',
			'SASL authentication failures by client',
			'client',
			'failures',
			sasl.failedClients,
		),
		tlsSection(extras.tls),
		...renderDelaySections(extras),
		...renderRejectSections(extras),
	];
	return sections.filter((s): s is ReportSection => s !== undefined);
}
