#!/usr/bin/env bash
# Inspects the packages built by build-packages.sh without installing them into
# this machine's root: fields and dependencies, files and their modes, the
# maintainer scripts, the systemd unit, the desktop entry and AppStream data,
# then lintian (no errors). Extracted binaries must run.
#   check-packages.sh SOURCE_DIR PACKAGE_DIR
set -uo pipefail
src="$1" dir="$2"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

shopt -s nullglob
ws=("$dir"/tongban_*.deb)
hub=("$dir"/tongban-hub_*.deb)
((${#ws[@]} == 1)) || { echo "FAIL: expected one tongban_*.deb in $dir"; exit 1; }
((${#hub[@]} == 1)) || { echo "FAIL: expected one tongban-hub_*.deb in $dir"; exit 1; }
ws="${ws[0]}" hub="${hub[0]}"

field() { dpkg-deb -f "$1" "$2"; }
has() { # has WHAT HAYSTACK NEEDLE...
    local what="$1" hay="$2"; shift 2
    for needle in "$@"; do
        if grep -qF -- "$needle" <<<"$hay"; then pass "$what has $needle"; else fail "$what lacks $needle"; fi
    done
}

# --- control fields ---------------------------------------------------------
[[ "$(field "$ws" Package)" == tongban ]] && pass "package name tongban" || fail "package name $(field "$ws" Package)"
[[ "$(field "$hub" Package)" == tongban-hub ]] && pass "package name tongban-hub" || fail "hub package name"
wsdeps="$(field "$ws" Depends)"
hubdeps="$(field "$hub" Depends)"
# dpkg-shlibdeps found the libraries; the explicit runtime packages are there too.
has "tongban Depends" "$wsdeps" libqt6core6 libqt6widgets6 libqt6multimedia6 libqt6network6 \
    libqt6sql6-sqlite libc6 gnome-keyring cups-client gstreamer1.0-plugins-good \
    gstreamer1.0-plugins-bad gstreamer1.0-nice fonts-noto-cjk
has "tongban-hub Depends" "$hubdeps" adduser libqt6websockets6 libqt6sql6-sqlite
[[ -n "$(field "$ws" Maintainer)" && -n "$(field "$ws" Description)" ]] && pass "maintainer and description" || fail "maintainer or description empty"

# --- files and modes ----------------------------------------------------------
wsfiles="$(dpkg-deb -c "$ws")"
hubfiles="$(dpkg-deb -c "$hub")"
mode_of() { awk -v p="./$2" '$6 == p { print $1 " " $2 }' <<<"$1"; }
expect_mode() { # expect_mode LIST PATH MODE
    local got; got="$(mode_of "$1" "$2")"
    [[ "$got" == "$3 root/root" ]] && pass "$2 $3 root/root" || fail "$2 is '${got:-absent}', expected $3 root/root"
}
expect_mode "$wsfiles" usr/bin/tongban -rwxr-xr-x
expect_mode "$wsfiles" usr/bin/tongban-cli -rwxr-xr-x
expect_mode "$wsfiles" usr/share/applications/org.tongban.Workstation.desktop -rw-r--r--
expect_mode "$wsfiles" usr/share/metainfo/org.tongban.Workstation.metainfo.xml -rw-r--r--
expect_mode "$wsfiles" usr/share/icons/hicolor/scalable/apps/org.tongban.Workstation.svg -rw-r--r--
expect_mode "$wsfiles" etc/xdg/tongban/tongban.conf -rw-r--r--
expect_mode "$wsfiles" usr/share/doc/tongban/copyright -rw-r--r--
expect_mode "$wsfiles" usr/share/doc/tongban/changelog.gz -rw-r--r--
expect_mode "$hubfiles" usr/bin/tongban-hub -rwxr-xr-x
expect_mode "$hubfiles" lib/systemd/system/tongban-hub.service -rw-r--r--
expect_mode "$hubfiles" etc/tongban-hub/tongban-hub.env -rw-r--r--
expect_mode "$hubfiles" usr/share/doc/tongban-hub/copyright -rw-r--r--
# A man page for every binary (lintian: no-manual-page), gzipped, and man renders each
# without a warning.
expect_mode "$wsfiles" usr/share/man/man1/tongban.1.gz -rw-r--r--
expect_mode "$wsfiles" usr/share/man/man1/tongban-cli.1.gz -rw-r--r--
expect_mode "$hubfiles" usr/share/man/man8/tongban-hub.8.gz -rw-r--r--
mkdir -p "$tmp/man"
dpkg-deb -x "$ws" "$tmp/man"
dpkg-deb -x "$hub" "$tmp/man"
for page in man1/tongban.1.gz man1/tongban-cli.1.gz man8/tongban-hub.8.gz; do
    file="$tmp/man/usr/share/man/$page"
    if [[ ! -f "$file" ]]; then
        fail "$page missing"
        continue
    fi
    warnings="$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$file" 2>&1 >"$tmp/man.txt")"
    [[ -z "$warnings" ]] && pass "$page renders without warnings" || fail "$page: $warnings"
    grep -q "^NAME" "$tmp/man.txt" && grep -q "^SYNOPSIS" "$tmp/man.txt" && pass "$page has NAME and SYNOPSIS" \
        || fail "$page lacks NAME or SYNOPSIS"
done

# The hub's data is made by postinst (owned by its user), never shipped; the workstation
# ships nothing under /var or /home.
grep -q '\./var/' <<<"$hubfiles$wsfiles" && fail "a package ships files under /var" || pass "nothing shipped under /var"
grep -q 'tongban-hub' <<<"$wsfiles" && fail "tongban ships hub files" || pass "tongban holds no hub files"
# Directories are 0755 (no group- or world-writable folders).
bad_dirs="$(awk '$1 ~ /^d/ && $1 != "drwxr-xr-x" { print $6 " " $1 }' <<<"$wsfiles$hubfiles")"
[[ -z "$bad_dirs" ]] && pass "every folder 0755" || fail "folders with other modes: $bad_dirs"

# --- maintainer scripts and conffiles ---------------------------------------------
mkdir -p "$tmp/ws-control" "$tmp/hub-control"
dpkg-deb -e "$ws" "$tmp/ws-control"
dpkg-deb -e "$hub" "$tmp/hub-control"
[[ "$(cat "$tmp/ws-control/conffiles")" == "/etc/xdg/tongban/tongban.conf" ]] && pass "tongban conffiles" || fail "tongban conffiles: $(cat "$tmp/ws-control/conffiles" 2>/dev/null)"
[[ "$(cat "$tmp/hub-control/conffiles")" == "/etc/tongban-hub/tongban-hub.env" ]] && pass "tongban-hub conffiles" || fail "tongban-hub conffiles"
for script in "$tmp/hub-control/postinst" "$tmp/hub-control/prerm" "$tmp/hub-control/postrm" "$tmp/ws-control/postrm"; do
    name="${script#"$tmp"/}"
    [[ "$(stat -c %a "$script")" == 755 ]] && pass "$name mode 755" || fail "$name mode $(stat -c %a "$script")"
    sh -n "$script" && pass "$name parses (sh -n)" || fail "$name does not parse"
done
postinst="$(cat "$tmp/hub-control/postinst")"
has "hub postinst" "$postinst" "adduser --system --group" "chown tongban-hub:tongban-hub /var/lib/tongban-hub" \
    "chmod 0750 /var/lib/tongban-hub" "chown root:tongban-hub /etc/tongban-hub/tls" "deb-systemd-helper enable"
# Upgrade keeps the data: postinst never deletes, only creates what is missing.
grep -Eq '(^|[;&|[:space:]])rm[[:space:]]' <<<"$postinst" && fail "hub postinst deletes something" || pass "hub postinst deletes nothing"
postrm="$(cat "$tmp/hub-control/postrm")"
# Data is removed only in the purge branch.
purge_block="$(awk '/"\$1" = "purge"/,/^fi/' <<<"$postrm")"
grep -q 'rm -rf /var/lib/tongban-hub' <<<"$purge_block" && pass "purge deletes /var/lib/tongban-hub" || fail "purge keeps the hub's data"
outside="$(awk '/"\$1" = "purge"/,/^fi/ { next } { print }' <<<"$postrm")"
grep -Eq '(^|[;&|[:space:]])rm[[:space:]]' <<<"$outside" && fail "hub postrm deletes outside purge" || pass "remove and upgrade delete nothing"
# Running the purge branch against a scratch root really deletes only the data (the script's
# paths are rewritten into the scratch root; nothing on this machine is touched).
scratch="$tmp/root"
mkdir -p "$scratch/var/lib/tongban-hub/pages" "$scratch/etc/tongban-hub/tls" "$scratch/etc/keep"
echo data >"$scratch/var/lib/tongban-hub/hub.sqlite"
sed -e "s#/var/lib/tongban-hub#$scratch/var/lib/tongban-hub#g" -e "s#/etc/tongban-hub#$scratch/etc/tongban-hub#g" \
    -e "s#/run/systemd/system#$scratch/run/systemd/system#g" -e "s#/usr/bin/deb-systemd-helper#$scratch/none#g" \
    "$tmp/hub-control/postrm" >"$tmp/postrm-scratch"
sh "$tmp/postrm-scratch" remove && [[ -f "$scratch/var/lib/tongban-hub/hub.sqlite" ]] \
    && pass "postrm remove keeps the data" || fail "postrm remove lost the data"
sh "$tmp/postrm-scratch" purge && [[ ! -e "$scratch/var/lib/tongban-hub" && ! -e "$scratch/etc/tongban-hub" && -d "$scratch/etc/keep" ]] \
    && pass "postrm purge deletes the data and TLS folder only" || fail "postrm purge left data or deleted too much"

# --- systemd unit -----------------------------------------------------------------
mkdir -p "$tmp/hub-root" "$tmp/ws-root"
dpkg-deb -x "$hub" "$tmp/hub-root"
dpkg-deb -x "$ws" "$tmp/ws-root"
unit="$tmp/hub-root/lib/systemd/system/tongban-hub.service"
unittext="$(cat "$unit")"
has "unit" "$unittext" "User=tongban-hub" "ExecStart=/usr/bin/tongban-hub --data-dir /var/lib/tongban-hub" \
    "StateDirectory=tongban-hub" "NoNewPrivileges=yes" "ProtectSystem=strict" "ProtectHome=yes" \
    "PrivateTmp=yes" "PrivateDevices=yes" "CapabilityBoundingSet=" "SystemCallFilter=@system-service" \
    "EnvironmentFile=-/etc/tongban-hub/tongban-hub.env" "WantedBy=multi-user.target"
if command -v systemd-analyze >/dev/null; then
    # verify checks the unit's syntax and that ExecStart exists: point it at the packaged binary.
    mkdir -p "$tmp/unit"
    sed "s#^ExecStart=/usr/bin/tongban-hub#ExecStart=$tmp/hub-root/usr/bin/tongban-hub#" "$unit" >"$tmp/unit/tongban-hub.service"
    out="$(systemd-analyze verify "$tmp/unit/tongban-hub.service" 2>&1)"
    if [[ -z "$out" ]] || ! grep -qi 'error\|failed\|unknown' <<<"$out"; then pass "systemd-analyze verify"; else fail "systemd-analyze verify: $out"; fi
    security="$(systemd-analyze security --offline=true --root="$tmp/hub-root" /lib/systemd/system/tongban-hub.service 2>&1 | tail -1)"
    echo "info: $security"
fi
# The command line of the unit, with the packaged env file's options, starts the packaged hub.
# shellcheck disable=SC1090
source "$tmp/hub-root/etc/tongban-hub/tongban-hub.env"
[[ "$TONGBAN_HUB_OPTIONS" == *"--listen 127.0.0.1:"* ]] && pass "default listens on loopback" || fail "default options: $TONGBAN_HUB_OPTIONS"

# --- desktop entry, AppStream ---------------------------------------------------------
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$tmp/ws-root/usr/share/applications/org.tongban.Workstation.desktop" \
        && pass "desktop-file-validate" || fail "desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net --pedantic "$tmp/ws-root/usr/share/metainfo/org.tongban.Workstation.metainfo.xml" >"$tmp/as.log" 2>&1
    grep -q '^E:' "$tmp/as.log" && fail "appstreamcli: $(cat "$tmp/as.log")" || pass "appstreamcli validate (no errors)"
fi
has "hall settings" "$(cat "$tmp/ws-root/etc/xdg/tongban/tongban.conf")" "[platform]" "#url=" "#ca=" \
    "#uploadLimitKbps=" "[hall]" "#region=" "[printer]" "[devices]" "#idleLockMinutes="

# --- the packaged binaries run --------------------------------------------------------
version="$(field "$ws" Version)"
got="$("$tmp/ws-root/usr/bin/tongban-cli" --version 2>&1)"
[[ "$got" == *"$version"* ]] && pass "packaged tongban-cli --version: $got" || fail "tongban-cli --version: $got"
file "$tmp/ws-root/usr/bin/tongban" | grep -q 'not stripped' && fail "tongban not stripped" || pass "binaries stripped"

# --- lintian --------------------------------------------------------------------------
if ! command -v lintian >/dev/null; then
    fail "lintian is missing: run installer/install-deps.sh"
else
    for deb in "$ws" "$hub"; do
        lintian --tag-display-limit 0 --fail-on error "$deb" >"$tmp/lintian.log" 2>&1
        rc=$?
        sed 's/^/    lintian: /' "$tmp/lintian.log"
        ((rc == 0)) && pass "lintian: no errors in $(basename "$deb")" || fail "lintian errors in $(basename "$deb")"
        grep -q 'no-manual-page' "$tmp/lintian.log" && fail "lintian: a binary without a man page in $(basename "$deb")" \
            || pass "lintian: every binary has a man page in $(basename "$deb")"
    done
fi

echo "check-packages: $failures failure(s)"
((failures == 0))
