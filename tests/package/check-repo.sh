#!/usr/bin/env bash
# installer/make-repo.sh builds a signed apt repository that apt reads: a
# throwaway GPG key signs it, apt-get update reads it through a file: source
# with private state folders (nothing of this machine's apt is changed, nothing
# is installed), apt sees the package's version and downloads it; a repository
# signed by another key is refused.
#   check-repo.sh SOURCE_DIR PACKAGE_DIR
set -uo pipefail
src="$1" dir="$2"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
tmp="$(mktemp -d)"
chmod 755 "$tmp"
trap 'gpgconf --homedir "$tmp/gnupg" --kill all 2>/dev/null; gpgconf --homedir "$tmp/other" --kill all 2>/dev/null; rm -rf "$tmp"' EXIT

shopt -s nullglob
debs=("$dir"/tongban_*.deb "$dir"/tongban-hub_*.deb)
((${#debs[@]} == 2)) || { echo "FAIL: packages missing in $dir"; exit 1; }
version="$(dpkg-deb -f "${debs[0]}" Version)"

# GIVEN a throwaway signing key (no passphrase) and another one apt must not accept
mkdir -m 700 "$tmp/gnupg" "$tmp/other"
export GNUPGHOME="$tmp/gnupg"
gpg --batch --quiet --passphrase '' --quick-gen-key "Tongban test repository <repo@tongban.invalid>" ed25519 sign never
key="$(gpg --batch --with-colons --list-secret-keys | awk -F: '/^fpr/ { print $10; exit }')"
GNUPGHOME="$tmp/other" gpg --batch --quiet --passphrase '' --quick-gen-key "Intruder <x@tongban.invalid>" ed25519 sign never
GNUPGHOME="$tmp/other" gpg --batch --export >"$tmp/other-keyring.gpg"

# WHEN the hall repository is built with the packages
"$src/installer/make-repo.sh" --repo "$tmp/repo" --key "$key" "${debs[@]}" >"$tmp/make-repo.log" 2>&1 \
    && pass "make-repo.sh" || { cat "$tmp/make-repo.log"; fail "make-repo.sh failed"; }
[[ -f "$tmp/repo/dists/bookworm/InRelease" && -f "$tmp/repo/dists/bookworm/Release.gpg" ]] \
    && pass "Release signed (InRelease, Release.gpg)" || fail "no signed Release"
[[ -s "$tmp/repo/tongban-archive-keyring.gpg" ]] && pass "public key exported" || fail "no exported key"
gpgv --keyring "$tmp/repo/tongban-archive-keyring.gpg" "$tmp/repo/dists/bookworm/InRelease" 2>/dev/null \
    && pass "InRelease verifies with the exported key" || fail "InRelease does not verify"

# THEN apt reads it as a window would, with private lists and caches
apt_with() { # apt_with KEYRING COMMAND...
    local keyring="$1"; shift
    local state="$tmp/apt-$(basename "$keyring")"
    mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/parts" "$state/prefs"
    echo "deb [signed-by=$keyring] file:$tmp/repo bookworm main" >"$state/sources.list"
    "$@" -o Dir::Etc::SourceList="$state/sources.list" -o Dir::Etc::SourceParts="$state/parts" \
        -o Dir::Etc::PreferencesParts="$state/prefs" \
        -o Dir::State::Lists="$state/lists" -o Dir::Cache="$state/cache" \
        -o Dir::Cache::pkgcache="" -o Dir::Cache::srcpkgcache="" \
        -o Debug::NoLocking=1 -o APT::Sandbox::User=root
}
good="$tmp/repo/tongban-archive-keyring.gpg"
apt_with "$good" apt-get update --error-on=any >"$tmp/update.log" 2>&1 \
    && pass "apt-get update reads the signed repository" || { cat "$tmp/update.log"; fail "apt-get update failed"; }
policy="$(apt_with "$good" apt-cache policy tongban tongban-hub 2>&1)"
grep -q "Candidate: $version" <<<"$policy" && pass "apt sees tongban $version" || fail "apt policy: $policy"
[[ "$(grep -c "file:$tmp/repo bookworm/main" <<<"$policy")" -ge 2 ]] && pass "both packages come from the hall repository" || fail "apt policy: $policy"
mkdir -p "$tmp/download"
(cd "$tmp/download" && apt_with "$good" apt-get download tongban >"$tmp/download.log" 2>&1) \
    && cmp -s "$tmp/download"/tongban_*.deb "${debs[0]}" \
    && pass "apt-get download gives the same package" || { cat "$tmp/download.log"; fail "download differs or failed"; }

# AND a repository signed by another key is refused
apt_with "$tmp/other-keyring.gpg" apt-get update --error-on=any >"$tmp/bad.log" 2>&1 \
    && fail "apt accepted the repository with the wrong key" \
    || { grep -q "NO_PUBKEY\|not signed\|signature" "$tmp/bad.log" && pass "the wrong key is refused" || { cat "$tmp/bad.log"; fail "refused for another reason"; }; }

echo "check-repo: $failures failure(s)"
((failures == 0))
