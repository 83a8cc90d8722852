#!/bin/sh
# Install the Linux bundle for the current user: the program in ~/.local/opt, a launcher in the menu.
#   sh resources/installers/install-linux.sh dist/meter-journal
set -eu
bundle="${1:-dist/meter-journal}"
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
opt="$HOME/.local/opt/meter-journal"
mkdir -p "$opt" "$HOME/.local/bin" "$prefix/applications"
cp -R "$bundle"/. "$opt"/
ln -sf "$opt/meter-journal" "$HOME/.local/bin/meter-journal"
for size in 16 24 32 48 64 128 256 512; do
  dir="$prefix/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  cp "$here/../icons/meter-journal-$size.png" "$dir/meter-journal.png"
done
sed "s|^Exec=meter-journal|Exec=$opt/meter-journal|" "$here/meter-journal.desktop" > "$prefix/applications/meter-journal.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/applications" || true
echo "Installed: $opt (menu: Журнал показаний)"
