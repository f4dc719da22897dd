#!/usr/bin/env bash
# The guardrails, one named step each; the first that fails stops the run. .ci/run runs them
# before the tests. Usage: bash scripts/checks.sh (installs what it needs, like test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

. scripts/lib.sh
apt_pkgs=(python3-venv shellcheck)
command -v node >/dev/null && command -v npm >/dev/null || apt_pkgs+=(nodejs npm)
apt_ensure "${apt_pkgs[@]}"

venv=${ZOOMSIG_VENV:-$root/.venv}
make_venv "$venv" "[test]" -e
# eslint from package-lock.json into node_modules (git ignores it); npm's cache stays outside.
export npm_config_cache=${ZOOMSIG_TEST_CACHE:-/tmp/zoomsig-test-cache}/npm
# pyright's wheel carries pyright itself and runs it on the node found on PATH; it must not
# look up newer releases on the network or fetch a node of its own.
export PYRIGHT_PYTHON_IGNORE_WARNINGS=1 PYRIGHT_PYTHON_GLOBAL_NODE=1 PYRIGHT_PYTHON_NODEJS_WHEEL=0

step() {
  echo "== $1 =="
  shift
  "$@"
}

step "ruff check" "$venv/bin/ruff" check .
step "ruff format --check" "$venv/bin/ruff" format --check .
step "mypy --strict zoomsig_gui/core" "$venv/bin/mypy" --strict zoomsig_gui/core
step "pyright zoomsig_gui" "$venv/bin/pyright" --pythonpath "$venv/bin/python" zoomsig_gui
step "shellcheck scripts/*.sh .ci/run" shellcheck -x scripts/*.sh .ci/run
step "npm ci (eslint)" npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
step "eslint resources/join/*.js" node_modules/.bin/eslint resources/join/ eslint.config.js
step "import contract (tests/core/test_layers.py)" \
  "$venv/bin/python" -m pytest tests/core/test_layers.py -q -p no:cacheprovider
echo "== all checks passed =="
