# Shared by start.sh and test.sh: install missing Debian packages, make the venv.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# apt_ensure PKG...: installs those not installed yet (one apt-get update, only if needed).
apt_ensure() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Libraries Qt's xcb platform plugin and QtWebEngine load at run time.
QT_RUNTIME_PKGS=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libegl1 libgl1
                 libnss3 libasound2 libdbus-1-3 fonts-dejavu-core)

# make_venv DIR EXTRA: a venv with zoomsig installed (EXTRA: "" or "[test]").
make_venv() {
  local venv=$1 extra=$2 mode=${3:-}
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" 2>/dev/null || { apt_ensure python3-venv && python3 -m venv "$venv"; }
  fi
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q $mode ".$extra"
}
