#!/usr/bin/env bash
# Installs everything the test suite needs and runs all of it, with the real parts:
# a Secret Service (gnome-keyring on a private D-Bus), chrony, Chromium, QtWebEngine,
# node for jsrsasign and `npm pack @zoom/meetingsdk`. Usage: bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_pkgs=(python3-venv dbus dbus-x11 gnome-keyring chrony chromium nodejs npm xvfb
          libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1
          libnss3 libasound2 fonts-dejavu-core)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# node and npm may come from elsewhere (nvm, the image): do not fight them.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]}"
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

venv=${ZOOMSIG_VENV:-$root/.venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q -e ".[test]"

# A throwaway HOME: a fresh, unlocked keyring and no settings left from a previous run.
test_home=$(mktemp -d /tmp/zoomsig-test-home.XXXXXX)
trap 'rm -rf "$test_home"' EXIT
export HOME=$test_home XDG_CONFIG_HOME=$test_home/.config XDG_DATA_HOME=$test_home/.local/share
export XDG_CACHE_HOME=$test_home/.cache XDG_RUNTIME_DIR=$test_home/run
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=offscreen
[ "$(id -u)" = 0 ] && export QTWEBENGINE_DISABLE_SANDBOX=1
# Every real component must be found: a missing one fails its tests instead of skipping them.
export ZOOMSIG_REQUIRE_ALL=1
# Large downloads (the Meeting SDK, jsrsasign) are cached outside the throwaway HOME.
export ZOOMSIG_TEST_CACHE=${ZOOMSIG_TEST_CACHE:-/tmp/zoomsig-test-cache}
export npm_config_cache=$ZOOMSIG_TEST_CACHE/npm

exec dbus-run-session -- sh -c '
  echo "zoomsig-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$0" -m pytest "$@"' "$venv/bin/python" "$@"
