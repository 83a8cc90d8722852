#!/bin/sh
# Install the Linux bundle for the current user: the program in ~/.local/opt, a launcher in the menu.
# From the downloaded tar.xz (its folder holds this script as install.sh, the bundle, the icons):
#   sh install.sh
# From the source tree, after PyInstaller:
#   sh resources/installers/install-linux.sh dist/meter-journal
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
if [ -d "$here/meter-journal" ]; then default_bundle="$here/meter-journal"; else default_bundle=dist/meter-journal; fi
if [ -d "$here/icons" ]; then icons="$here/icons"; else icons="$here/../icons"; fi
bundle="${1:-$default_bundle}"
test -x "$bundle/meter-journal" || { echo "No program in $bundle (expected $bundle/meter-journal)" >&2; exit 1; }
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
opt="$HOME/.local/opt/meter-journal"
mkdir -p "$opt" "$HOME/.local/bin" "$prefix/applications"
cp -R "$bundle"/. "$opt"/
ln -sf "$opt/meter-journal" "$HOME/.local/bin/meter-journal"
for size in 16 24 32 48 64 128 256 512; do
  dir="$prefix/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  cp "$icons/meter-journal-$size.png" "$dir/meter-journal.png"
done
sed "s|^Exec=meter-journal|Exec=\"$opt/meter-journal\"|" "$here/meter-journal.desktop" > "$prefix/applications/meter-journal.desktop"
if command -v update-desktop-database >/dev/null; then update-desktop-database "$prefix/applications" || true; fi
echo "Installed: $opt (menu: Журнал показаний)"
