#!/bin/bash
# Captures real Postfix logs for content/samples/postfix/ (run as root; not part of npm test).
#
# Runs Debian's Postfix 3.7 as a private instance (own config directory, queue and log file
# under $WORK) bound to 127.0.0.1 only, with loopback SMTP sinks (scripts/capture/sinks.py)
# as next hops, and drives mail through it in batches (scripts/capture/drive.py). Logging goes
# through postlogd to $WORK/maillog (Postfix's maillog_file: classic "Mon DD HH:MM:SS host
# postfix/...: ..." lines). Each batch is then re-based as a whole onto a chosen day
# (scripts/capture/rebase.py) and the results are written gzipped to content/samples/postfix/.
#
# Needs: apt-get install postfix pflogsumm faketime (Debian 12: Postfix 3.7.x), /usr/bin/python3.
# Side effect outside $WORK: adds $WORK/etc to alternate_config_directories in
# /etc/postfix/main.cf (sendmail/postdrop refuse unlisted config directories).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
HERE="$ROOT/scripts/capture"
WORK=${WORK:-/var/tmp/fieldnotes-capture}
ETC="$WORK/etc"
OUT="$ROOT/content/samples/postfix"
PY=/usr/bin/python3

[ "$(id -u)" = 0 ] || { echo 'capture-samples: run as root' >&2; exit 1; }
command -v postconf >/dev/null || { echo 'capture-samples: install postfix first' >&2; exit 1; }

log() { printf '[%s] %s\n' "$(date -u +%T)" "$*" >&2; }
lines() { if [ -f "$WORK/maillog" ]; then wc -l <"$WORK/maillog"; else echo 0; fi; }
pf() { postfix -c "$ETC" "$@" </dev/null; }
queued() { find "$WORK/spool/incoming" "$WORK/spool/active" "$WORK/spool/deferred" -type f | wc -l; }
wait_empty() { # wait until nothing but held mail is queued (at most $1 seconds)
	local left=$1
	while [ "$(queued)" != 0 ] && [ "$left" -gt 0 ]; do sleep 5; left=$((left - 5)); done
}

setup() {
	if [ -f "$WORK/data/master.lock" ]; then postfix -c "$ETC" stop 2>/dev/null || true; sleep 2; fi
	rm -rf "$WORK"
	mkdir -p "$ETC" "$WORK/spool" "$WORK/data" "$WORK/mail"
	chown postfix "$WORK/data"
	chmod 1777 "$WORK/mail"
	sed "s#@WORK@#$WORK#g" "$HERE/main.cf.in" >"$ETC/main.cf"
	sed "s#@WORK@#$WORK#g" "$HERE/aliases.in" >"$ETC/aliases"
	cp "$HERE/master.cf" "$ETC/master.cf"
	for map in transport client_access sender_access recipient_access; do
		cp "$HERE/$map" "$ETC/$map"
		postmap "hash:$ETC/$map"
	done
	cp "$HERE/header_checks" "$HERE/body_checks" "$ETC/"
	postalias "hash:$ETC/aliases"
	local alt
	alt=$(postconf -h alternate_config_directories)
	case " $alt " in *" $ETC "*) ;; *) postconf -e "alternate_config_directories = ${alt:+$alt }$ETC" ;; esac
	postfix -c "$ETC" check
}

SPECS=()
CURRENT_START=0
CURRENT_TARGET=''
# begin <target>: the batch now starting will be re-based so its first line lands on <target>
begin() {
	if [ -n "$CURRENT_TARGET" ]; then SPECS+=("$CURRENT_START:$(lines):$CURRENT_TARGET"); fi
	CURRENT_START=$(lines)
	CURRENT_TARGET=$1
	log "batch -> $1 (from line $CURRENT_START)"
}
drive() { "$PY" "$HERE/drive.py" "$ETC" "$1"; }

main() {
	setup
	"$PY" "$HERE/sinks.py" &
	SINKS=$!
	trap 'kill $SINKS 2>/dev/null || true; postfix -c "$ETC" stop 2>/dev/null || true' EXIT
	sleep 1
	local year
	year=$(date +%Y)

	# Not in any sample, like the tail of a rotated log: postfix start and one message whose
	# delivery (6 s at the tarpit sink) completes after the relay week has begun, so its
	# qmgr from/size line is missing ("Messages with no size data").
	pf start
	sleep 2
	drive preroll
	sleep 2
	local preroll_end
	preroll_end=$(lines)

	# relay week: Jun 28 - Jul 6 (no batch on Jul 4), one re-based batch per day
	begin 2026-06-28T09:12:00
	drive b1
	sleep 20
	begin 2026-06-29T10:41:00
	drive b2
	sleep 40
	begin 2026-06-30T14:05:00
	drive b3
	sleep 30
	begin 2026-07-01T08:33:00
	# a map source newer than its .db: new smtpd processes (after the reload) log
	# "database ... is older than source file ...". Postfix only warns when the source is
	# more than 100 s old, so the source gets the .db's mtime + 1 s (made at setup).
	local dbtime
	dbtime=$(stat -c %Y "$ETC/sender_access.db")
	while [ $(($(date +%s) - dbtime)) -lt 110 ]; do sleep 5; done
	touch -d "@$((dbtime + 1))" "$ETC/sender_access"
	pf reload
	sleep 2
	drive b4
	postmap "hash:$ETC/sender_access"
	pf reload
	sleep 20
	begin 2026-07-02T16:20:00
	drive b5
	# a fatal error from a real Postfix program: postmap on a missing source file
	postmap -c "$ETC" "hash:$ETC/no_such_map" 2>/dev/null || true
	# Postfix daemons cannot be made to panic safely; postlog(1) writes the panic record
	postlog -c "$ETC" -p panic -t postfix/capture 'capture-samples: simulated panic record (postlog -p panic)' 2>/dev/null || true
	sleep 20
	begin 2026-07-03T11:02:00
	drive b6
	wait_empty 240
	begin 2026-07-05T02:15:00
	drive b7
	sleep 15
	begin 2026-07-06T07:48:00
	drive b8
	sleep 20
	# master's own "terminating on signal 15" is lost: postlogd stops before master writes it
	pf stop
	sleep 2
	pf start
	sleep 2
	wait_empty 240
	SPECS+=("$CURRENT_START:$(lines):$CURRENT_TARGET")
	local week=("${SPECS[@]}")
	log "relay week: lines 0-$preroll_end (pre-roll) left out"

	# clean day: healthy traffic only, nothing queued from before
	SPECS=()
	CURRENT_TARGET=''
	begin 2026-07-08T09:30:00
	drive clean
	sleep 15
	wait_empty 60
	SPECS+=("$CURRENT_START:$(lines):$CURRENT_TARGET")
	local clean=("${SPECS[@]}")
	pf stop

	mkdir -p "$OUT"
	"$PY" "$HERE/rebase.py" "$WORK/maillog" "$year" "$WORK/relay-week.log" "${week[@]}"
	"$PY" "$HERE/rebase.py" "$WORK/maillog" "$year" "$WORK/clean-day.log" "${clean[@]}"
	gzip -n -9 -c "$WORK/relay-week.log" >"$OUT/relay-week.log.gz"
	gzip -n -9 -c "$WORK/clean-day.log" >"$OUT/clean-day.log.gz"
	printf '%s\n' "capture $(date -u +%FT%TZ) year=$year" "relay-week ${week[*]}" "clean-day ${clean[*]}" \
		| tee "$WORK/batches.txt" >&2
	postconf -d mail_version >&2
}

main "$@"
