#!/bin/bash
# Regenerates tests/fixtures/postfix/newer-options/*.txt: the reference output of a newer
# pflogsumm (Debian's 1.3.0-1 package, upstream 1.3.0) for the 1.1.12+ options fieldnotes mirrors
# on top of pflogsumm 1.1.5's report (-d ranges, --dow0mon, --rej-add-to, --use-orig-to,
# --srs-mung, --colwidth) and the files its --unprocd-file writes (*.unprocd.txt). Not part of npm
# test; run by hand, then review the diff.
#
# The script itself is not committed: get it from the Debian package (see SOURCE.md) and point
# PFLOGSUMM_NEW at it, e.g.
#   apt-get download pflogsumm=1.3.0-1   # from a sid sources list
#   dpkg-deb -x pflogsumm_1.3.0-1_all.deb x && PFLOGSUMM_NEW=x/usr/bin/pflogsumm scripts/refresh-newer-goldens.sh
# Needs perl with Date::Calc (libdate-calc-perl) and faketime.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/tests/fixtures/postfix/newer-options"
PFLOGSUMM_NEW=${PFLOGSUMM_NEW:-/tmp/pflogsumm-new}

command -v faketime >/dev/null || { echo 'refresh-newer-goldens: install faketime' >&2; exit 1; }
[ -r "$PFLOGSUMM_NEW" ] || { echo "refresh-newer-goldens: $PFLOGSUMM_NEW missing" >&2; exit 1; }
VERSION=$(perl "$PFLOGSUMM_NEW" --version)
[[ "$VERSION" == *' 1.3.0' ]] || { echo "refresh-newer-goldens: want pflogsumm 1.3.0, got $VERSION" >&2; exit 1; }

ROWS=''
# ref <name> <input> <now> [pflogsumm args...]; <input> is a .log.gz under content/samples/postfix
# or a plain log under the fixture directory.
ref() {
	local name=$1 input=$2 now=$3 err
	shift 3
	err=$(mktemp)
	case $input in
		*.gz) zcat "$ROOT/$input" ;;
		*) cat "$ROOT/$input" ;;
	esac | env -i PATH=/usr/bin:/bin TZ=UTC LC_ALL=C PERL_HASH_SEED=0 PERL_PERTURB_KEYS=0 \
		faketime "$now" perl "$PFLOGSUMM_NEW" "$@" >"$OUT/$name.txt" 2>"$err"
	if [ -s "$err" ]; then
		echo "refresh-newer-goldens: $name: pflogsumm wrote to stderr:" >&2
		cat "$err" >&2
		exit 1
	fi
	rm -f "$err"
	ROWS+=$(printf '%s\t%s\t%s' "$name.txt" "$input" "$now"; if [ $# -gt 0 ]; then printf '\t%s' "$@"; fi)$'\n'
}

# unprocd <name> <input> <now>: the file `--unprocd-file` writes (the report is not kept), each
# line's `[<script path>:<source line>]` prefix with the path as `pflogsumm`.
unprocd() {
	local name=$1 input=$2 now=$3 file
	file=$(mktemp)
	zcat "$ROOT/$input" | env -i PATH=/usr/bin:/bin TZ=UTC LC_ALL=C PERL_HASH_SEED=0 PERL_PERTURB_KEYS=0 \
		faketime "$now" perl "$PFLOGSUMM_NEW" --unprocd-file "$file" >/dev/null
	sed "s|^\[$PFLOGSUMM_NEW:|[pflogsumm:|" "$file" >"$OUT/$name.unprocd.txt"
	rm -f "$file"
}

RW=content/samples/postfix/relay-week.log.gz
AD=content/samples/postfix/abuse-day.log.gz
SRS=tests/fixtures/postfix/newer-options/srs.log
COL=tests/fixtures/postfix/newer-options/colwidth.log
RFC=tests/fixtures/postfix/newer-options/rfc3339.log
W='2026-07-06 23:30:00'
A='2026-07-09 23:00:00'
S='2026-07-07 23:00:00'
C='2026-07-08 23:00:00'

ref relay-week "$RW" "$W"
ref relay-week-rej-add-to "$RW" "$W" --rej-add-to
ref relay-week-rej-add-from "$RW" "$W" --rej-add-from
ref relay-week-rej-add-from-to "$RW" "$W" --rej-add-from --rej-add-to
ref relay-week-use-orig-to "$RW" "$W" --use-orig-to
ref relay-week-colwidth-100 "$RW" "$W" --colwidth 100
ref relay-week-colwidth-60 "$RW" "$W" --colwidth 60
ref relay-week-colwidth-0 "$RW" "$W" --colwidth 0
ref abuse-day "$AD" "$A"
ref abuse-day-rej-add-to "$AD" "$A" --rej-add-to
ref abuse-day-rej-add-from-to "$AD" "$A" --rej-add-from --rej-add-to
ref abuse-day-colwidth-100 "$AD" "$A" --colwidth 100
ref abuse-day-colwidth-0 "$AD" "$A" --colwidth 0
ref srs "$SRS" "$S"
ref srs-mung "$SRS" "$S" --srs-mung
ref srs-mung-rej-add-from "$SRS" "$S" --srs-mung --rej-add-from
ref colwidth "$COL" "$C"
ref colwidth-100 "$COL" "$C" --colwidth 100
ref colwidth-60 "$COL" "$C" --colwidth 60
ref colwidth-0 "$COL" "$C" --colwidth 0
ref colwidth-60-verbose "$COL" "$C" --colwidth 60 --verbose-msg-detail
ref colwidth-negative "$COL" "$C" --colwidth -5
# Date ranges: --zero-fill gives every day with a line its per-day row.
ref d-this-week "$RW" "$W" --zero-fill -d 'this week'
ref d-this-week-dow0mon "$RW" "$W" --zero-fill -d this_week --dow0mon
ref d-last-week "$RW" "$W" --zero-fill -d 'last week'
ref d-last-week-dow0mon "$RW" "$W" --zero-fill -d last_week --dow0mon
ref d-this-month "$RW" "$W" --zero-fill -d 'this month'
ref d-last-month "$RW" "$W" --zero-fill -d last_month
ref d-day "$RW" "$W" --zero-fill -d 2026-07-01
ref d-month "$RW" "$W" --zero-fill -d 2026-06
ref d-range-space "$RW" "$W" --zero-fill -d '2026-06-29 2026-07-02'
ref d-range-to "$RW" "$W" --zero-fill -d '2026-06-30 to 2026-07-03'
ref d-range-dash "$RW" "$W" --zero-fill -d '2026-06 - 2026-07'
ref d-range-empty "$RW" "$W" --zero-fill -d '2026-05-01 2026-05-31'
# RFC 3339 lines are filtered by the year they carry.
ref d-rfc3339-2025 "$RFC" "$W" -d 2025-07-01
ref d-rfc3339-2026 "$RFC" "$W" -d 2026-07
# --unprocd-file: the lines 1.3.0's parser passes over (tests/postfix/unprocd-file.test.ts).
unprocd relay-week "$RW" "$W"
unprocd abuse-day "$AD" "$A"

printf '%s' "$ROWS" | /usr/bin/python3 -c '
import json, sys
rows = [line.split("\t") for line in sys.stdin.read().splitlines() if line]
entries = [{"file": r[0], "input": r[1], "now": r[2], "args": r[3:]} for r in rows]
with open(sys.argv[1], "w") as f:
	f.write("[\n" + ",\n".join("\t" + json.dumps(e) for e in entries) + "\n]\n")
' "$OUT/references.json"
echo "refresh-newer-goldens: done ($VERSION)" >&2
