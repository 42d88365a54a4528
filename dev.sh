#!/usr/bin/env bash
# One entry point for a fresh Debian 12/13 machine with Python 3.11+:
#   ./dev.sh app      install what is missing, then open Club Fit on the bundled case
#   ./dev.sh test     install what is missing (with test tools), then run the whole suite offscreen
#   ./dev.sh bench    install what is missing (with benchmark peers), then run benchmarks/
#   ./dev.sh screenshots   redraw the user guide's pictures (docs/images/) offscreen
# Idempotent: system packages, the virtual environment and the pip install are only
# touched when something is missing or pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:-app}
shift || true

# Libraries Qt's offscreen platform needs on a bare Debian, plus a real font (without one
# Qt silently draws boxes). The xcb set is only needed for a real X11 window.
OFFSCREEN_PKGS=(libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 fonts-dejavu-core)
X11_PKGS=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0)

PY=${PYTHON:-python3}
if ! command -v "$PY" >/dev/null 2>&1; then
  echo "dev.sh: no '$PY' on PATH; install Python 3.11+ (apt-get install python3 python3-venv)" >&2; exit 2
fi
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "dev.sh: $("$PY" -V 2>&1) is too old; Club Fit needs Python 3.11+ (set PYTHON=python3.11)" >&2; exit 2
fi

is_installed() {  # Debian 13 renamed some libraries with a t64 suffix
  local p
  for p in "$1" "${1}t64"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' && return 0
  done
  return 1
}

ensure_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian: trust the user's system
  local wanted=("${OFFSCREEN_PKGS[@]}") missing=() p
  [[ $mode == app ]] && wanted+=("${X11_PKGS[@]}")
  [[ $mode == test ]] && wanted+=(desktop-file-utils)   # tests/test_desktop_entry.py validates the launcher
  "$PY" -c 'import ensurepip' 2>/dev/null || wanted+=(python3-venv)
  for p in "${wanted[@]}"; do is_installed "$p" || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  local line="apt-get install -y --no-install-recommends ${missing[*]}"
  if [[ $(id -u) == 0 ]]; then
    echo "dev.sh: installing system packages: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive $line
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "dev.sh: installing system packages with sudo: ${missing[*]}"
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive $line
  else
    echo "dev.sh: Qt needs system packages that are missing; run as root, then re-run:" >&2
    echo "  sudo apt-get update && sudo $line" >&2
    exit 2
  fi
}

ensure_venv() {
  local extras=$1 stamp=.venv/.clubfit-installed want
  want="$(sha256sum pyproject.toml | cut -c1-16) $extras"
  [[ -x .venv/bin/python ]] || "$PY" -m venv .venv
  if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[${extras}]"
    echo "$want" > "$stamp"
  fi
}

case $mode in
  app)
    ensure_system_packages; ensure_venv test
    exec .venv/bin/clubfit "$@" ;;
  test)
    ensure_system_packages; ensure_venv test
    export QT_QPA_PLATFORM=offscreen
    .venv/bin/lint-imports
    .venv/bin/mypy   # files and settings from [tool.mypy] in pyproject.toml
    exec .venv/bin/python -m pytest "$@" ;;
  bench)
    ensure_system_packages; ensure_venv test,bench
    export QT_QPA_PLATFORM=offscreen
    exec .venv/bin/python -m benchmarks "$@" ;;
  screenshots)
    ensure_system_packages; ensure_venv test
    QT_QPA_PLATFORM=offscreen exec .venv/bin/python docs/make_screenshots.py "$@" ;;
  *)
    echo "usage: ./dev.sh app|test|bench|screenshots [args...]" >&2; exit 2 ;;
esac
