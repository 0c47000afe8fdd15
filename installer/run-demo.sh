#!/usr/bin/env bash
# Sets this machine up and starts the workstation on its embedded default: a
# local tongban-hub (the platform) with the demo clerks, the sample catalogue,
# simulated devices when no camera is attached, and the window's own data
# folder. The clerk's token goes to a keychain: the desktop's, or a private
# gnome-keyring when there is none.
#
# With a display, the window opens on it: sign in as wd-tb-02-zhaomin with
# the password Tongban@2026 (printed below) and receive a case.
#
# Without one (a server, CI, SSH), the whole journey runs by itself on a
# virtual display (Xvfb) through the real window: a complete case with its
# receipt, then an incomplete one with its one-time notice and its
# correction, printed on a local cups-pdf printer, the case on the hub. A
# screenshot of every screen is saved and the paths are printed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

"$root/installer/install-deps.sh"

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "run-demo: no display found; running the whole journey on a virtual display (Xvfb)"
    cmake --preset dev
    cmake --build --preset dev --target tst_journey tongban-hub tongban --parallel "$(nproc)"
    "$root/tests/integration/cups/cups-fixture.sh" start >/dev/null
    shots="$root/build/screenshots"
    rm -rf "$shots/journey"
    mkdir -p "$shots"
    TONGBAN_SCREENSHOT_DIR="$shots/journey" TONGBAN_FAKE_DEVICES=1 QT_QPA_PLATFORM=xcb \
        dbus-run-session -- xvfb-run -a -s "-screen 0 1366x768x24" \
        "$root/tests/gui/with-keyring.sh" "$root/build/demo-home" \
        "$root/build/dev/tests/tst_journey"
    echo "run-demo: the journey ran through the window; screenshots of each screen:"
    ls -1 "$shots"/journey/*.png
    exit 0
fi

cmake --preset release
cmake --build --preset release --parallel "$(nproc)"
bin="$root/build/release/bin"
data="${TONGBAN_DATA_DIR:-$root/build/demo-data}"
hubdata="$root/build/demo-hub"
mkdir -p "$data" "$hubdata"

# The platform: tongban-hub on loopback, a free port, the demo seed. The demo rings the home
# windows at any hour (--no-office-hours) so a call can be tried in the evening; a real hub
# keeps the jurisdictions' office hours and refuses calls outside them (docs/platform-api.md §16).
log="$hubdata/hub.log"
"$bin/tongban-hub" --data-dir "$hubdata" --listen 127.0.0.1:0 --seed-demo --no-office-hours \
    >"$log" 2>&1 &
hub=$!
trap 'kill $hub 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 100); do
    url="$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1 || true)"
    [[ -n "$url" ]] && break
    sleep 0.1
done
[[ -n "$url" ]] || { echo "run-demo: tongban-hub did not start; see $log" >&2; exit 1; }

# The window: 卫东区 2, configured as hall IT staff would (installer/tongban.conf.example).
fake=true
compgen -G "/dev/video*" >/dev/null && fake=false
cat >"$data/tongban.conf" <<CONF
[window]
id=410403-tb-02
name=卫东区政务服务中心2号通办窗口
address=平顶山市卫东区政务服务中心一楼2号通办窗口（演示地址）
phone=0375-0000002（演示号码）
[platform]
url=$url
[devices]
fake=$fake
CONF
echo "run-demo: platform $url, data folder $data"
echo "run-demo: sign in as wd-tb-02-zhaomin (赵敏), password Tongban@2026"

if [[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]]; then
    "$bin/tongban" --data-dir "$data" "$@"
else
    dbus-run-session -- "$root/tests/gui/with-keyring.sh" "$root/build/demo-home" \
        "$bin/tongban" --data-dir "$data" "$@"
fi
