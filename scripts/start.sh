#!/usr/bin/env bash
# Installs zoomsig into .venv (with the system libraries Qt needs) and starts the window.
# Afterwards: .venv/bin/zoomsig-gui starts it again, .venv/bin/zoomsig is the command line.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
command -v dpkg-query >/dev/null && apt_ensure python3-venv "${QT_RUNTIME_PKGS[@]}"
make_venv .venv ""
exec .venv/bin/zoomsig-gui "$@"
