/**
 * Kernel drop sites to network layers: the one table the dropwatch parser and its renderers
 * read. A symbol is matched after compiler suffixes (`.isra.0`, `.constprop.0`, `.part.0`,
 * `.cold`) are removed; an exact name beats a prefix, and a longer prefix beats a shorter one.
 * Names were taken from the drop sites seen in real captures (see `/work/shared/corpus/dropwatch`)
 * and the function names of the Linux network stack (net/core, net/ipv4, net/ipv6, net/unix,
 * net/netlink).
 */

/** Stable layer keys, used in the summary and in anchors. */
export type LayerId = 'link' | 'ip' | 'tcp' | 'udp' | 'unix' | 'netlink' | 'other';

export interface LayerInfo {
	/** Key in the summary's `layers` and in finding codes (`dropwatch/ip-drops`). */
	id: LayerId;
	/** Label for tables and charts. */
	label: string;
	/** What drops at this layer usually mean. */
	meaning: string;
	/** The sysctl, counter or tool to look at next. */
	next: string;
	/** Site-relative link to the guide section that explains the layer. */
	explain: string;
}

const GUIDE = 'guides/dropwatch/';

/** One entry per layer, in stack order (bottom up), then `other`. */
export const LAYERS: readonly LayerInfo[] = [
	{
		id: 'link',
		label: 'link/driver',
		meaning:
			'The device, driver, qdisc, bridge or per-CPU backlog dropped the frame: a full backlog queue, a full or misconfigured qdisc, a bridge/STP frame nobody wanted, or a frame for a protocol no handler takes.',
		next: 'net.core.netdev_max_backlog and the dropped column of /proc/net/softnet_stat; ip -s link; tc -s qdisc; ethtool -S <dev>',
		explain: `${GUIDE}#link-and-driver-layer`,
	},
	{
		id: 'ip',
		label: 'IP',
		meaning:
			'IPv4/IPv6 input or forwarding refused the packet: no route, bad header or checksum, reverse-path filter, a netfilter rule (nf_hook_slow), fragment reassembly, or no listener for the protocol.',
		next: 'netstat -s (Ip, IpExt, Icmp sections); net.ipv4.conf.*.rp_filter; iptables -L -v -n / nft list ruleset; net.ipv4.ipfrag_high_thresh',
		explain: `${GUIDE}#ip-layer`,
	},
	{
		id: 'tcp',
		label: 'TCP',
		meaning:
			'TCP dropped a segment: a full accept queue or SYN backlog, socket memory pressure, a segment outside the window, a bad checksum, or queues purged when a socket closed with data still unread.',
		next: 'netstat -s | grep -i -e listen -e prune -e backlog; net.core.somaxconn; net.ipv4.tcp_max_syn_backlog; net.ipv4.tcp_rmem; ss -ltn (Recv-Q)',
		explain: `${GUIDE}#tcp-layer`,
	},
	{
		id: 'udp',
		label: 'UDP',
		meaning:
			'UDP found no socket on the port, or the socket receive buffer was full (RcvbufErrors), or the checksum was wrong.',
		next: 'netstat -su (receive buffer errors, packets to unknown port); net.core.rmem_max and net.core.rmem_default; SO_RCVBUF in the application',
		explain: `${GUIDE}#udp-layer`,
	},
	{
		id: 'unix',
		label: 'unix sockets',
		meaning:
			'Local (AF_UNIX) buffers freed as drops: data still queued when a socket was closed, datagrams for a receiver that went away, out-of-band data skipped by a reader, and (before Linux 6.14) some buffers of ordinary connect() and sendmsg() calls. Rarely a real loss.',
		next: 'ss -x -p to find the process; net.unix.max_dgram_qlen for datagram sockets',
		explain: `${GUIDE}#unix-sockets`,
	},
	{
		id: 'netlink',
		label: 'netlink',
		meaning:
			'A netlink listener (a routing daemon, udev, a monitoring agent) did not read fast enough and its receive buffer overflowed, or a message was refused.',
		next: 'ss -f netlink -p (Recv-Q, drops); the listener\'s socket buffer size; net.core.rmem_max',
		explain: `${GUIDE}#netlink`,
	},
	{
		id: 'other',
		label: 'other',
		meaning:
			'Generic socket-buffer helpers (skb_queue_purge, skb_release_data, kfree_skb), addresses without a symbol, and sites this table does not know: read the call site before drawing conclusions.',
		next: 'perf record -a -g -e skb:kfree_skb for the call chain; perf trace --no-syscalls -e skb:kfree_skb for drop reasons (Linux 5.17 and later)',
		explain: `${GUIDE}#other-sites`,
	},
];

