#!/usr/bin/env bash
# Installs every Debian 12 package Tongban Workstation needs to build, run and
# test. Idempotent: packages already present are left alone, and the package
# lists are refreshed once per run, only when something is missing.
#
# Used by the README commands, by CI (.ci/run) and by hall IT staff preparing a
# Linux workstation. Must run as root (or through sudo).
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git clang-format tesseract-ocr tesseract-ocr-chi-sim
    clang libclang-rt-14-dev
    googletest libgtest-dev libbenchmark-dev
    # Qt 6.4
    qt6-base-dev qt6-base-dev-tools libgl-dev libqt6sql6-sqlite
    qt6-multimedia-dev qt6-websockets-dev qt6-httpserver-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-qpa-plugins
    # keychain, imaging, codes
    qt6-svg-dev qtkeychain-qt6-dev libopencv-dev libturbojpeg0-dev libjpeg-dev libqrencode-dev unpaper
    # video assistance
    libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
    libgstreamer-plugins-bad1.0-dev gstreamer1.0-plugins-base
    gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-nice
    # scanners
    libsane-dev sane-utils
    # printing
    cups cups-client libcups2-dev printer-driver-cups-pdf poppler-utils
    # SHA-256 of pages with the CPU's SHA extensions
    libssl-dev
    # TURN relay for calls across halls (issue 15: tests/integration/hub/tst_callturn,
    # docs/turn-server.md) and the network namespaces that test it
    coturn iproute2
    # peers in benchmarks (curl against the hub)
    curl
    # credentials (Secret Service), display, fonts
    gnome-keyring dbus libsecret-1-0 xvfb xauth fonts-noto-cjk fonts-wqy-microhei
    sqlite3
    # Debian packages and the hall repository (tests/package, installer/make-repo.sh)
    lintian reprepro gnupg file desktop-file-utils appstream debootstrap
)

# Interoperability tests run the reference tus implementations from npm; use
# the machine's Node.js when it has one, Debian's otherwise.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    packages+=(nodejs npm)
fi

if [[ $(id -u) -ne 0 ]]; then
    exec sudo -E "$0" "$@"
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#packages[@]} packages already installed"
    exit 0
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
echo "install-deps: done"
