#!/usr/bin/env bash
# Regenerates the strings-probe samples in content/samples/strings/ from real binaries fetched
# from the npm registry: for each version, `npm pack` the platform package into a temporary
# directory, take the binary out, and commit only its `strings -a` output, gzip'd (-n: no name
# or time in the header, so the same binary gives the same bytes).
#
#   scripts/capture-strings.sh            # every case below
#   scripts/capture-strings.sh --check    # compare with the committed dumps, write nothing
#
# Needs: npm (registry access), tar, sha256sum, gzip, GNU strings (apt-get install binutils).
# Prints, per version, the lines the case's .md records: package, version, tarball integrity,
# sha256 and size of the binary, sha256 of the dump.
set -euo pipefail
export LC_ALL=C

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/content/samples/strings"
check=false
[[ ${1:-} == --check ]] && check=true

command -v strings >/dev/null || { echo "GNU strings is missing: apt-get install binutils" >&2; exit 2; }
strings --version | head -1 >&2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# capture CASE PACKAGE PATH-IN-PACKAGE VERSION…
capture() {
	local case=$1 package=$2 inner=$3
	shift 3
	local status=0
	for version in "$@"; do
		local dir="$work/$case-$version"
		mkdir -p "$dir"
		local meta
		meta=$(cd "$dir" && npm pack --json --silent "$package@$version")
		local tgz integrity
		tgz=$(node -e 'const m = JSON.parse(process.argv[1])[0]; console.log(m.filename)' "$meta")
		integrity=$(node -e 'const m = JSON.parse(process.argv[1])[0]; console.log(m.integrity)' "$meta")
		tar -xzf "$dir/$tgz" -C "$dir"
		local binary="$dir/package/$inner"
		local dump="$out/$case.$version.strings.gz"
		local fresh="$dir/dump.strings.gz"
		strings -a "$binary" | gzip -9n >"$fresh"
		if $check; then
			cmp -s "$fresh" "$dump" || { echo "differs: $dump" >&2; status=1; }
		else
			cp "$fresh" "$dump"
		fi
		printf '| `%s` | %s | `%s` | `%s` | %s | `%s` |\n' "$package" "$version" "$integrity" \
			"$(sha256sum "$binary" | cut -d' ' -f1)" "$(stat -c %s "$binary")" \
			"$(sha256sum "$fresh" | cut -d' ' -f1)"
	done
	return $status
}

# esbuild's --packages= flag (CHANGELOG-2022.md: added in 0.16.5) and --line-limit= (CHANGELOG-2023.md:
# added in 0.18.7), seen in the Linux x64 binary of three releases.
capture esbuild-packages-flag @esbuild/linux-x64 bin/esbuild 0.16.4 0.16.5 0.18.7
