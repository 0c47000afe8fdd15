#!/bin/sh
# Runs a command with a fresh HOME and an unlocked gnome-keyring in the current
# (private) D-Bus session: call it under dbus-run-session. See FIELD-NOTES.
#   with-keyring.sh HOME_DIR COMMAND [ARGS...]
set -e
home="$1"
shift
rm -rf "$home"
mkdir -p "$home/run"
chmod 700 "$home/run"
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run"
echo '' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
exec "$@"
