#!/usr/bin/env bash
# Builds the Debian packages tongban and tongban-hub from the release preset:
#   installer/make-packages.sh [OUTDIR]        (default build/packages)
# Needs the build packages of installer/install-deps.sh. The packages land in
# OUTDIR as tongban_<version>_<arch>.deb and tongban-hub_<version>_<arch>.deb.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/build/packages}"
cd "$root"
cmake --preset release
cmake --build --preset release --parallel "$(nproc)"
mkdir -p "$out"
(cd build/release && cpack -G DEB -B "$out")
rm -rf "$out/_CPack_Packages"
ls -1 "$out"/*.deb
