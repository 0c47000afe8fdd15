#!/usr/bin/env bash
# Sets this machine up, then:
#  1. builds the dev preset (gcc, debug, warnings as errors) and runs the suite;
#  2. builds the fuzz preset (clang, ASan + UBSan + coverage) and runs each
#     libFuzzer target for a bounded time on its seed corpus.
# Exit status is non-zero when any test fails or when no test ran.
#
# Extra arguments go to the first ctest, e.g. tests/run.sh -R storage
# (TONGBAN_SKIP_FUZZ=1 skips step 2 during development).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

"$root/installer/install-deps.sh"

cmake --preset dev
cmake --build --preset dev --parallel "$(nproc)"
status=0
ctest --preset dev --parallel "$(nproc)" "$@" || status=$?

if [[ -z "${TONGBAN_SKIP_FUZZ:-}" ]]; then
    cmake --preset fuzz
    cmake --build --preset fuzz --parallel "$(nproc)"
    ctest --preset fuzz || status=$?
fi
exit "$status"
