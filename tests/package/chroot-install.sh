#!/usr/bin/env bash
# The packages on a clean Debian 12 (soak label; needs root, debootstrap and the
# Debian mirror): a minbase root made by debootstrap (cached as a tarball), then
# inside it, through a chroot:
#   apt-get install ./tongban_*.deb ./tongban-hub_*.deb  (dependencies from the mirror)
#   tongban-cli --version; the hub started with its unit's command line as its system
#   user; the hall's settings and `tongban-cli setup`; `tongban-cli diagnose --json`
#   against the hub; `tongban --report-ready` (offscreen platform);
#   an upgrade to a newer build of the packages: the hall settings edited by IT, the hub's
#   data and the window's data survive; remove keeps the hub's data, purge deletes it.
#   a case left waiting in the window's outbox before the upgrade (SEED_TOOL, the product's
#   own transmit path) is still waiting, under the same number, after it;
#   chroot-install.sh SOURCE_DIR BUILD_DIR PACKAGE_DIR SEED_TOOL
set -uo pipefail
src="$1" build="$2" pkgs="$3" seed="${4:-}"
cache="${TONGBAN_CHROOT_CACHE:-/var/cache/tongban-chroot}"
mirror="${TONGBAN_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
[[ $(id -u) -eq 0 ]] || { echo "chroot-install: needs root (chroot)"; exit 1; }
command -v debootstrap >/dev/null || { echo "chroot-install: debootstrap missing (installer/install-deps.sh)"; exit 1; }

root="$(mktemp -d /var/tmp/tongban-chroot.XXXXXX)"
chmod 755 "$root"   # the new system's /, for its users too
hubpid=""
cleanup() {
    [[ -n "$hubpid" ]] && kill "$hubpid" 2>/dev/null
    for m in proc dev/pts dev var/cache/apt/archives; do mountpoint -q "$root/$m" && umount -l "$root/$m"; done
    rm -rf --one-file-system "$root"
}
trap cleanup EXIT
t0=$(date +%s)
mkdir -p "$cache"
if [[ ! -f "$cache/bookworm-minbase.tar" ]]; then
    debootstrap --variant=minbase bookworm "$root" "$mirror" >"$cache/debootstrap.log" 2>&1 \
        || { tail -20 "$cache/debootstrap.log"; echo "FAIL: debootstrap"; exit 1; }
    tar -C "$root" -cf "$cache/bookworm-minbase.tar" .
    echo "info: debootstrap made the root in $(($(date +%s) - t0)) s (cached in $cache)"
else
    tar -C "$root" -xf "$cache/bookworm-minbase.tar"
    echo "info: root unpacked from the cache in $(($(date +%s) - t0)) s"
fi
chmod 755 "$root"   # the tarball's top folder may carry mktemp's 0700
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
# Downloaded packages kept between runs.
mkdir -p "$cache/archives/partial"
mount --bind "$cache/archives" "$root/var/cache/apt/archives"
cp /etc/resolv.conf "$root/etc/resolv.conf"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
# Keep the downloaded packages (minbase's apt deletes them after installing).
rm -f "$root/etc/apt/apt.conf.d/docker-clean"
echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' >"$root/etc/apt/apt.conf.d/90keep"

