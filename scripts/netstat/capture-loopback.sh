#!/bin/sh
# A real before/after pair: /proc/net copies taken at one moment, net-tools netstat -s run over
# exactly those copies, around a bounded load on 127.0.0.1 (scripts/netstat/loopback-load.py).
#
# Needs root. Runs in a fresh network namespace (unshare -n) so other programs on this machine
# do not move the counters; /proc/net inside it shows that namespace's counters only.
# Writes tests/fixtures/netstat/loopback/{before,after}/ and content/samples/netstat/loopback.*.txt.
# Usage: sudo scripts/netstat/capture-loopback.sh      (from the repository root)
set -eu
export LC_ALL=C
out=tests/fixtures/netstat/loopback
samples=content/samples/netstat

snapshot() { # name
	mkdir -p "$out/$1/proc/net"
	for file in snmp netstat snmp6; do cat "/proc/net/$file" >"$out/$1/proc/net/$file"; done
	date -u +%Y-%m-%dT%H:%M:%S.%NZ >"$out/$1/taken-at.txt"
}

if [ "${1:-}" != inside ]; then
	rm -rf "$out"
	unshare -n sh "$0" inside
	for name in before after; do
		unshare -m --propagation private sh -c 'mount --bind "$0" /proc && exec /usr/bin/netstat -s' \
			"$out/$name/proc" >"$out/$name/netstat-s.txt" 2>&1
		cp "$out/$name/netstat-s.txt" "$samples/loopback.$name.txt"
	done
	{ netstat --version 2>&1 | head -n 1; python3 --version; uname -sr; } >"$out/versions.txt"
	exit 0
fi

ip link set lo up
snapshot before
python3 "$(dirname "$0")/loopback-load.py" >"$out/load.log" 2>&1
sleep 1
snapshot after