/** Symbol prefixes (and a few exact names) to layers. */
const PREFIXES: readonly [string, LayerId][] = [
	// link/driver: core receive and transmit paths, qdiscs, bridge, wireless, packet sockets
	['netif_', 'link'], ['__netif_', 'link'], ['enqueue_to_backlog', 'link'], ['net_tx_action', 'link'],
	['net_rx_action', 'link'], ['napi_', 'link'], ['__napi_', 'link'], ['dev_', 'link'], ['__dev_', 'link'],
	['validate_xmit', 'link'], ['sch_', 'link'], ['__qdisc', 'link'], ['qdisc_', 'link'], ['pfifo', 'link'],
	['tcf_', 'link'], ['tc_', 'link'], ['br_', 'link'], ['ieee80211_', 'link'], ['packet_rcv', 'link'],
	['tpacket_rcv', 'link'], ['vlan_', 'link'], ['bond_', 'link'], ['veth_', 'link'], ['tun_', 'link'],
	['virtnet_', 'link'], ['e1000', 'link'], ['igb_', 'link'], ['ixgbe_', 'link'], ['mlx5', 'link'],
	['do_execute_actions', 'link'], ['ovs_', 'link'], ['eth_', 'link'], ['llc_', 'link'], ['stp_', 'link'],
	// IP: v4 and v6 input/output, ICMP, netfilter, neighbours, routing, fragments, xfrm
	['ip_', 'ip'], ['__ip_', 'ip'], ['ip6_', 'ip'], ['ipv6_', 'ip'], ['__ip6_', 'ip'], ['icmp', 'ip'],
	['nf_', 'ip'], ['nft_', 'ip'], ['ipt_', 'ip'], ['ip6t_', 'ip'], ['xt_', 'ip'], ['arp_', 'ip'],
	['neigh_', 'ip'], ['__neigh_', 'ip'], ['fib_', 'ip'], ['inet_frag', 'ip'], ['raw_', 'ip'],
	['rawv6_', 'ip'], ['igmp', 'ip'], ['xfrm', 'ip'], ['ping_', 'ip'], ['rt6_', 'ip'], ['ndisc_', 'ip'],
	// TCP (and the stream-socket helpers only TCP uses)
	['tcp_', 'tcp'], ['__tcp_', 'tcp'], ['tcp4_', 'tcp'], ['tcp6_', 'tcp'], ['inet_csk_', 'tcp'],
	['sk_stream_', 'tcp'], ['mptcp_', 'tcp'],
	// UDP
	['udp', 'udp'], ['__udp', 'udp'], ['udpv6_', 'udp'], ['udp6_', 'udp'],
	// unix sockets
	['unix_', 'unix'], ['__unix_', 'unix'],
	// netlink
	['netlink_', 'netlink'], ['__netlink_', 'netlink'], ['genl_', 'netlink'], ['rtnetlink_', 'netlink'],
	['nlmsg_', 'netlink'],
];

/** Removes GCC/LLVM clone suffixes: `ip_rcv_finish_core.isra.0` → `ip_rcv_finish_core`. */
export function stripCloneSuffix(symbol: string): string {
	const dot = symbol.indexOf('.', 1);
	return dot > 0 ? symbol.slice(0, dot) : symbol;
}

/** The layer a kernel symbol belongs to; `other` when the table does not know it. */
export function findLayer(symbol: string): LayerId {
	const name = stripCloneSuffix(symbol);
	let best: LayerId = 'other';
	let bestLength = 0;
	for (const [prefix, layer] of PREFIXES) {
		if (prefix.length > bestLength && name.startsWith(prefix)) {
			best = layer;
			bestLength = prefix.length;
		}
	}
	return best;
}

/** Details of one layer. */
export function describeLayer(id: LayerId): LayerInfo {
	return LAYERS.find((layer) => layer.id === id)!;
}

/**
 * Symbols that mark the end of the kernel image. Before 1.5.5, `dropwatch -l kas` walked
 * /proc/kallsyms as if it were sorted by address; module symbols follow the kernel's, so a module
 * address was named after the last kernel symbol with a huge offset (`__brk_limit+1e6c5938`).
 * Fixed upstream by commit 688e1a9 "Rework lookup logic for kas" (nhorman/dropwatch issue #72).
 */
const IMAGE_END_SYMBOLS = /^(?:__brk_limit|__init_scratch_end|\.brk\.|__bss_stop|_end$|__end_of_kernel_reserve)/;

/** No function is 16 MiB long: an offset this large means the symbol is not the real one. */
const MAX_PLAUSIBLE_OFFSET = 0x1000000;

/** True when `symbol+offset` is `-l kas` mis-resolving a module address. */
export function isUnresolvedModuleAddress(symbol: string, offset: number): boolean {
	return IMAGE_END_SYMBOLS.test(symbol) || offset >= MAX_PLAUSIBLE_OFFSET;
}
