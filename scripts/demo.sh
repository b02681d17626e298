#!/usr/bin/env bash
# Quick start, 1 of 2: install what is needed, then run Agent Desktop against its built-in
# GWS simulator on loopback. Extra arguments go to agent-desktop.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/bootstrap.sh"
exec "$ROOT/.venv/bin/agent-desktop" --demo "$@"
