#!/usr/bin/env bash
# Fetches real test media for a module's tests from Debian packages (downloaded with apt-get,
# unpacked with dpkg-deb, never installed, never committed):
#   python3-skimage: astronaut.png (public domain, NASA) and lfw_subset.npy (25x25 face crops)
#   opencv-doc: Megamind.avi (a real clip with a face) and vtest.avi (a clip of walking people)
# The .deb files are cached under $AP_CACHE (default ~/.cache/affective-processes/deb); the
# extracted files are checked against the SHA-256 sums below.
#
# Usage: fetch-test-media.sh <test-media-out> [file name...]   (no names: every file below)
set -euo pipefail

media="$1"
shift
wanted=" $* "
cache="${AP_CACHE:-$HOME/.cache/affective-processes}/deb"
mkdir -p "$cache" "$media"

# file name, package, path inside the package, SHA-256
FILES=(
  "astronaut.png python3-skimage ./usr/lib/python3/dist-packages/skimage/data/astronaut.png 88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5"
  "lfw_subset.npy python3-skimage ./usr/lib/python3/dist-packages/skimage/data/lfw_subset.npy 9560ec2f5edfac01973f63a8a99d00053fecd11e21877e18038fbe500f8e872c"
  "Megamind.avi opencv-doc ./usr/share/doc/opencv-doc/examples/data/Megamind.avi 0057387cb7e75c8fd1663b62cfdc51fa53f527795d0fe3c1fea2fd159d3130b5"
  "vtest.avi opencv-doc ./usr/share/doc/opencv-doc/examples/data/vtest.avi 45cddc9490be69345cbdab64ca583be65987e864ca408038e648db99e10516cf"
)

ok() { [ -f "$1" ] && echo "$2  $1" | sha256sum -c --status; }

deb_of() {
  local pkg="$1" deb
  deb="$(ls "$cache"/"${pkg}"_*.deb 2>/dev/null | head -n 1 || true)"
  if [ -z "$deb" ]; then
    command -v apt-get >/dev/null || { echo "fetch-test-media: apt-get is needed to fetch the test media ($pkg)" >&2; exit 1; }
    if ! (cd "$cache" && apt-get download -q "$pkg" >/dev/null 2>&1); then
      if [ "$(id -u)" = 0 ]; then
        apt-get update -qq >/dev/null
      fi
      (cd "$cache" && apt-get download -q "$pkg" >/dev/null) \
        || { echo "fetch-test-media: 'apt-get download $pkg' failed (run apt-get update?)" >&2; exit 1; }
    fi
    deb="$(ls "$cache"/"${pkg}"_*.deb | head -n 1)"
  fi
  echo "$deb"
}

for pkg in python3-skimage opencv-doc; do
  paths=()
  for entry in "${FILES[@]}"; do
    read -r name owner path sha <<<"$entry"
    if [ "$owner" = "$pkg" ] && { [ "$wanted" = "  " ] || [[ "$wanted" == *" $name "* ]]; } && ! ok "$media/$name" "$sha"; then
      paths+=("$path")
    fi
  done
  [ "${#paths[@]}" -eq 0 ] && continue
  deb="$(deb_of "$pkg")"
  tmp="$(mktemp -d)"
  dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp" "${paths[@]}"
  for entry in "${FILES[@]}"; do
    read -r name owner path sha <<<"$entry"
    if [ "$owner" = "$pkg" ] && [ -f "$tmp/$path" ]; then
      mv "$tmp/$path" "$media/$name"
      ok "$media/$name" "$sha" || { echo "fetch-test-media: $name from $pkg does not have the expected SHA-256" >&2; exit 1; }
    fi
  done
  rm -rf "$tmp"
done
