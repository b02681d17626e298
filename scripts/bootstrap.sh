#!/usr/bin/env bash
# Prepares a fresh Debian/Ubuntu machine (Python 3.11+) to run Agent Desktop from this checkout:
# the Debian libraries Qt needs (when missing and we may install them), a virtual environment
# in .venv, and the project installed into it (with the test extra when asked).
# Usage: source-free; run as: scripts/bootstrap.sh [--test]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"
EXTRA=""
[[ "${1:-}" == "--test" ]] && EXTRA="[test]"

# Qt offscreen needs these even without a screen (reference/deps.md §4).
QT_DEBS=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3)
# A real window on X11 needs the xcb set as well.
XCB_DEBS=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)

say() { printf '[bootstrap] %s\n' "$*" >&2; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

install_debs() {
  command -v dpkg-query >/dev/null || { say "not a Debian system: install Qt's libraries by hand if Qt fails"; return 0; }
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  say "installing Debian packages: ${missing[*]}"
  if ! { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
    say "could not install ${missing[*]} (need root or sudo); Qt may fail to start"
  fi
}

"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
  || { say "Python 3.11 or newer is needed ($PYTHON is $("$PYTHON" --version 2>&1))"; exit 1; }

install_debs "${QT_DEBS[@]}"
[[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]] && install_debs "${XCB_DEBS[@]}"

if [[ ! -x "$VENV/bin/python" ]]; then
  say "creating $VENV"
  if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    # Debian splits venv support out of the interpreter.
    install_debs python3-venv
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
  fi
fi

# Reinstall only when the project's declared dependencies change.
STAMP="$VENV/.installed$EXTRA-$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)"
if [[ ! -f "$STAMP" ]]; then
  say "installing agent-desktop$EXTRA into $VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$ROOT$EXTRA"
  touch "$STAMP"
fi
