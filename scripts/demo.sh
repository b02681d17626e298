#!/usr/bin/env bash
# Quick start, 1 of 2: install what is needed, then open Agent Desktop logged in to its built-in
# GWS simulator on loopback. Extra arguments go to agent-desktop.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/bootstrap.sh"
if [[ "$(uname)" == "Linux" && -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && "${QT_QPA_PLATFORM:-}" != "offscreen" ]]; then
  echo "demo: no display here (DISPLAY and WAYLAND_DISPLAY are empty)." >&2
  echo "      Run it in a desktop session; headless, try: .venv/bin/agent-desktop records --help" >&2
  exit 1
fi
exec "$ROOT/.venv/bin/agent-desktop" --demo "$@"
