#!/usr/bin/env bash
# ctest debian_package: builds the .deb with CPack from this build into a
# temporary folder, checks that it holds what a Debian user expects, and runs
# lintian on it (errors fail; warnings are printed) when lintian is installed.
# Usage: check_deb.sh BUILD_DIR
set -euo pipefail
build="$1"
if ! command -v dpkg-deb >/dev/null || ! command -v dpkg-shlibdeps >/dev/null || ! command -v file >/dev/null; then
  echo "SKIPPED: building a .deb needs dpkg-deb, dpkg-shlibdeps (dpkg-dev) and file (.ci/setup installs them)"
  exit 77
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" 2>&1 ||
  { cat "$out/cpack.log"; exit 1; }
deb="$(ls "$out"/hemeroteca_*.deb)"
echo "built $(basename "$deb")"
contents="$(dpkg-deb -c "$deb" | awk '{print $NF}')"
status=0
for f in ./usr/bin/hemeroteca-index ./usr/bin/hemeroteca-search \
  ./usr/share/man/man1/hemeroteca-index.1.gz ./usr/share/man/man1/hemeroteca-search.1.gz \
  ./usr/share/bash-completion/completions/hemeroteca-index \
  ./usr/share/bash-completion/completions/hemeroteca-search \
  ./lib/systemd/system/hemeroteca-search.service ./etc/default/hemeroteca \
  ./usr/share/hemeroteca/synonyms-es.txt \
  ./usr/share/doc/hemeroteca/copyright ./usr/share/doc/hemeroteca/changelog.gz; do
  grep -qxF "$f" <<<"$contents" || { echo "FAILED: the package lacks $f"; status=1; }
done
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
for lib in libxapian30 libgumbo1 libcurl4 libmicrohttpd12 libhunspell hunspell-es adduser; do
  grep -q "$lib" <<<"$depends" || { echo "FAILED: Depends lacks $lib (dpkg-shlibdeps)"; status=1; }
done
[ "$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles)" = "/etc/default/hemeroteca" ] ||
  { echo "FAILED: /etc/default/hemeroteca is not a conffile"; status=1; }
[ "$status" -eq 0 ] || exit "$status"
if ! command -v lintian >/dev/null; then
  echo "SKIPPED: lintian is not installed (the contents are right; the package was not linted)"
  exit 77
fi
lint_status=0
lint="$(lintian --fail-on error "$deb" 2>&1)" || lint_status=$?
grep -v 'running with root privileges' <<<"$lint" || true
[ "$lint_status" -eq 0 ] || { echo "FAILED: lintian reports errors"; exit 1; }
echo "lintian: no errors"
