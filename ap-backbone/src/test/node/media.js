// The real test images the golden generators feed to face-api's original models: pixel crops of
// a PNG (astronaut.png) and faces of skimage's lfw_subset.npy, as float32 RGB.
'use strict';

const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');

// A crop [x, y, width, height] of a PNG, as height x width x 3 float32 values 0-255.
function pngCrop(file, [x0, y0, w, h]) {
  const png = PNG.sync.read(fs.readFileSync(file));
  const out = new Float32Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const s = ((y0 + y) * png.width + (x0 + x)) * 4;
      for (let c = 0; c < 3; c++) out[(y * w + x) * 3 + c] = png.data[s + c];
    }
  }
  return { values: out, height: h, width: w };
}

// Face `index` of lfw_subset.npy (200 x 25 x 25 float64 in [0, 1]), scaled to 0-255, grey over R, G, B.
function lfwFace(file, index) {
  const buf = fs.readFileSync(file);
  const headerLen = buf.readUInt16LE(8);
  const header = buf.toString('latin1', 10, 10 + headerLen);
  if (!header.includes("'<f8'") || !header.includes('(200, 25, 25)')) throw new Error(`unexpected npy header ${header}`);
  const offset = 10 + headerLen + index * 625 * 8;
  const out = new Float32Array(625 * 3);
  for (let i = 0; i < 625; i++) {
    const v = buf.readDoubleLE(offset + i * 8) * 255;
    out[i * 3] = v; out[i * 3 + 1] = v; out[i * 3 + 2] = v;
  }
  return { values: out, height: 25, width: 25 };
}

// The real images both golden files are made from: crops of astronaut.png (square, tall, wide,
// small and whole: face-api pads each to a square itself) and four faces of lfw_subset.npy.
const CASES = [
  { name: 'astronaut-whole', image: 'astronaut.png', box: [0, 0, 512, 512] },
  { name: 'astronaut-face-square', image: 'astronaut.png', box: [165, 55, 125, 125] },
  { name: 'astronaut-face-tall', image: 'astronaut.png', box: [171, 41, 107, 130] },
  { name: 'astronaut-face-wide', image: 'astronaut.png', box: [150, 70, 160, 111] },
  { name: 'astronaut-small', image: 'astronaut.png', box: [190, 80, 61, 61] },
  { name: 'lfw-0', lfw: 0 },
  { name: 'lfw-1', lfw: 1 },
  { name: 'lfw-2', lfw: 2 },
  { name: 'lfw-3', lfw: 3 },
];

// The image of a case, read from the test-media folder.
function caseImage(media, c) {
  return c.image ? pngCrop(path.join(media, c.image), c.box) : lfwFace(path.join(media, 'lfw_subset.npy'), c.lfw);
}

// What a golden file records of a case besides the model's outputs.
function caseSource(c) {
  return c.image ? { image: c.image, box: c.box } : { lfwIndex: c.lfw };
}

module.exports = { CASES, caseImage, caseSource };
