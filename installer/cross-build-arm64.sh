#!/usr/bin/env bash
# Cross-builds the arm64 packages (tongban, tongban-hub) on an amd64 Debian 12
# machine with Debian's cross toolchain and multiarch libraries, then runs
# `tongban-cli --version` and the unit tests under qemu-user.
#
#   installer/cross-build-arm64.sh [--no-deps] [--no-tests]
#
# Output: build/arm64/packages/tongban_<version>_arm64.deb, tongban-hub_..._arm64.deb.
# The host's Qt tools (moc, rcc, lrelease: amd64) generate code; Qt and every
# other library come from the :arm64 packages. Installing the :arm64 -dev
# packages adds about 1 GB; it needs root (apt-get) once.
#
# Run it on a machine (or a debootstrap root) of its own, never on a shared
# development machine: libopencv-dev is not "Multi-Arch: same" in Debian 12, so
# installing libopencv-dev:arm64 removes libopencv-dev:amd64 and breaks the
# native build. A throwaway root: the cached bookworm tarball of
# tests/package/chroot-install.sh, unpacked, with this tree bind-mounted.
#
# tests/package/arm64-chroot.sh does exactly that (soak label): it runs this script
# in a fresh bookworm root. TONGBAN_JOBS sets the parallel jobs (default: nproc).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build/arm64"
deps=1 tests=1
for arg in "$@"; do
    case "$arg" in
    --no-deps) deps=0 ;;
    --no-tests) tests=0 ;;
    *) echo "usage: $0 [--no-deps] [--no-tests]" >&2; exit 2 ;;
    esac
done

if ((deps)); then
    [[ $(id -u) -eq 0 ]] || { echo "cross-build-arm64: run as root once to install the arm64 packages" >&2; exit 1; }
    dpkg --add-architecture arm64
    # qt6-base-dev and qt6-tools-dev for the build machine (amd64) hold the CMake files
    # of Qt's code generators (Qt6CoreTools, Qt6LinguistTools) that QT_HOST_PATH points to.
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        crossbuild-essential-arm64 qemu-user cmake ninja-build pkg-config file dpkg-dev \
        qt6-base-dev-tools qt6-tools-dev-tools qt6-l10n-tools \
        qt6-base-dev qt6-tools-dev \
        qt6-base-dev:arm64 qt6-multimedia-dev:arm64 qt6-websockets-dev:arm64 \
        qt6-svg-dev:arm64 qt6-tools-dev:arm64 libqt6sql6-sqlite:arm64 \
        libgl-dev:arm64 qtkeychain-qt6-dev:arm64 libopencv-dev:arm64 libturbojpeg0-dev:arm64 \
        libqrencode-dev:arm64 libgstreamer1.0-dev:arm64 libgstreamer-plugins-base1.0-dev:arm64 \
        libgstreamer-plugins-bad1.0-dev:arm64 libsane-dev:arm64 libcups2-dev:arm64 libssl-dev:arm64
fi

toolchain="$build/aarch64-toolchain.cmake"
mkdir -p "$build"
cat >"$toolchain" <<'CMAKE'
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu /usr/lib/aarch64-linux-gnu/cmake)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
# Qt's code generators run on the build machine.
set(QT_HOST_PATH /usr)
set(QT_HOST_PATH_CMAKE_DIR /usr/lib/x86_64-linux-gnu/cmake)
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)
# Tests and tools built for arm64 run under qemu-user with the multiarch libraries.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64)
CMAKE

jobs="${TONGBAN_JOBS:-$(nproc)}"
start=$(date +%s)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTONGBAN_BUILD_TESTS="$([[ $tests == 1 ]] && echo ON || echo OFF)" \
    -DTONGBAN_BUILD_BENCHMARKS=OFF -DCPACK_DEBIAN_PACKAGE_ARCHITECTURE=arm64
# The packaged programs, and the unit tests (tests/unit; the GUI, CUPS, hub and soak tests
# need the devices and services of a real machine).
targets=(tongban tongban-cli tongban-hub)
units=()
if ((tests)); then
    for dir in "$root"/tests/unit/*/CMakeLists.txt; do
        unit="$(basename "$(dirname "$dir")")"
        units+=("$unit")
        targets+=("tests/unit/$unit/all")
    done
fi
cmake --build "$build" --parallel "$jobs" --target "${targets[@]}"
echo "cross-build-arm64: built in $(($(date +%s) - start)) s"
file "$build/bin/tongban-cli" | grep -q 'ARM aarch64' \
    || { echo "cross-build-arm64: tongban-cli is not an arm64 program" >&2; exit 1; }

# qemu-user runs the arm64 programs with the :arm64 libraries of the multiarch folders.
echo "cross-build-arm64: tongban-cli --version: $(qemu-aarch64 "$build/bin/tongban-cli" --version)"

if ((tests)); then
    start=$(date +%s)
    # Left out: tst_platform_session needs the Secret Service (gnome-keyring) of a desktop
    # session; the tus interoperability tests need Node.js and npm; soak tests are long.
    names=()
    for unit in "${units[@]}"; do
        mapfile -t -O "${#names[@]}" names < <(ctest --test-dir "$build/tests/unit/$unit" -N \
            | sed -n 's/^ *Test *#[0-9]*: *//p')
    done
    regex="^($(IFS='|'; echo "${names[*]}"))\$"
    (cd "$build" && ctest -R "$regex" -E 'platform_session|tus_server_install|tusinterop|^soak_' --output-on-failure --timeout 600 \
        --parallel "$jobs") | tee "$build/unit-tests.log" || true
    echo "cross-build-arm64: unit tests: $(grep -m1 'tests passed' "$build/unit-tests.log")"
    echo "cross-build-arm64: unit tests under qemu-user in $(($(date +%s) - start)) s"
fi

(cd "$build" && cpack -G DEB -B "$build/packages")
rm -rf "$build/packages/_CPack_Packages"
ls -l "$build"/packages/*.deb
