#!/bin/sh
# Install the Linux bundle for the current user: the program in ~/.local/opt, a launcher in the menu.
# From the downloaded tar.xz (its folder holds this script as install.sh, the bundle, the icons):
#   sh install.sh
# From the source tree, after PyInstaller:
#   sh resources/installers/install-linux.sh dist/meter-journal
# To remove it (the journal in ~/.local/share/MeterJournal stays), with the copy of this script it installs:
#   sh ~/.local/opt/meter-journal/install-linux.sh --uninstall
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
opt="$HOME/.local/opt/meter-journal"
if [ "${1:-}" = "--uninstall" ]; then
  # The reminder off first: its autostart entry removed and its waiter stopped (desktop_app/autostart.py).
  if [ -x "$opt/meter-journal" ]; then "$opt/meter-journal" remind --off >/dev/null 2>&1 || true; fi
  rm -f "${XDG_CONFIG_HOME:-$HOME/.config}/autostart/meter-journal-reminder.desktop"
  if [ "$(readlink "$HOME/.local/bin/meter-journal" 2>/dev/null || true)" = "$opt/meter-journal" ]; then
    rm -f "$HOME/.local/bin/meter-journal"
  fi
  rm -f "$prefix/applications/meter-journal.desktop"
  for size in 16 24 32 48 64 128 256 512; do rm -f "$prefix/icons/hicolor/${size}x${size}/apps/meter-journal.png"; done
  rm -rf "$opt"
  if command -v update-desktop-database >/dev/null; then update-desktop-database "$prefix/applications" || true; fi
  echo "Removed: $opt. The journal stays in ${XDG_DATA_HOME:-$HOME/.local/share}/MeterJournal."
  exit 0
fi
if [ -d "$here/meter-journal" ]; then default_bundle="$here/meter-journal"; else default_bundle=dist/meter-journal; fi
if [ -d "$here/icons" ]; then icons="$here/icons"; else icons="$here/../icons"; fi
bundle="${1:-$default_bundle}"
test -x "$bundle/meter-journal" || { echo "No program in $bundle (expected $bundle/meter-journal)" >&2; exit 1; }
mkdir -p "$opt" "$HOME/.local/bin" "$prefix/applications"
cp -R "$bundle"/. "$opt"/
[ "$here" = "$opt" ] || cp "$0" "$opt/install-linux.sh"  # kept for --uninstall
ln -sf "$opt/meter-journal" "$HOME/.local/bin/meter-journal"
for size in 16 24 32 48 64 128 256 512; do
  dir="$prefix/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  cp "$icons/meter-journal-$size.png" "$dir/meter-journal.png"
done
sed "s|^Exec=meter-journal|Exec=\"$opt/meter-journal\"|" "$here/meter-journal.desktop" > "$prefix/applications/meter-journal.desktop"
if command -v update-desktop-database >/dev/null; then update-desktop-database "$prefix/applications" || true; fi
echo "Installed: $opt (menu: Журнал показаний). To remove it: sh $opt/install-linux.sh --uninstall"
