#!/usr/bin/env bash
# Packs the PyInstaller bundle into dist/agent-desktop_<version>_<arch>.deb.
# installer/build.sh runs it; on its own: installer/linux/make_deb.sh [BUNDLE_DIR [OUT_DIR]]
#
# Layout: /opt/agent-desktop/ (the bundle), /usr/bin/agent-desktop -> /opt/agent-desktop/agent-desktop,
# /usr/share/applications/agent-desktop.desktop, /usr/share/icons/hicolor/<size>/apps/agent-desktop.*
#
# Depends is computed, not guessed: every library an ELF file of the bundle links to directly that is
# not in the bundle (glibc, GL/EGL, X11/xcb, Wayland, fontconfig, glib, D-Bus, xkbcommon, OpenSSL, ...:
# agent_desktop.spec leaves all system libraries to the system) is looked up with `dpkg -S`, and
# the packages found become Depends, with libc6 versioned by the newest GLIBC symbol used.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUNDLE="$(cd "${1:-$ROOT/dist/agent-desktop}" && pwd)"
OUT="${2:-$ROOT/dist}"
ICONS="$ROOT/agent_desktop/resources/icons"
PACKAGE=agent-desktop
# Always depended on, even if the walk below should miss one: what Qt's xcb and wayland
# platform plugins and QtGui load (deps.md §4 measured this set on a fresh Debian 12).
BASE_DEPENDS=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
              libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
              libxcb-shape0 libxcb-xkb1 libx11-xcb1 libwayland-client0 libwayland-cursor0)

say() { printf '[make_deb] %s\n' "$*" >&2; }

[[ -x "$BUNDLE/$PACKAGE" ]] || { say "no bundle at $BUNDLE (run installer/build.sh)"; exit 1; }
VERSION="$("$BUNDLE/$PACKAGE" --version | awk '{print $2}')"
ARCH="$(dpkg --print-architecture)"
STAGE="$ROOT/build/deb/${PACKAGE}_${VERSION}_${ARCH}"
DEB="$OUT/${PACKAGE}_${VERSION}_${ARCH}.deb"

# -- the libraries the bundle takes from the system -------------------------------------------
elf_files() {
  find "$BUNDLE" -type f -print0 | while IFS= read -r -d '' file; do
    [[ "$(head -c 4 "$file" | od -An -c | tr -d ' ')" == '177ELF' ]] && printf '%s\n' "$file"
  done
}
mapfile -t ELVES < <(elf_files)
LIBPATH="$(find "$BUNDLE" -type d \( -name _internal -o -path '*/Qt/lib' -o -name shiboken6 -o -name PySide6 \) | paste -sd:)"
ldd_output="$(for file in "${ELVES[@]}"; do LD_LIBRARY_PATH="$LIBPATH" ldd "$file" 2>/dev/null || true; done)"
missing="$(awk '/=> not found/ {print $1}' <<<"$ldd_output" | sort -u)"
if [[ -n "$missing" ]]; then
  say "the bundle links to libraries this machine does not have: $(echo $missing)"
  say "install the packages providing them (apt-file search NAME) and build again"
  exit 1
fi
# Only direct dependencies (NEEDED entries), as dpkg-shlibdeps would: a library's own
# dependencies are its package's business. ldd tells where each name resolves.
mapfile -t needed < <(for file in "${ELVES[@]}"; do objdump -p "$file" 2>/dev/null | awk '$1 == "NEEDED" {print $2}'; done | sort -u)
mapfile -t system_libs < <(for name in "${needed[@]}"; do
    [[ -n "$(find "$BUNDLE" -name "$name" -print -quit)" ]] && continue   # the bundle has it
    awk -v name="$name" '$1 == name && $2 == "=>" {print $3; exit}' <<<"$ldd_output"
  done | sort -u)

package_of() {  # the Debian package owning a library path (merged /usr aware)
  local path="$1" real candidates owner
  real="$(readlink -f "$path")"
  candidates=("$path" "$real" "${path#/usr}" "/usr$path" "${real#/usr}" "/usr$real")
  for candidate in "${candidates[@]}"; do
    owner="$(dpkg -S "$candidate" 2>/dev/null | head -n1 | cut -d: -f1)" && [[ -n "$owner" ]] && { echo "$owner"; return; }
  done
  say "no Debian package owns $path"; return 1
}
declare -A depends=()
for lib in "${system_libs[@]}"; do depends["$(package_of "$lib")"]=1; done
for pkg in "${BASE_DEPENDS[@]}"; do depends["$pkg"]=1; done
glibc="$(for file in "${ELVES[@]}"; do objdump -T "$file" 2>/dev/null; done \
         | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n1)"
unset 'depends[libc6]'
DEPENDS="libc6 (>= ${glibc:-2.34})$(printf ', %s' $(printf '%s\n' "${!depends[@]}" | sort))"

# -- the file tree ------------------------------------------------------------------------------
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/doc/$PACKAGE"
cp -a "$BUNDLE" "$STAGE/opt/$PACKAGE"
ln -s "/opt/$PACKAGE/$PACKAGE" "$STAGE/usr/bin/$PACKAGE"
install -m 644 "$ROOT/installer/linux/$PACKAGE.desktop" "$STAGE/usr/share/applications/$PACKAGE.desktop"
for size in 16 24 32 48 64 128 256 512; do
  install -D -m 644 "$ICONS/$PACKAGE-$size.png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/$PACKAGE.png"
done
install -D -m 644 "$ICONS/$PACKAGE.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/$PACKAGE.svg"
install -m 644 "$ROOT/installer/linux/copyright" "$STAGE/usr/share/doc/$PACKAGE/copyright"
# Debian permissions: directories and programs 755, everything else 644 (shared libraries too).
find "$STAGE" -type d -exec chmod 755 {} +
find "$STAGE" -type f -exec chmod 644 {} +
chmod 755 "$STAGE/opt/$PACKAGE/$PACKAGE"

INSTALLED_SIZE="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
cat > "$STAGE/DEBIAN/control" <<EOF
Package: $PACKAGE
Version: $VERSION
Architecture: $ARCH
Maintainer: ${DEB_MAINTAINER:-Agent Desktop maintainers <agent-desktop@example.com>}
Installed-Size: $INSTALLED_SIZE
Depends: $DEPENDS
Suggests: gnome-keyring | kwalletmanager | keepassxc
Section: net
Priority: optional
Description: scheduled outbound callbacks for Genesys agents
 Agent Desktop lists a Genesys outbound agent's scheduled callbacks and
 reschedules them through Genesys Web Services (GWS API v2), showing a change
 only once GWS acknowledges it. Passwords can be kept in the desktop's Secret
 Service vault. Includes a GWS simulator: agent-desktop --demo.
EOF

mkdir -p "$OUT"
nice -n 10 dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
say "$DEB ($(du -h "$DEB" | cut -f1)); Depends: $DEPENDS"
