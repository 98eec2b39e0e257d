/**
 * The one table from a report code (finding, message or unparsed-line reason, `parser/kebab`)
 * to the pages that explain it: a guide section and, where an RFC is behind it, the note and
 * the RFC section that note cites. Report pages link findings through it, notes list the
 * findings that point at them ("Referenced by"), and `tests/lib/explain.test.ts` proves that
 * every code the parsers emit has an entry and every anchor exists.
 *
 * Codes of the shared runner (`input/read-error`, `input/line-too-long`) are about reading
 * files, not about what a log says, and are not listed.
 */

/** Where one code is explained. At least one of `guide` and `note` is set. */
export interface ExplainTarget {
	/** Guide section, site-relative with trailing slash: `guides/netstat/#listen-queue`. */
	guide?: string;
	/** Note section: `notes/rfc4987-syn-flooding/#key-points`. */
	note?: string;
	/** The section of the note's RFC that covers it, as the note cites it: `3.6`. */
	section?: string;
}

type NoteRef = Pick<ExplainTarget, 'note' | 'section'>;

const guide = (id: string, anchor?: string) => `guides/${id}/${anchor ? `#${anchor}` : ''}`;
const note = (id: string, section: string, anchor = 'key-points'): NoteRef => ({
	note: `notes/${id}/#${anchor}`,
	section,
});
const dropwatch = (anchor: string): ExplainTarget => ({ guide: guide('dropwatch', anchor) });
const netstat = (anchor: string, ref: NoteRef = {}): ExplainTarget => ({
	guide: guide('netstat', anchor),
	...ref,
});
/** Postfix input the parser skips: the relay guide says what the daily summary reads. */
const postfix = (): ExplainTarget => ({ guide: guide('relay-health', 'the-daily-summary') });
/** Postfix findings: the relay-health guide's section on that kind of trouble. */
const relayHealth = (anchor: string, ref: NoteRef = {}): ExplainTarget => ({
	guide: guide('relay-health', anchor),
	...ref,
});
/** The `strings` probe: the binary-features guide shows how to run it and read its table. */
const strings = (): ExplainTarget => ({ guide: guide('binary-features', 'across-versions') });

const SYN_FLOODING = 'rfc4987-syn-flooding';
const TCP = 'rfc9293-tcp';
const RACK = 'rfc8985-rack-tlp';
const CONGESTION = 'rfc5681-tcp-congestion-control';
const SMTP = 'rfc5321-smtp';
const STATUS_CODES = 'rfc3463-enhanced-status-codes';

