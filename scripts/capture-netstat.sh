#!/bin/sh
# Golden outputs from the real tools, run against crafted /proc/net counter files.
#
# Needs root (mount namespace). Not part of `npm test`. Writes tests/fixtures/netstat/<case>/.
# net-tools reads fixed paths (/proc/net/snmp, /proc/net/netstat, /proc/net/snmp6,
# /proc/net/sctp/snmp), so each run happens in a private mount namespace where a crafted
# directory is bind-mounted over /proc. nstat takes PROC_NET_SNMP/PROC_NET_NETSTAT/PROC_NET_SNMP6.
#
# Usage: sudo scripts/capture-netstat.sh            (from the repository root)
set -eu
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
out=tests/fixtures/netstat
command -v netstat >/dev/null || { echo "install net-tools" >&2; exit 1; }
command -v nstat >/dev/null || { echo "install iproute2" >&2; exit 1; }

# Runs `netstat ARGS` with DIR mounted over /proc; stdout and stderr go to one file, as a user
# pasting a terminal would see them.
run_netstat() { # dir outfile args…
	local dir="$1" file="$2"
	shift 2
	unshare -m --propagation private sh -c 'mount --bind "$0" /proc && exec /usr/bin/netstat "$@"' \
		"$dir" "$@" >"$file" 2>&1 || true
}

run_nstat() { # dir outfile args…
	local dir="$1" file="$2"
	shift 2
	NSTAT_HISTORY=$(mktemp) PROC_NET_SNMP=$dir/net/snmp PROC_NET_NETSTAT=$dir/net/netstat \
		PROC_NET_SNMP6=$dir/net/snmp6 nstat "$@" >"$file" 2>&1 || true
}

# crafted: this machine's counter names, every value distinct, edge values on printed counters.
craft() { # case
	local dir="$out/$1/proc"
	mkdir -p "$dir/net/sctp"
	k=$(awk -v start=1 -f "$here/netstat/craft-proc.awk" /proc/net/snmp 2>&1 >"$dir/net/snmp")
	k=$(awk -v start="$k" -f "$here/netstat/craft-proc.awk" /proc/net/netstat 2>&1 >"$dir/net/netstat")
	# per-type ICMPv6 lines exist only once a type was seen: make sure two are there
	{
		cat /proc/net/snmp6
		for name in Icmp6InType133 Icmp6OutType135; do
			grep -q "^$name[[:space:]]" /proc/net/snmp6 || printf '%s 0\n' "$name"
		done
	} >/tmp/snmp6.$$
	k=$(awk -v start="$k" -f "$here/netstat/craft-proc.awk" /tmp/snmp6.$$ 2>&1 >"$dir/net/snmp6")
	rm -f /tmp/snmp6.$$
	# /proc/net/sctp/snmp: the names net-tools 2.10 knows, plus one it does not.
	for name in SctpCurrEstab SctpActiveEstabs SctpPassiveEstabs SctpAborteds SctpShutdowns \
		SctpOutOfBlues SctpChecksumErrors SctpOutCtrlChunks SctpOutOrderChunks \
		SctpOutUnorderChunks SctpInCtrlChunks SctpInOrderChunks SctpInUnorderChunks \
		SctpFragUsrMsgs SctpReasmUsrMsgs SctpOutSCTPPacks SctpInSCTPPacks SctpT1InitExpireds; do
		k=$((k + 1))
		printf '%-32s\t%s\n' "$name" $((k * 1001))
	done >"$dir/net/sctp/snmp"
}

capture_all() { # case
	local dir="$out/$1"
	run_netstat "$dir/proc" "$dir/netstat-s.txt" -s
	run_netstat "$dir/proc" "$dir/netstat-s-6.txt" -s -6
	run_netstat "$dir/proc" "$dir/netstat-s-t.txt" -s -t
	run_netstat "$dir/proc" "$dir/netstat-s-u.txt" -s -u
	run_netstat "$dir/proc" "$dir/netstat-s-w.txt" -s -w
	run_nstat "$dir/proc" "$dir/nstat-asz.txt" -asz
	run_nstat "$dir/proc" "$dir/nstat-asz.json" -asz --json
}

# The crafted inputs are committed: craft them only when missing (delete the folder to re-craft
# from this machine's counter names), so re-running refreshes outputs over the same inputs.
[ -f $out/crafted/proc/net/snmp ] || craft crafted
capture_all crafted

# truncated: /proc/net/netstat cut after its first header line (no value line), no snmp6.
mkdir -p $out/truncated/proc/net
cp $out/crafted/proc/net/snmp $out/truncated/proc/net/snmp
head -n 1 $out/crafted/proc/net/netstat >$out/truncated/proc/net/netstat
run_netstat $out/truncated/proc $out/truncated/netstat-s.txt -s
run_netstat $out/truncated/proc $out/truncated/netstat-s-6.txt -s -6

# translated: the same crafted files under other locales (needs `locales` and locale-gen).
mkdir -p $out/translated
for loc in de_DE.UTF-8 fr_FR.UTF-8 ja_JP.UTF-8; do
	export LC_ALL=$loc
	if locale -a | grep -qi "^$(echo "$loc" | sed 's/UTF-8/utf8/')\$"; then
		unshare -m --propagation private sh -c 'mount --bind "$0" /proc && exec /usr/bin/netstat -s' \
			"$out/crafted/proc" >"$out/translated/netstat-s.${loc%%.*}.txt" 2>&1 </dev/null || true
	else
		echo "locale $loc not generated: skipping its capture" >&2
	fi
done
export LC_ALL=C

{ netstat --version 2>&1 | head -n 1; nstat -V 2>&1; uname -sr; date -u +%Y-%m-%dT%H:%MZ; } >$out/crafted/versions.txt
cp $out/crafted/versions.txt $out/truncated/versions.txt
cp $out/crafted/versions.txt $out/translated/versions.txt
