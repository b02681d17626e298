#!/usr/bin/env bash
# Builds the macOS app and disk image (run on macOS 12+, Apple silicon or Intel):
#   installer/macos/build.sh [--fresh]
# Result: dist/Agent Desktop.app and dist/agent-desktop_<version>_macos-<arch>.dmg
# Needs: Python 3.11+ (python.org or Homebrew), Xcode command line tools (codesign, hdiutil).
# Signing and notarisation happen only when configured (installer/README.md):
#   MACOS_CODESIGN_IDENTITY   "Developer ID Application: Example Ltd (TEAMID)" (in the keychain)
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   for `xcrun notarytool` (app-specific password)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$ROOT/build/venv-macos"
PYTHON="${PYTHON:-python3}"
say() { printf '[build] %s\n' "$*" >&2; }

[[ "${1:-}" == "--fresh" ]] && rm -rf "$VENV"
[[ -x "$VENV/bin/python" ]] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -c "$ROOT/installer/constraints.txt" "$ROOT[build]"
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" "$ROOT/tools/make_icons.py" --check

# 1. the .app (the spec's BUNDLE step; PyInstaller signs every binary when the identity is set)
rm -rf "$ROOT/dist/agent-desktop" "$ROOT/dist/Agent Desktop.app"
(cd "$ROOT" && "$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$ROOT/dist" \
    --workpath "$ROOT/build/pyinstaller" "$ROOT/installer/agent_desktop.spec")
APP="$ROOT/dist/Agent Desktop.app"
VERSION="$("$VENV/bin/python" -c 'import agent_desktop; print(agent_desktop.__version__)')"
DMG="$ROOT/dist/agent-desktop_${VERSION}_macos-$(uname -m).dmg"

if [[ -n "${MACOS_CODESIGN_IDENTITY:-}" ]]; then
  say "signing $APP (hardened runtime)"
  codesign --force --options runtime --timestamp --entitlements "$ROOT/installer/macos/entitlements.plist" \
    --sign "$MACOS_CODESIGN_IDENTITY" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
else
  say "no MACOS_CODESIGN_IDENTITY: the app is ad-hoc signed only (Gatekeeper will refuse it on other Macs)"
fi

# 2. the disk image: the app and a link to /Applications to drag it onto
STAGE="$ROOT/build/dmg"
rm -rf "$STAGE" "$DMG" && mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "Agent Desktop" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG" >/dev/null
[[ -n "${MACOS_CODESIGN_IDENTITY:-}" ]] && codesign --force --timestamp --sign "$MACOS_CODESIGN_IDENTITY" "$DMG"

# 3. notarisation (needs the signed app and an Apple ID with an app-specific password)
if [[ -n "${MACOS_CODESIGN_IDENTITY:-}" && -n "${APPLE_ID:-}" ]]; then
  say "notarising $DMG"
  xcrun notarytool submit "$DMG" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait
  xcrun stapler staple "$DMG"
fi
say "$APP; $DMG ($(du -h "$DMG" | cut -f1))"