# The packages: this build, and a newer build of the same tree for the upgrade.
shopt -s nullglob
v1=("$pkgs"/tongban_*.deb "$pkgs"/tongban-hub_*.deb)
((${#v1[@]} == 2)) || { echo "FAIL: packages missing in $pkgs"; exit 1; }
version="$(dpkg-deb -f "${v1[0]}" Version)"
next="$version+upgrade1"
(cd "$build" && cpack -G DEB -B "$root/tmp/v2" -D CPACK_DEBIAN_PACKAGE_VERSION="$next" >/dev/null 2>&1) \
    || { echo "FAIL: cpack of the newer build"; exit 1; }
mkdir -p "$root/tmp/v1"
cp "${v1[@]}" "$root/tmp/v1/"

# --- install ----------------------------------------------------------------------------
t0=$(date +%s)
in_root apt-get update -qq >"$root/tmp/update.log" 2>&1 || { cat "$root/tmp/update.log"; echo "FAIL: apt-get update in the root"; exit 1; }
before=$(in_root dpkg-query -W -f='.\n' | wc -l)
in_root apt-get install -y -q --no-install-recommends $(cd "$root" && ls tmp/v1/*.deb | sed 's#^#/#') >"$root/tmp/install.log" 2>&1
if in_root dpkg-query -W -f='${Status}\n' tongban tongban-hub 2>/dev/null | grep -c "install ok installed" | grep -q 2; then
    after=$(in_root dpkg-query -W -f='.\n' | wc -l)
    pass "apt-get install ./tongban_*.deb ./tongban-hub_*.deb on a clean bookworm: $((after - before)) packages in $(($(date +%s) - t0)) s"
else
    tail -30 "$root/tmp/install.log"; fail "apt-get install"; exit 1
fi
got="$(in_root tongban-cli --version 2>&1)"
[[ "$got" == *"${version%%+*}"* ]] && pass "tongban-cli --version: $got" || fail "tongban-cli --version: $got"
in_root getent passwd tongban-hub >/dev/null && pass "system user tongban-hub" || fail "no user tongban-hub"
# Names resolved inside the new system (its users are not this machine's).
[[ "$(in_root stat -c '%U %a' /var/lib/tongban-hub)" == "tongban-hub 750" ]] && pass "/var/lib/tongban-hub tongban-hub 0750" || fail "data folder: $(in_root stat -c '%U %a' /var/lib/tongban-hub)"
[[ "$(in_root stat -c '%U:%G %a' /etc/tongban-hub/tls)" == "root:tongban-hub 750" ]] && pass "/etc/tongban-hub/tls root:tongban-hub 0750" || fail "TLS folder: $(in_root stat -c '%U:%G %a' /etc/tongban-hub/tls)"
hubuid="$(in_root id -u tongban-hub)"

# --- the hub, from its unit's command line, as its user ------------------------------------
port=$((20000 + RANDOM % 20000))
execstart="$(sed -n 's/^ExecStart=//p' "$root/lib/systemd/system/tongban-hub.service")"
execstart="${execstart//\$TONGBAN_HUB_OPTIONS/--listen 127.0.0.1:$port}"
# shellcheck disable=SC2086
chroot --userspec=tongban-hub:tongban-hub "$root" /usr/bin/env -i HOME=/var/lib/tongban-hub $execstart --seed-demo >"$root/tmp/hub.log" 2>&1 &
hubpid=$!
for _ in $(seq 1 100); do grep -q "127.0.0.1:$port" "$root/tmp/hub.log" && break; sleep 0.2; done
grep -q "127.0.0.1:$port" "$root/tmp/hub.log" && pass "hub started as tongban-hub: $execstart" || { cat "$root/tmp/hub.log"; fail "hub did not start"; }
[[ -n "$(find "$root/var/lib/tongban-hub" -uid "$hubuid" -name 'hub.db' | head -1)" ]] && pass "hub data owned by tongban-hub" || fail "hub data not written"

# --- a window: hall settings, setup, diagnose, the window itself ---------------------------------
in_root useradd -m clerk
cat >>"$root/etc/xdg/tongban/tongban.conf" <<CONF

[platform]
url=http://127.0.0.1:$port
CONF
as_clerk() { chroot --userspec=clerk:clerk "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/home/clerk LANG=C.UTF-8 "$@"; }
as_clerk tongban-cli setup --window 410403-tb-02 --name 卫东区2号通办窗口 >"$root/tmp/setup.log" 2>&1 \
    && pass "tongban-cli setup" || { cat "$root/tmp/setup.log"; fail "setup"; }
as_clerk tongban-cli --json diagnose >"$root/tmp/diagnose.json" 2>"$root/tmp/diagnose.err"
status_of() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(next(c['status'] for c in d['checks'] if c['id']==sys.argv[2]))" "$root/tmp/diagnose.json" "$1"; }
for check in settings database platform clock; do
    s="$(status_of $check 2>/dev/null)"
    [[ "$s" == ok ]] && pass "diagnose $check: ok" || fail "diagnose $check: ${s:-absent} ($(cat "$root/tmp/diagnose.err"))"
done
ready="$(as_clerk env QT_QPA_PLATFORM=offscreen timeout 60 tongban --report-ready 2>"$root/tmp/gui.err")"
[[ "$ready" == ready* ]] && pass "tongban --report-ready (offscreen): $ready" || fail "tongban --report-ready: $ready $(tail -5 "$root/tmp/gui.err")"
kill "$hubpid"; wait "$hubpid" 2>/dev/null; hubpid=""

# A case transmitted while the platform is down waits in the outbox over the upgrade.
pending_of() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['counts'].get('pending', 0))" "$1"; }
case_number=""
if [[ -x "$seed" ]]; then
    cp "$seed" "$root/tmp/seed-pending-case"
    seeded="$(as_clerk /tmp/seed-pending-case /home/clerk/.local/share/tongban 41040201012001000 xh-tb-03-wangli 2>"$root/tmp/seed.err")"
    case_number="${seeded#pending }"
    as_clerk tongban-cli --json outbox status >"$root/tmp/outbox-before.json" 2>"$root/tmp/outbox-before.err"
    if [[ "$seeded" == pending\ * && "$(pending_of "$root/tmp/outbox-before.json")" == 1 ]]; then
        pass "a case waits in the outbox before the upgrade: $case_number"
    else
        fail "no pending case before the upgrade: $seeded $(cat "$root/tmp/seed.err") $(head -c 300 "$root/tmp/outbox-before.json")"
    fi
else
    fail "the seeding tool is missing (4th argument): no pending case to carry over"
fi

# --- upgrade ------------------------------------------------------------------------------
echo "idleLockMinutes=7" >>"$root/etc/xdg/tongban/tongban.conf"   # IT's edit of the conffile
hubdb_before="$(cd "$root/var/lib/tongban-hub" && find . -type f | sort | xargs sha256sum | sha256sum)"
t0=$(date +%s)
if in_root apt-get install -y -q -o Dpkg::Options::=--force-confold $(cd "$root" && ls tmp/v2/*.deb | sed 's#^#/#') >"$root/tmp/upgrade.log" 2>&1; then
    pass "upgrade $version -> $next in $(($(date +%s) - t0)) s"
else
    tail -20 "$root/tmp/upgrade.log"; fail "upgrade"
fi
[[ "$(in_root dpkg-query -W -f='${Version}' tongban)" == "$next" ]] && pass "tongban $next installed" || fail "version after upgrade"
grep -q "url=http://127.0.0.1:$port" "$root/etc/xdg/tongban/tongban.conf" && grep -q "idleLockMinutes=7" "$root/etc/xdg/tongban/tongban.conf" \
    && pass "hall settings edited by IT kept" || fail "hall settings lost"
[[ "$(cd "$root/var/lib/tongban-hub" && find . -type f | sort | xargs sha256sum | sha256sum)" == "$hubdb_before" ]] \
    && pass "hub data unchanged by the upgrade" || fail "hub data changed"
[[ -f "$root/home/clerk/.local/share/tongban/workstation.sqlite" ]] && grep -q "410403-tb-02" "$root/home/clerk/.local/share/tongban/tongban.conf" \
    && pass "window data and identity kept" || fail "window data lost"
as_clerk tongban-cli storage check >/dev/null 2>&1 && pass "window database opens after the upgrade" || fail "storage check after upgrade"
as_clerk tongban-cli --json outbox status >"$root/tmp/outbox-after.json" 2>"$root/tmp/outbox-after.err"
if [[ -n "$case_number" && "$(pending_of "$root/tmp/outbox-after.json" 2>/dev/null)" == 1 ]] \
    && grep -q "$case_number" "$root/tmp/outbox-after.json"; then
    pass "the pending case survives the upgrade: $case_number still waiting"
else
    fail "pending case after the upgrade: $(head -c 300 "$root/tmp/outbox-after.json")"
fi

# --- remove, purge --------------------------------------------------------------------------
in_root apt-get remove -y -q tongban-hub tongban >/dev/null 2>&1 && pass "remove" || fail "remove"
[[ -d "$root/var/lib/tongban-hub" && -f "$root/etc/xdg/tongban/tongban.conf" ]] && pass "remove keeps hub data and hall settings" || fail "remove deleted data"
in_root apt-get purge -y -q tongban-hub tongban >/dev/null 2>&1 && pass "purge" || fail "purge"
[[ ! -e "$root/var/lib/tongban-hub" && ! -e "$root/etc/tongban-hub" && ! -e "$root/etc/xdg/tongban" ]] && pass "purge deletes hub data and settings" || fail "purge left: $(ls -d "$root"/var/lib/tongban-hub "$root"/etc/tongban-hub "$root"/etc/xdg/tongban 2>/dev/null)"
[[ -f "$root/home/clerk/.local/share/tongban/workstation.sqlite" ]] && pass "purge leaves the clerk's home alone" || fail "purge touched the home"

echo "chroot-install: $failures failure(s)"
((failures == 0))
