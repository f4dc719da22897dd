#!/usr/bin/env bash
# Installs everything the test suite needs and runs all of it, with the real parts:
# a Secret Service (gnome-keyring on a private D-Bus), chrony, Chromium, QtWebEngine,
# node for jsrsasign and `npm pack @zoom/meetingsdk`. Usage: bash scripts/test.sh [pytest args]
# ZOOMSIG_PYTHON: the interpreter to test with (default python3), in a venv of its own:
# .venv for python3, .venv-X.Y for another (ZOOMSIG_VENV: that venv's path instead).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

. scripts/lib.sh
apt_pkgs=(python3-venv dbus dbus-x11 gnome-keyring chrony chromium xvfb faketime openssl "${QT_RUNTIME_PKGS[@]}")
# node and npm may come from elsewhere (nvm, the image): only install Debian's when absent.
command -v node >/dev/null && command -v npm >/dev/null || apt_pkgs+=(nodejs npm)
apt_ensure "${apt_pkgs[@]}"

python=${ZOOMSIG_PYTHON:-python3}
version=$(python_version "$python") || { echo "test.sh: $python does not run." >&2; exit 1; }
if [ -z "${ZOOMSIG_PYTHON:-}" ]; then default_venv=$root/.venv; else default_venv=$root/.venv-$version; fi
venv=${ZOOMSIG_VENV:-$default_venv}
make_venv "$venv" "[test]" -e
echo "Testing with Python $("$venv/bin/python" -c 'import platform; print(platform.python_version())')," \
  "PySide6 $("$venv/bin/python" -c 'import PySide6; print(PySide6.__version__)') ($venv)"

# A throwaway HOME: a fresh, unlocked keyring and no settings left from a previous run.
test_home=$(mktemp -d /tmp/zoomsig-test-home.XXXXXX)
trap 'rm -rf "$test_home"' EXIT
export HOME=$test_home XDG_CONFIG_HOME=$test_home/.config XDG_DATA_HOME=$test_home/.local/share
export XDG_CACHE_HOME=$test_home/.cache XDG_RUNTIME_DIR=$test_home/run
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=offscreen
if [ "$(id -u)" = 0 ]; then export QTWEBENGINE_DISABLE_SANDBOX=1; fi
# Every real component must be found: a missing one fails its tests instead of skipping them.
export ZOOMSIG_REQUIRE_ALL=1
# Large downloads (the Meeting SDK, jsrsasign) are cached outside the throwaway HOME.
export ZOOMSIG_TEST_CACHE=${ZOOMSIG_TEST_CACHE:-/tmp/zoomsig-test-cache}
export npm_config_cache=$ZOOMSIG_TEST_CACHE/npm

export ZOOMSIG_CRASH_LOG=$test_home/native-crash.txt
status=0
# shellcheck disable=SC2016  # the inner sh expands $0 and $@, not this one
dbus-run-session -- sh -c '
  echo "zoomsig-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$0" -m pytest "$@"' "$venv/bin/python" "$@" || status=$?
if [ -s "$ZOOMSIG_CRASH_LOG" ]; then
  echo "test.sh: the test process ended on SIGTRAP (a failed check inside QtWebEngine)." >&2
  echo "test.sh: the Python stacks at that moment:" >&2
  cat "$ZOOMSIG_CRASH_LOG" >&2
fi
exit "$status"
