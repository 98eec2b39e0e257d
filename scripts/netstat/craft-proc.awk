# Rewrites a /proc/net/{snmp,netstat} header/value file or /proc/net/snmp6 so that every counter
# has a distinct value: the k-th counter seen (k counted across files through -v start=) gets
# k*1001, except the fixed settings and the edge values below. Values are written as strings,
# so awk's doubles never touch 2^53+1 or 2^64-1.
# Usage: awk -v start=N -f craft-proc.awk /proc/net/snmp > proc/net/snmp
BEGIN {
	k = start + 0
	# Settings keep realistic values (netstat prints them as text or not at all).
	fixed["IpForwarding"] = "1"; fixed["IpDefaultTTL"] = "64"
	fixed["TcpRtoAlgorithm"] = "1"; fixed["TcpRtoMin"] = "200"; fixed["TcpRtoMax"] = "120000"
	fixed["TcpMaxConn"] = "-1"
	# Edge values: 0, 1, 2^32, 2^53+1, 2^64-1, on counters every netstat -s variant prints.
	fixed["IpInReceives"] = "4294967296"
	fixed["TcpOutSegs"] = "9007199254740993"
	fixed["TcpRetransSegs"] = "18446744073709551615"
	fixed["UdpInErrors"] = "0"
	fixed["TcpExtListenOverflows"] = "1"
	fixed["TcpExtSyncookiesSent"] = "0"
	fixed["TcpExtTCPTimeouts"] = "4294967296"
	fixed["IpExtInOctets"] = "18446744073709551615"
	fixed["IcmpMsgOutType3"] = "9007199254740993"
	fixed["Ip6InReceives"] = "9007199254740993"
	fixed["Udp6InDatagrams"] = "18446744073709551615"
	fixed["Udp6InErrors"] = "0"
	fixed["Icmp6InType133"] = "1"
}
function value(name) {
	k++
	return (name in fixed) ? fixed[name] : k * 1001
}
# /proc/net/snmp6: "Ip6InReceives                   \t1"
NF == 2 && $1 !~ /:$/ {
	printf "%-32s\t%s\n", $1, value($1)
	next
}
# header/value pairs: remember the header, rewrite the value line
$1 ~ /:$/ {
	section = substr($1, 1, length($1) - 1)
	if (section != last) {
		if (section == "IcmpMsg") $0 = "IcmpMsg: InType0 InType3 InType8 InType11 OutType0 OutType3 OutType8"
		print
		n = split($0, names, " ")
		last = section
		next
	}
	line = $1
	for (i = 2; i <= n; i++) line = line " " value(section names[i])
	print line
	last = ""
}
END { print k > "/dev/stderr" }
