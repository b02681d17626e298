#!/usr/bin/env bash
# Quick start, 2 of 2: install what is needed (test extra included), then run the whole test
# suite offscreen. Extra arguments go to pytest (e.g. scripts/test.sh tests/domain -q).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/bootstrap.sh" --test
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
exec "$ROOT/.venv/bin/python" -m pytest "$@"
