#!/usr/bin/env bash
# Sets this machine up, builds the dev preset (debug, warnings as errors) and
# runs the whole test suite with CTest. Exit status is CTest's: non-zero when
# any test fails or when no test ran.
#
# Extra arguments go to ctest, e.g. tests/run.sh -R storage
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

"$root/installer/install-deps.sh"
cmake --preset dev
cmake --build --preset dev --parallel "$(nproc)"
ctest --preset dev --parallel "$(nproc)" "$@"
