/** TCP finding rules about connections: listen queues, SYN cookies, failed connects, resets, TIME_WAIT. */
import { countAbove, group, ratioAbove } from './finding-helpers.ts';
import type { NetstatFindingRule } from './findings.ts';

export const TCP_SETUP_RULES: readonly NetstatFindingRule[] = [
	{
		code: 'netstat/listen-overflows',
		title: 'Accept queue of a listening socket overflowed',
		counters: ['TcpExtListenOverflows'],
		formula: 'TcpExtListenOverflows',
		threshold: 'any (> 0)',
		meaning: 'A completed connection found the accept queue full: the application calls accept() too slowly or its listen() backlog is too small. Clients see SYN or ACK retransmissions and slow connects.',
		next: 'ss -lnt (Recv-Q vs Send-Q of the listener), net.core.somaxconn, the backlog argument of listen().',
		anchor: 'listen-queue',
		evaluate: (read) => countAbove(read, ['TcpExtListenOverflows'], 0n),
	},
	{
		code: 'netstat/listen-drops',
		title: 'SYNs to listening sockets dropped for reasons beyond a full accept queue',
		counters: ['TcpExtListenDrops', 'TcpExtListenOverflows'],
		formula: 'TcpExtListenDrops − TcpExtListenOverflows (ListenDrops includes every overflow)',
		threshold: 'above 0',
		meaning: 'Connection requests were dropped at a listener for other reasons: no memory for the request, a full SYN queue, or a failed route or security check.',
		next: 'net.ipv4.tcp_max_syn_backlog, TcpExtTCPReqQFullDrop, nstat -az TcpExtListen*, dropwatch.',
		anchor: 'listen-queue',
		evaluate: (read) => {
			const drops = read('TcpExtListenDrops');
			if (drops === undefined) return undefined;
			const extra = drops - (read('TcpExtListenOverflows') ?? 0n);
			return extra > 0n ? { severity: 'warning', count: Number(extra), measured: `ListenDrops ${group(drops)} − ListenOverflows ${group(drops - extra)} = ${group(extra)}` } : undefined;
		},
	},
	{
		code: 'netstat/syn-queue-full',
		title: 'SYN queue full: requests dropped or answered with SYN cookies',
		counters: ['TcpExtSyncookiesSent', 'TcpExtTCPReqQFullDrop', 'TcpExtTCPReqQFullDoCookies'],
		formula: 'TcpExtSyncookiesSent + TcpExtTCPReqQFullDrop',
		threshold: 'above 0',
		meaning: 'More half-open connections than the SYN queue holds: a SYN flood, or a burst of real clients. Cookies keep service up but lose TCP options such as window scaling on old kernels.',
		next: 'net.ipv4.tcp_max_syn_backlog, net.ipv4.tcp_syncookies, net.core.somaxconn; look at the sources with ss -n state syn-recv.',
		anchor: 'syn-cookies',
		evaluate: (read) => countAbove(read, ['TcpExtSyncookiesSent', 'TcpExtTCPReqQFullDrop'], 0n),
	},
	{
		code: 'netstat/syncookies-failed',
		title: 'Invalid SYN cookies received',
		counters: ['TcpExtSyncookiesFailed', 'TcpExtSyncookiesRecv', 'TcpExtSyncookiesSent'],
		formula: 'TcpExtSyncookiesFailed (compared with TcpExtSyncookiesRecv; TcpExtSyncookiesSent for context)',
		threshold: 'above 0; warning when more than the valid cookies received',
		meaning: 'ACKs arrived that matched no connection and failed the SYN cookie check: usually stray or late ACKs for connections already gone, port scans, or ACK floods rather than real clients.',
		next: 'Compare with SyncookiesSent; if no cookies were sent, these are stray ACKs (ss -s, firewall logs).',
		anchor: 'syn-cookies',
		evaluate: (read) => {
			const failed = read('TcpExtSyncookiesFailed');
			if (failed === undefined || failed === 0n) return undefined;
			// An absent counter is unknown, not 0: say so rather than print a zero the capture lacks
			// (net-tools before 2015 leaves out zero TcpExt lines, so absent usually was zero).
			const recv = read('TcpExtSyncookiesRecv');
			const sent = read('TcpExtSyncookiesSent');
			const shown = (name: string, value: bigint | undefined) => `${name} ${value === undefined ? 'not in the capture' : group(value)}`;
			const measured = [`SyncookiesFailed ${group(failed)}`, shown('SyncookiesRecv', recv), shown('SyncookiesSent', sent)].join(', ');
			return { severity: failed > (recv ?? 0n) ? 'warning' : 'info', count: Number(failed), measured };
		},
	},
	{
		code: 'netstat/resets',
		title: 'Many connections end in a reset',
		counters: ['TcpOutRsts', 'TcpEstabResets', 'TcpActiveOpens', 'TcpPassiveOpens'],
		formula: '(TcpOutRsts + TcpEstabResets) / (TcpActiveOpens + TcpPassiveOpens) × 100',
		threshold: 'above 10 % with at least 100 connections opened',
		meaning: 'Resets sent or received per connection: closed ports, applications closing with unread data, aborted requests, or a middlebox killing idle flows.',
		next: 'TcpExtTCPAbortOnData and TcpExtTCPAbortOnClose (who aborts), tcpdump "tcp[tcpflags] & tcp-rst != 0".',
		anchor: 'resets',
		evaluate: (read) => ratioAbove(read, ['TcpOutRsts', 'TcpEstabResets'], ['TcpActiveOpens', 'TcpPassiveOpens'], 10, 100n),
	},
	{
		code: 'netstat/reset-on-data',
		title: 'Connections reset because data arrived after close',
		counters: ['TcpExtTCPAbortOnData', 'TcpExtTCPAbortOnClose'],
		formula: 'TcpExtTCPAbortOnData + TcpExtTCPAbortOnClose',
		threshold: 'above 0 (info)',
		meaning: 'The application closed a socket with unread data, or data arrived after it closed, so the kernel answered with a reset instead of a graceful FIN: common with HTTP keep-alive races.',
		next: 'Application close/shutdown handling, SO_LINGER; tcpdump of the resets.',
		anchor: 'resets',
		evaluate: (read) => countAbove(read, ['TcpExtTCPAbortOnData', 'TcpExtTCPAbortOnClose'], 0n, 'info'),
	},
	{
		code: 'netstat/failed-connection-attempts',
		title: 'Many outgoing connection attempts fail',
		counters: ['TcpAttemptFails', 'TcpActiveOpens'],
		formula: 'TcpAttemptFails / TcpActiveOpens × 100',
		threshold: 'above 10 % with at least 100 active opens',
		meaning: 'Connections went from SYN-SENT or SYN-RECV straight back to CLOSED: refused ports (RST), unreachable hosts, or handshakes reset by the peer.',
		next: 'ss -tn state syn-sent, the destinations the application dials, firewall rejects; IcmpInDestUnreachs.',
		anchor: 'failed-connects',
		evaluate: (read) => ratioAbove(read, ['TcpAttemptFails'], ['TcpActiveOpens'], 10, 100n),
	},
	{
		code: 'netstat/time-wait-overflow',
		title: 'TIME_WAIT table overflowed',
		counters: ['TcpExtTCPTimeWaitOverflow', 'TcpExtTWRecycled'],
		formula: 'TcpExtTCPTimeWaitOverflow (TcpExtTWRecycled shown beside it)',
		threshold: 'above 0',
		meaning: 'More sockets entered TIME_WAIT than net.ipv4.tcp_max_tw_buckets allows; the extra ones were closed at once, which can let old segments reach a new connection on the same ports.',
		next: 'net.ipv4.tcp_max_tw_buckets, ss -s (timewait), connection reuse (keep-alive, pooling), net.ipv4.tcp_tw_reuse.',
		anchor: 'time-wait',
		evaluate: (read) => {
			const hit = countAbove(read, ['TcpExtTCPTimeWaitOverflow'], 0n);
			const recycled = read('TcpExtTWRecycled');
			return hit && recycled !== undefined ? { ...hit, measured: `${hit.measured}, TWRecycled ${group(recycled)}` } : hit;
		},
	},
];
