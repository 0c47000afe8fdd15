#!/usr/bin/env bash
# Builds (or updates) the hall's signed apt repository with reprepro, so that
# every window updates with `apt-get update && apt-get upgrade`.
#
#   installer/make-repo.sh --repo DIR --key KEYID [--dist bookworm] PACKAGE.deb...
#
# DIR       the repository; serve it over HTTP(S) or a shared folder (file:).
# KEYID     the hall's signing key in gpg's keyring ($GNUPGHOME); its public part
#           is exported as DIR/tongban-archive-keyring.gpg for the windows.
# --dist    the distribution name the windows put in their sources (bookworm).
#
# Adding a newer version of a package replaces the older one. On each window
# (once), as root:
#   cp tongban-archive-keyring.gpg /usr/share/keyrings/
#   echo "deb [signed-by=/usr/share/keyrings/tongban-archive-keyring.gpg] URL bookworm main" \
#       > /etc/apt/sources.list.d/tongban.list
set -euo pipefail

usage() {
    echo "usage: $0 --repo DIR --key KEYID [--dist NAME] PACKAGE.deb..." >&2
    exit 2
}

repo="" key="" dist="bookworm"
debs=()
while (($#)); do
    case "$1" in
    --repo) repo="${2:-}"; shift 2 ;;
    --key) key="${2:-}"; shift 2 ;;
    --dist) dist="${2:-}"; shift 2 ;;
    -h | --help) usage ;;
    -*) echo "make-repo: unknown option $1" >&2; usage ;;
    *) debs+=("$1"); shift ;;
    esac
done
[[ -n "$repo" && -n "$key" && ${#debs[@]} -gt 0 ]] || usage
command -v reprepro >/dev/null || { echo "make-repo: reprepro is missing (installer/install-deps.sh installs it)" >&2; exit 1; }
gpg --batch --list-secret-keys "$key" >/dev/null 2>&1 \
    || { echo "make-repo: no secret key $key in ${GNUPGHOME:-~/.gnupg}" >&2; exit 1; }

mkdir -p "$repo/conf"
cat >"$repo/conf/distributions" <<CONF
Origin: Tongban
Label: Tongban hall repository
Codename: $dist
Architectures: amd64 arm64
Components: main
Description: Tongban Workstation packages for the hall's windows
SignWith: $key
CONF
cat >"$repo/conf/options" <<CONF
verbose
basedir $repo
CONF

for deb in "${debs[@]}"; do
    reprepro -b "$repo" includedeb "$dist" "$deb"
done
reprepro -b "$repo" export "$dist"
gpg --batch --yes --export "$key" >"$repo/tongban-archive-keyring.gpg"
echo "make-repo: $repo ($dist main), signed by $key"
reprepro -b "$repo" list "$dist"
