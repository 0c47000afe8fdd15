#!/usr/bin/env bash
# Test fixture: builds the Debian packages from the build tree BUILD with CPack
# into OUT (emptied first). installer/make-packages.sh does the same from the
# release preset.
#   build-packages.sh BUILD OUT
set -euo pipefail
build="$1" out="$2"
rm -rf "$out"
mkdir -p "$out"
start=$(date +%s)
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; exit 1; }
rm -rf "$out/_CPack_Packages"
echo "build-packages: $(ls "$out"/*.deb | wc -l) packages in $(($(date +%s) - start)) s"
ls -l "$out"/*.deb
