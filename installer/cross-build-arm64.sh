#!/usr/bin/env bash
# Cross-builds the arm64 packages (tongban, tongban-hub) on an amd64 Debian 12
# machine with Debian's cross toolchain and multiarch libraries, then runs
# `tongban-cli --version` and the unit tests under qemu-user (docs/arm64.md).
#
# qemu-user comes from bookworm-backports (10.0): Debian 12's own qemu-user 7.2
# refuses the clone(CLONE_VM|CLONE_VFORK|CLONE_PIDFD) with which Qt 6.4's
# QProcess starts every child (CLONE_PIDFD is emulated from qemu 8.0 on), so no
# test that starts tongban-hub, pdftotext or GStreamer's plugin scanner could
# run. An arm64 child started by an emulated test (tongban-hub) is run by the
# kernel through a binfmt_misc entry for arm64 programs that this script
# registers for the test run (and removes after) when none is there.
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
    codename="$(. /etc/os-release && echo "$VERSION_CODENAME")"
    echo "deb http://deb.debian.org/debian $codename-backports main" \
        >/etc/apt/sources.list.d/tongban-backports.list
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        -t "$codename-backports" qemu-user
    # The tests' own needs: CJK fonts for the notices' PDFs (as installer/install-deps.sh),
    # pdftotext and pdftoppm (amd64 programs, run natively by the emulated tests), GStreamer's
    # arm64 plugins for the QR reader (pngdec, videoconvert, zbar).
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        fonts-noto-cjk fonts-wqy-microhei poppler-utils \
        gstreamer1.0-plugins-base:arm64 gstreamer1.0-plugins-good:arm64 \
        gstreamer1.0-plugins-bad:arm64
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        crossbuild-essential-arm64 cmake ninja-build pkg-config file dpkg-dev \
        qt6-base-dev-tools qt6-tools-dev-tools qt6-l10n-tools \
        qt6-base-dev qt6-tools-dev \
        qt6-base-dev:arm64 qt6-multimedia-dev:arm64 qt6-websockets-dev:arm64 \
        qt6-svg-dev:arm64 qt6-tools-dev:arm64 libqt6sql6-sqlite:arm64 \
        libgl-dev:arm64 qtkeychain-qt6-dev:arm64 libopencv-dev:arm64 libturbojpeg0-dev:arm64 libjpeg-dev:arm64 \
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
# The tests' time limits are multiplied by this (cmake/TongbanModule.cmake): under qemu-user the
# unit tests ran 7 to 10 times as long as the native debug build's on the same machine
# (tst_catalogparser 8.7x, tst_catalogsearch 7.3x, tst_deskew 9.3x; docs/arm64.md).
factor="${TONGBAN_TEST_TIME_FACTOR:-10}"
start=$(date +%s)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
    -DTONGBAN_TEST_TIME_FACTOR="$([[ $tests == 1 ]] && echo "$factor" || echo 1)" \
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
echo "cross-build-arm64: $(qemu-aarch64 --version | head -1)"
echo "cross-build-arm64: tongban-cli --version: $(qemu-aarch64 "$build/bin/tongban-cli" --version)"

# An arm64 program started by an emulated one (a test starting tongban-hub) is run by the kernel:
# it needs a binfmt_misc entry sending arm64 programs to qemu-aarch64. The interpreter path is
# looked up at each start in the starting process's root, so inside a chroot it is the
# chroot's qemu-aarch64. The magic and mask are those of QEMU's scripts/qemu-binfmt-conf.sh.
binfmt=/proc/sys/fs/binfmt_misc
binfmt_entry=""
binfmt_mounted=0
arm64_magic='7f454c460201010000000000000000000200b700'
ensure_binfmt() {
    if [[ ! -e "$binfmt/register" ]]; then
        mount -t binfmt_misc binfmt_misc "$binfmt" 2>/dev/null && binfmt_mounted=1
    fi
    [[ -e "$binfmt/register" ]] || { echo "cross-build-arm64: no binfmt_misc here: tests that start an arm64 child will fail"; return 0; }
    if grep -lqs "^magic $arm64_magic" "$binfmt"/*; then
        echo "cross-build-arm64: binfmt_misc: arm64 programs already have an entry ($(grep -ls "^magic $arm64_magic" "$binfmt"/* | head -1))"
        return 0
    fi
    printf '%s' ':tongban-aarch64:M::\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00:\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff:/usr/bin/qemu-aarch64:' \
        >"$binfmt/register" && binfmt_entry="$binfmt/tongban-aarch64" \
        && echo "cross-build-arm64: binfmt_misc: arm64 programs sent to /usr/bin/qemu-aarch64 for the test run"
    return 0
}
drop_binfmt() {
    [[ -n "$binfmt_entry" && -e "$binfmt_entry" ]] && echo -1 >"$binfmt_entry"
    ((binfmt_mounted)) && umount "$binfmt"
    binfmt_entry="" binfmt_mounted=0
    return 0
}

if ((tests)); then
    trap drop_binfmt EXIT
    ensure_binfmt || true
    start=$(date +%s)
    # Left out: tst_platform_session needs the Secret Service (gnome-keyring) of a desktop
    # session; the tus interoperability tests need Node.js and npm; soak tests are long.
    names=()
    for unit in "${units[@]}"; do
        mapfile -t -O "${#names[@]}" names < <(ctest --test-dir "$build/tests/unit/$unit" -N \
            | sed -n 's/^ *Test *#[0-9]*: *//p')
    done
    regex="^($(IFS='|'; echo "${names[*]}"))\$"
    (cd "$build" && ctest -R "$regex" -E 'platform_session|tus_server_install|tusinterop|^soak_' --output-on-failure \
        --timeout $((600 * factor)) --parallel "$jobs") | tee "$build/unit-tests.log" || true
    echo "cross-build-arm64: unit tests: $(grep -m1 'tests passed' "$build/unit-tests.log")"
    echo "cross-build-arm64: unit tests under qemu-user in $(($(date +%s) - start)) s (time factor $factor)"
    drop_binfmt
fi

(cd "$build" && cpack -G DEB -B "$build/packages")
rm -rf "$build/packages/_CPack_Packages"
ls -l "$build"/packages/*.deb
