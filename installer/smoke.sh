#!/usr/bin/env bash
# Smoke test of a built bundle or an installed package, offscreen (no display needed):
#   installer/smoke.sh [EXECUTABLE]       default: dist/agent-desktop/agent-desktop
#   installer/smoke.sh /usr/bin/agent-desktop      after installing the .deb
# Checks:
#   1. every library the bundle links to is found (Linux);
#   2. `--version` prints "agent-desktop <version>";
#   3. `--demo` starts the bundled simulator, logs in, shows the window with the demo agent's 25
#      callbacks (the app prints SHOWN, see agent_desktop/gui.py) and exits 0 — and leaves no
#      process behind (the simulator it started is gone).
# SMOKE_RUNS=N repeats step 3 and prints each wall time (the start-up figure of installer/README.md).
# QT_QPA_PLATFORM=xcb with a DISPLAY (e.g. xvfb-run) runs it on X11 instead, QT_QPA_PLATFORM=wayland
# with WAYLAND_DISPLAY (e.g. weston --backend=headless-backend.so) on Wayland.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXE="${1:-$ROOT/dist/agent-desktop/agent-desktop}"
RUNS="${SMOKE_RUNS:-1}"
TIMEOUT="${SMOKE_TIMEOUT:-90}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

say() { printf '[smoke] %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

[[ -x "$EXE" ]] || fail "no executable at $EXE (run installer/build.sh)"
BUNDLE="$(dirname "$(readlink -f "$EXE")")"
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
# Logs, settings and the demo's data go to a private HOME, never the user's. XDG_RUNTIME_DIR
# stays when set: the Wayland socket lives there (QT_QPA_PLATFORM=wayland).
export HOME="$SCRATCH/home" XDG_CONFIG_HOME="$SCRATCH/config" XDG_DATA_HOME="$SCRATCH/data" \
       XDG_STATE_HOME="$SCRATCH/state" XDG_CACHE_HOME="$SCRATCH/cache"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$SCRATCH/run}"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset AGENT_DESKTOP_PASSWORD

# 1. libraries ------------------------------------------------------------------------------
if [[ "$(uname -s)" == Linux ]]; then
  libpath="$(find "$BUNDLE" -type d \( -name _internal -o -path '*/Qt/lib' -o -name shiboken6 -o -name PySide6 \) | paste -sd:)"
  missing="$(find "$BUNDLE" -type f \( -name '*.so*' -o -name "$(basename "$(readlink -f "$EXE")")" \) -print0 \
    | xargs -0 -r env LD_LIBRARY_PATH="$libpath" ldd 2>/dev/null | awk '/=> not found/ {print $1}' | sort -u)"
  [[ -z "$missing" ]] || fail "libraries not found: $(echo $missing)"
  say "libraries: all found"
fi

# 2. --version -------------------------------------------------------------------------------
version="$(timeout "$TIMEOUT" "$EXE" --version)" || fail "--version exited with $?"
[[ "$version" =~ ^agent-desktop\ [0-9]+\.[0-9]+ ]] || fail "--version printed: $version"
say "version: $version"

# 3. --demo until the window shows the 25 demo callbacks ---------------------------------------
leftovers() {  # processes still running with this run's private HOME
  local pid
  for pid in /proc/[0-9]*; do
    { tr '\0' '\n' < "$pid/environ"; } 2>/dev/null | grep -qx "HOME=$HOME" && echo "${pid#/proc/}"
  done
  return 0
}
for run in $(seq 1 "$RUNS"); do
  start="$(date +%s.%N)"
  status=0
  AGENT_DESKTOP_EXIT_WHEN_SHOWN=25 timeout "$TIMEOUT" "$EXE" --demo \
    >"$SCRATCH/demo.out" 2>"$SCRATCH/demo.err" </dev/null || status=$?
  end="$(date +%s.%N)"
  if [[ $status -ne 0 ]] || ! grep -qx SHOWN "$SCRATCH/demo.out"; then
    tail -n 30 "$SCRATCH/demo.err" >&2
    fail "--demo exited with $status, stdout: $(head -c 300 "$SCRATCH/demo.out")"
  fi
  ! grep -q Traceback "$SCRATCH/demo.err" || { cat "$SCRATCH/demo.err" >&2; fail "a traceback on stderr"; }
  sleep 0.2
  left="$(leftovers)"
  [[ -z "$left" ]] || fail "processes left behind: $left ($(tr '\0' ' ' < "/proc/${left%% *}/cmdline"))"
  say "demo run $run: SHOWN and clean exit in $(awk "BEGIN {printf \"%.2f\", $end - $start}") s"
done
say "OK ($EXE, $QT_QPA_PLATFORM)"