/** Code → explanation. Keys are stable message codes; never rename one. */
export const EXPLAIN: Readonly<Record<string, ExplainTarget>> = {
	// dropwatch: findings per layer, then the capture's own problems
	'dropwatch/link-drops': dropwatch('link-and-driver-layer'),
	'dropwatch/ip-drops': dropwatch('ip-layer'),
	'dropwatch/tcp-drops': dropwatch('tcp-layer'),
	'dropwatch/udp-drops': dropwatch('udp-layer'),
	'dropwatch/unix-drops': dropwatch('unix-sockets'),
	'dropwatch/netlink-drops': dropwatch('netlink'),
	'dropwatch/other-drops': dropwatch('other-sites'),
	'dropwatch/unresolved-module-address': dropwatch('unresolved-module-addresses'),
	'dropwatch/no-symbols': dropwatch('installing-and-running'),
	'dropwatch/tool-error': dropwatch('installing-and-running'),
	'dropwatch/no-drops': dropwatch('installing-and-running'),
	'dropwatch/tail-dropped': dropwatch('packet-mode-and-drop-reasons'),
	'dropwatch/orphan-packet-field': dropwatch('packet-mode-and-drop-reasons'),
	'dropwatch/not-dropwatch-output': dropwatch('reading-the-output'),
	'dropwatch/unknown-line': dropwatch('reading-the-output'),

	// netstat findings: TCP loss and recovery
	'netstat/retransmission-rate': netstat('retransmissions', note(CONGESTION, '3')),
	'netstat/receive-queue-pruned': netstat('receive-buffers', note(TCP, '3.8.6')),
	'netstat/receive-queue-collapsed': netstat('receive-buffers', note(TCP, '3.8.6')),
	'netstat/backlog-drops': netstat('backlog'),
	'netstat/memory-pressure': netstat('memory-pressure'),
	'netstat/rto-timeouts': netstat('timeouts', note('rfc6298-tcp-rto', '5')),
	'netstat/aborted-on-timeout': netstat('timeouts', note(TCP, '3.8.3')),
	'netstat/reordering': netstat('sack-reordering', note(RACK, '3.3.2')),
	'netstat/spurious-retransmits': netstat('sack-reordering', note(RACK, '3.3.2')),
	'netstat/bad-segments': netstat('checksum-errors', note(TCP, '3.1')),
	// netstat findings: connection setup and teardown
	'netstat/listen-overflows': netstat('listen-queue', note(SYN_FLOODING, '3.2')),
	'netstat/listen-drops': netstat('listen-queue', note(SYN_FLOODING, '3.2')),
	'netstat/syn-queue-full': netstat('syn-cookies', note(SYN_FLOODING, '2.2')),
	'netstat/syncookies-failed': netstat('syn-cookies', note(SYN_FLOODING, '3.6')),
	'netstat/resets': netstat('resets', note(TCP, '3.5.3')),
	'netstat/reset-on-data': netstat('resets', note(TCP, '3.5.1')),
	'netstat/failed-connection-attempts': netstat('failed-connects', note(TCP, '3.5')),
	'netstat/time-wait-overflow': netstat('time-wait', note(TCP, '3.6.1')),
	// netstat findings: IP, UDP, ICMP
	'netstat/udp-receive-buffer-errors': netstat('udp-buffers'),
	'netstat/udp-send-buffer-errors': netstat('udp-buffers'),
	'netstat/udp-receive-errors': netstat('udp-buffers'),
	'netstat/udp-no-port': netstat('udp-no-port'),
	'netstat/reassembly-failures': netstat(
		'fragmentation',
		note('rfc6891-edns0', '6.2.3', 'operational-gotchas'),
	),
	'netstat/fragmentation': netstat(
		'fragmentation',
		note('rfc6891-edns0', '6.2.3', 'operational-gotchas'),
	),
	'netstat/ip-input-discards': netstat('netdev-backlog'),
	'netstat/icmp-unreachable-storm': netstat('icmp-unreachable'),
	// netstat: comparing two captures, and problems reading one
	'netstat/counter-decreased': netstat('before-after'),
	'netstat/rates-from-timestamps': netstat('before-after'),
	'netstat/interval-overrides-timestamps': netstat('before-after'),
	'netstat/timestamps-not-increasing': netstat('before-after'),
	'netstat/timestamp-missing': netstat('before-after'),
	'netstat/timestamp-zone-unknown': netstat('before-after'),
	...Object.fromEntries(
		[
			'tool-error',
			'unknown-line',
			'name-without-value',
			'nstat-increments',
			'no-counters',
			'duplicate-counter',
			'unmapped-mib-object',
			'non-numeric-value',
			'line-before-section',
			'value-out-of-range',
			'bad-json',
			'truncated-json',
			'nstat-json-32bit',
			'section-mismatch',
			'header-without-values',
			'bad-proc-values',
			'values-without-header',
		].map((reason) => [`netstat/${reason}`, netstat('inputs')]),
	),

	// postfix: lines the summary does not count
	'postfix/other-day': postfix(),
	'postfix/no-syslog-header': postfix(),
	'postfix/other-program': postfix(),
	'postfix/unknown-status': postfix(),
	'postfix/line-too-long': postfix(),
	'postfix/too-costly': postfix(),
	// postfix findings: the relay-health guide's section for each kind of trouble
	'postfix/blocklisted': relayHealth('blocklisted', note(STATUS_CODES, '3.8')),
	'postfix/rbl-rejects': relayHealth('rbl-rejects', note(STATUS_CODES, '3.8')),
	'postfix/mail-loop': relayHealth('mail-loops', note(SMTP, '6.3')),
	'postfix/sender-burst': relayHealth('spam-bursts'),
	'postfix/reject-surge': relayHealth('spam-bursts'),
	'postfix/deferral-surge': relayHealth('spam-bursts'),
	'postfix/non-smtp-command': relayHealth('exploit-attempts'),
	'postfix/command-pipelining': relayHealth('exploit-attempts'),
	'postfix/pregreet': relayHealth('exploit-attempts'),
	'postfix/sasl-brute-force': relayHealth('exploit-attempts'),
	'postfix/sasl-user-many-ips': relayHealth('exploit-attempts'),
	'postfix/connect-flood': relayHealth('exploit-attempts'),
	'postfix/relay-probe': relayHealth('exploit-attempts', note(STATUS_CODES, '3.8')),
	'postfix/deferral-rate': relayHealth('delivery-health', note(SMTP, '4.5.4.1')),
	'postfix/queue-backlog': relayHealth('delivery-health', note(SMTP, '4.5.4.1')),
	'postfix/expired': relayHealth('delivery-health', note(SMTP, '4.5.4.1')),
	'postfix/mail-inactivity': relayHealth('delivery-health'),
	'postfix/stale-map': relayHealth('config-warnings'),

	// strings: when a pattern appears across versions, then problems with the inputs
	'strings/pattern-appearance': strings(),
	'strings/not-elf': strings(),
	'strings/binary-as-dump': strings(),
	'strings/missing-offset': strings(),
	'strings/not-a-string': strings(),
	'strings/empty-file': strings(),
	'strings/short-dump-lines': strings(),
	'strings/unreadable': strings(),
	'strings/read-error': strings(),
};

/** The link a report shows for a code: the guide section, else the note section. */
export function explainLink(code: string): string | undefined {
	const target = EXPLAIN[code];
	return target?.guide ?? target?.note;
}

/** The codes whose explanation is in a note, by note id (`rfc4987-syn-flooding`). */
export function codesByNote(): Map<string, string[]> {
	const byNote = new Map<string, string[]>();
	for (const [code, target] of Object.entries(EXPLAIN)) {
		if (!target.note) continue;
		const id = target.note.split('/')[1]!;
		byNote.set(id, [...(byNote.get(id) ?? []), code]);
	}
	return byNote;
}
