#!/bin/bash
# Captures content/samples/postfix/abuse-day.log.gz: a day of a relay under attack (a
# compromised SASL account bursting, password guessing, a connect flood, relay probes) and a
# next-hop outage, for the findings tests. Run as root; not part of npm test.
#
# Same rig as scripts/capture-samples.sh (its main.cf, master.cf, maps and aliases, Debian's
# Postfix 3.7 on 127.0.0.1, postlogd writing $WORK/maillog), in its own work directory, plus a
# submission service on 127.0.0.1:2589 with SASL (smtpd_sasl_type = dovecot) answered by
# scripts/capture/dovecot-auth.py. Batches from scripts/capture/abuse-drive.py are re-based
# onto hours of one day with scripts/capture/rebase.py (each batch as a whole).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
HERE="$ROOT/scripts/capture"
WORK=${WORK:-/var/tmp/fieldnotes-abuse}
ETC="$WORK/etc"
OUT="$ROOT/content/samples/postfix"
PY=/usr/bin/python3

[ "$(id -u)" = 0 ] || { echo 'capture-abuse: run as root' >&2; exit 1; }
log() { printf '[%s] %s\n' "$(date -u +%T)" "$*" >&2; }
lines() { if [ -f "$WORK/maillog" ]; then wc -l <"$WORK/maillog"; else echo 0; fi; }
queued() { find "$WORK/spool/incoming" "$WORK/spool/active" "$WORK/spool/deferred" -type f | wc -l; }
settle() { local left=${1:-60}; sleep 3; while [ "$(queued)" != 0 ] && [ $left -gt 0 ]; do sleep 2; left=$((left - 2)); done; }

setup() {
	if [ -f "$WORK/data/master.lock" ]; then postfix -c "$ETC" stop 2>/dev/null || true; sleep 2; fi
	rm -rf "$WORK"
	mkdir -p "$ETC" "$WORK/spool" "$WORK/data" "$WORK/mail"
	chown postfix "$WORK/data"
	chmod 1777 "$WORK/mail"
	sed "s#@WORK@#$WORK#g" "$HERE/main.cf.in" >"$ETC/main.cf"
	sed "s#@WORK@#$WORK#g" "$HERE/aliases.in" >"$ETC/aliases"
	cp "$HERE/master.cf" "$ETC/master.cf"
	cat >>"$ETC/master.cf" <<'CF'
127.0.0.1:2589 inet n   -       n       -       -       smtpd
  -o syslog_name=postfix/submission
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_sasl_type=dovecot
  -o smtpd_sasl_path=private/auth
  -o mynetworks=127.0.0.1/32
CF
	for map in transport client_access sender_access recipient_access; do
		cp "$HERE/$map" "$ETC/$map"
		postmap "hash:$ETC/$map"
	done
	cp "$HERE/header_checks" "$HERE/body_checks" "$ETC/"
	postalias "hash:$ETC/aliases"
	postfix -c "$ETC" check
}

SPECS=()
START=0
# batch <target> <name> [wait]: drive one batch, let the queue empty (at most wait seconds,
# default 60), remember its line range
batch() {
	START=$(lines)
	log "batch $2 -> $1"
	"$PY" "$HERE/abuse-drive.py" "$2"
	settle "${3:-60}"
	SPECS+=("$START:$(lines):$1")
}

main() {
	setup
	postfix -c "$ETC" start </dev/null
	sleep 2
	"$PY" "$HERE/dovecot-auth.py" "$WORK/spool/private/auth" &
	AUTH=$!
	trap 'kill $AUTH 2>/dev/null || true; postfix -c "$ETC" stop 2>/dev/null || true' EXIT
	sleep 1
	local day=2026-07-09 year
	year=$(date +%Y)
	for hour in 08 09 10 11; do batch "${day}T$hour:05:00" normal; done
	batch "${day}T11:35:00" outage 300
	for hour in 12 13; do batch "${day}T$hour:05:00" normal; done
	batch "${day}T14:05:00" burst
	batch "${day}T15:05:00" attack
	batch "${day}T16:05:00" normal
	postfix -c "$ETC" stop </dev/null
	"$PY" "$HERE/rebase.py" "$WORK/maillog" "$year" "$WORK/abuse-day.log" "${SPECS[@]}"
	gzip -n -9 -c "$WORK/abuse-day.log" >"$OUT/abuse-day.log.gz"
	printf '%s\n' "capture $(date -u +%FT%TZ) year=$year" "abuse-day ${SPECS[*]}" | tee "$WORK/batches.txt" >&2
	postconf -d mail_version >&2
}

main "$@"
