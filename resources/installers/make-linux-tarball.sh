#!/bin/sh
# The Linux download: the bundle, install.sh, the menu entry and the icons in one folder, packed as tar.xz.
#   sh resources/installers/make-linux-tarball.sh dist/meter-journal 0.1.0 dist
#   → dist/meter-journal-0.1.0-linux-x86_64.tar.xz; a user unpacks it and runs `sh install.sh` inside.
set -eu
bundle="$1"
version="$2"
out="${3:-dist}"
here="$(cd "$(dirname "$0")" && pwd)"
test -x "$bundle/meter-journal" || { echo "No program in $bundle (expected $bundle/meter-journal)" >&2; exit 1; }
name="meter-journal-$version-linux-$(uname -m)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name/icons" "$out"
cp -R "$bundle" "$stage/$name/meter-journal"
cp "$here/install-linux.sh" "$stage/$name/install.sh"
cp "$here/meter-journal.desktop" "$stage/$name/"
cp "$here"/../icons/meter-journal-*.png "$stage/$name/icons/"
XZ_OPT="${XZ_OPT:--6 -T0}" tar -C "$stage" --owner=0 --group=0 --numeric-owner -cJf "$out/$name.tar.xz" "$name"
echo "$out/$name.tar.xz"
