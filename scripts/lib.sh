# shellcheck shell=bash
# Shared by start.sh and test.sh: install missing Debian packages, make the venv.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }

# apt_ensure PKG...: installs those not installed yet (one apt-get update, only if needed).
# "a|b" takes whichever is installed, else the first one apt can install (names differ
# between releases, e.g. libasound2 on Debian 12, libasound2t64 on Ubuntu 24.04).
apt_ensure() {
  local wanted=() missing=() p alt updated=""
  for p in "$@"; do
    local have=""
    for alt in ${p//|/ }; do installed "$alt" && have=1; done
    [ -z "$have" ] && wanted+=("$p")
  done
  [ "${#wanted[@]}" -eq 0 ] && return 0
  as_root apt-get update -q && updated=1
  for p in "${wanted[@]}"; do
    local found=""
    for alt in ${p//|/ }; do
      if apt-cache show "$alt" 2>/dev/null | grep -q '^Filename:'; then found=$alt; break; fi
    done
    if [ -n "$found" ]; then missing+=("$found"); else echo "Note: no package $p here." >&2; fi
  done
  [ -n "$updated" ] && [ "${#missing[@]}" -gt 0 ] || return 0
  echo "Installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Libraries Qt's xcb platform plugin and QtWebEngine load at run time.
# shellcheck disable=SC2034  # used by the scripts that source this file
QT_RUNTIME_PKGS=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libegl1 libgl1
                 libnss3 'libasound2t64|libasound2' libdbus-1-3 fonts-dejavu-core)

# make_venv DIR EXTRA: a venv with zoomsig installed (EXTRA: "" or "[test]"), made with
# $ZOOMSIG_PYTHON (default python3). A venv made with another Python version is refused.
make_venv() {
  local venv=$1 extra=$2 mode=${3:-} python=${ZOOMSIG_PYTHON:-python3}
  if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv" 2>/dev/null ||
      { apt_ensure python3-venv && "$python" -m venv "$venv"; }
  fi
  local want have
  want=$(python_version "$python") && have=$(python_version "$venv/bin/python") || return 1
  if [ "$want" != "$have" ]; then
    echo "$venv has Python $have, not $want ($python): remove it or set ZOOMSIG_VENV." >&2
    return 1
  fi
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q ${mode:+"$mode"} ".$extra"
}

# python_version PYTHON: its X.Y, or nothing and a failure when it does not run.
python_version() {
  "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null
}
