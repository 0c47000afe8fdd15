#!/usr/bin/env bash
# The ARM64 packages built on a clean Debian 12 (soak label; needs root, debootstrap and
# the Debian mirror): installer/cross-build-arm64.sh run as it is, inside a minbase
# bookworm root made by debootstrap (the tarball cached by chroot-install.sh), so the
# arm64 -dev packages never touch this machine's own root. The script adds the arm64
# architecture, installs crossbuild-essential-arm64 and the :arm64 libraries there,
# cross-builds, runs `tongban-cli --version` and the unit tests under qemu-user and
# makes the packages; they are copied to OUTDIR with the log.
#   arm64-chroot.sh SOURCE_DIR OUTDIR
# TONGBAN_ARM64_ROOT=/var/tmp/dir keeps (and reuses) the root, with its installed
# packages and build tree, instead of a throwaway one.
set -uo pipefail
src="$1" out="$2"
cache="${TONGBAN_CHROOT_CACHE:-/var/cache/tongban-chroot}"
mirror="${TONGBAN_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
[[ $(id -u) -eq 0 ]] || { echo "arm64-chroot: needs root (chroot)"; exit 1; }
command -v debootstrap >/dev/null || { echo "arm64-chroot: debootstrap missing (installer/install-deps.sh)"; exit 1; }

keep="${TONGBAN_ARM64_ROOT:-}"
if [[ -n "$keep" ]]; then
    root="$keep"
    mkdir -p "$root"
else
    root="$(mktemp -d /var/tmp/tongban-arm64.XXXXXX)"
fi
chmod 755 "$root"
cleanup() {
    for m in proc/sys/fs/binfmt_misc proc dev/pts dev var/cache/apt/archives; do mountpoint -q "$root/$m" && umount -l "$root/$m"; done
    [[ -z "$keep" ]] && rm -rf --one-file-system "$root"
}
trap cleanup EXIT
t0=$(date +%s)
mkdir -p "$cache" "$out"
if [[ ! -x "$root/usr/bin/apt-get" ]]; then
    if [[ ! -f "$cache/bookworm-minbase.tar" ]]; then
        debootstrap --variant=minbase bookworm "$root" "$mirror" >"$cache/debootstrap.log" 2>&1 \
            || { tail -20 "$cache/debootstrap.log"; echo "FAIL: debootstrap"; exit 1; }
        tar -C "$root" -cf "$cache/bookworm-minbase.tar" .
        echo "info: debootstrap made the root in $(($(date +%s) - t0)) s (cached in $cache)"
    else
        tar -C "$root" -xf "$cache/bookworm-minbase.tar"
        echo "info: root unpacked from the cache in $(($(date +%s) - t0)) s"
    fi
fi
chmod 755 "$root"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mkdir -p "$cache/archives/partial"
mount --bind "$cache/archives" "$root/var/cache/apt/archives"
cp /etc/resolv.conf "$root/etc/resolv.conf"
rm -f "$root/etc/apt/apt.conf.d/docker-clean"
echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' >"$root/etc/apt/apt.conf.d/90keep"

# The tree as git has it (tracked and new files, no build folders): what a clean checkout holds.
mkdir -p "$root/src"
# A kept root keeps its build tree (build/) only: files removed from the tree go.
find "$root/src" -mindepth 1 -maxdepth 1 ! -name build -exec rm -rf {} +
rm -rf "$root/src/build/arm64/packages" # never report an earlier run's packages
(cd "$src" && git ls-files -z --cached --others --exclude-standard) \
    | (cd "$src" && tar --null -T - -cf -) | tar -C "$root/src" -xf -

log="$out/cross-build-arm64.log"
t0=$(date +%s)
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive TONGBAN_JOBS="${TONGBAN_JOBS:-2}" \
    nice -n 10 /src/installer/cross-build-arm64.sh >"$log" 2>&1
rc=$?
echo "info: cross-build-arm64.sh in the root: exit $rc after $(($(date +%s) - t0)) s (log: $log)"
grep '^cross-build-arm64:' "$log"
shopt -s nullglob
debs=("$root"/src/build/arm64/packages/*.deb)
((${#debs[@]})) && cp "${debs[@]}" "$out/"
failures=0
for p in tongban tongban-hub; do
    f=("$out/${p}"_*_arm64.deb)
    if ((${#f[@]} == 1)) && [[ "$(dpkg-deb -f "${f[0]}" Architecture)" == arm64 ]]; then
        echo "ok: ${f[0]##*/} ($(stat -c %s "${f[0]}") bytes; Depends: $(dpkg-deb -f "${f[0]}" Depends | cut -c1-120)...)"
    else
        echo "FAIL: no arm64 package $p"; failures=$((failures + 1))
    fi
done
grep -Eq "^cross-build-arm64: tongban-cli --version: .* [0-9]+\.[0-9]+\.[0-9]+" "$log" || { echo "FAIL: tongban-cli --version under qemu"; failures=$((failures + 1)); }
grep -q '^cross-build-arm64: unit tests: 100% tests passed' "$log" || { echo "FAIL: unit tests under qemu"; failures=$((failures + 1)); }
((rc == 0)) || { tail -30 "$log"; failures=$((failures + 1)); }
echo "arm64-chroot: $failures failure(s)"
((failures == 0))
