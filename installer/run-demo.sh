#!/usr/bin/env bash
# Sets this machine up and starts the workstation on its embedded default:
# the local data folder, the embedded working-day calendar, and (as later
# parts land) the local tongban-hub, simulated devices, the sample catalogue
# and the demo clerks.
#
# With a display, the window opens on it. Without one (a server, CI, SSH),
# the window opens on a virtual display (Xvfb), a screenshot of every screen
# is saved, and the paths are printed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

"$root/installer/install-deps.sh"
cmake --preset release
cmake --build --preset release --parallel "$(nproc)"

app="$root/build/release/bin/tongban"
data="${TONGBAN_DATA_DIR:-$root/build/demo-data}"
echo "run-demo: data folder $data"

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    exec "$app" --data-dir "$data" "$@"
fi

shots="$root/build/screenshots"
mkdir -p "$shots"
echo "run-demo: no display found; opening the window on a virtual display (Xvfb)"
xvfb-run -a -s "-screen 0 1366x768x24" \
    "$app" --data-dir "$data" --screenshot "$shots/screen-%1.png" "$@"
echo "run-demo: the window opened; screenshots of each screen:"
ls -1 "$shots"/screen-*.png
