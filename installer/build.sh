#!/usr/bin/env bash
# Builds the Linux installers with one command:
#   installer/build.sh          -> dist/agent-desktop/            (PyInstaller one-folder bundle)
#                                  dist/agent-desktop_<version>_<arch>.deb
# Options:
#   --fresh       recreate the build virtual environment (build/venv) from scratch
#   --venv DIR    build with an existing venv instead (e.g. --venv .venv); PyInstaller is added to it
#   --no-deb      the bundle only
#   --smoke       run installer/smoke.sh on the bundle afterwards
# Needs: Python >= 3.11 built with a shared libpython (Debian's python3 is; set PYTHON=...),
# binutils (objdump, for PyInstaller), dpkg-deb, and the Debian libraries Qt links to
# (scripts/bootstrap.sh installs them). installer/README.md explains the result.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/build/venv"
FRESH=0 REUSED=0 DEB=1 SMOKE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --fresh) FRESH=1 ;;
    --venv) VENV="$(cd "$2" && pwd)"; REUSED=1; shift ;;
    --no-deb) DEB=0 ;;
    --smoke) SMOKE=1 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
PYTHON="${PYTHON:-python3}"
CONSTRAINTS="$ROOT/installer/constraints.txt"
say() { printf '[build] %s\n' "$*" >&2; }

for tool in objdump ldd dpkg-deb; do
  command -v "$tool" >/dev/null || { say "$tool is missing (apt-get install binutils dpkg)"; exit 1; }
done

# 1. the build environment ------------------------------------------------------------------
if [[ $REUSED -eq 0 ]]; then
  [[ $FRESH -eq 1 ]] && rm -rf "$VENV"
  if [[ ! -x "$VENV/bin/python" ]]; then
    "$PYTHON" -c 'import sys, sysconfig; sys.exit(not (sys.version_info >= (3, 11) and sysconfig.get_config_var("Py_ENABLE_SHARED")))' \
      || { say "$PYTHON must be Python >= 3.11 with a shared libpython (PyInstaller needs it)"; exit 1; }
    say "creating $VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  # Reinstall only when the declared dependencies or the pins change.
  STAMP="$VENV/.installed-$(cat "$ROOT/pyproject.toml" "$CONSTRAINTS" | sha256sum | cut -c1-16)"
  if [[ ! -f "$STAMP" ]]; then
    say "installing agent-desktop[build] into $VENV (pins: installer/constraints.txt)"
    nice -n 10 "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -c "$CONSTRAINTS" "$ROOT[build]"
    rm -f "$VENV"/.installed-*
    touch "$STAMP"
  fi
else
  say "using $VENV; adding PyInstaller to it"
  nice -n 10 "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -c "$CONSTRAINTS" pyinstaller pyinstaller-hooks-contrib
fi

# 2. the icons must be rendered from the current SVG ------------------------------------------
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" "$ROOT/tools/make_icons.py" --check \
  || { say "the raster icons are stale: run tools/make_icons.py"; exit 1; }

# 3. the bundle ------------------------------------------------------------------------------
say "PyInstaller (installer/agent_desktop.spec)"
rm -rf "$ROOT/dist/agent-desktop"
started=$SECONDS
(cd "$ROOT" && nice -n 10 "$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" "$ROOT/installer/agent_desktop.spec")
"$ROOT/dist/agent-desktop/agent-desktop" --version >/dev/null \
  || { say "the bundle does not start"; exit 1; }
say "bundle: dist/agent-desktop ($(du -sh "$ROOT/dist/agent-desktop" | cut -f1), $(find "$ROOT/dist/agent-desktop" -type f | wc -l) files, $((SECONDS - started)) s)"

# 4. the .deb ----------------------------------------------------------------------------------
if [[ $DEB -eq 1 ]]; then
  "$ROOT/installer/linux/make_deb.sh" "$ROOT/dist/agent-desktop" "$ROOT/dist"
fi

# 5. smoke -------------------------------------------------------------------------------------
if [[ $SMOKE -eq 1 ]]; then
  "$ROOT/installer/smoke.sh" "$ROOT/dist/agent-desktop/agent-desktop"
fi
