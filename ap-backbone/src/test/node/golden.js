// Runs the ORIGINAL face-api facial expression model (@vladmandic/face-api 1.7.15 on the TF.js
// CPU backend) on real face images and writes its outputs (class probabilities and the 256-d
// embedding) as the golden file that FaceExpressionGoldenTest checks the Java rebuild against.
//
//   cd ap-backbone && mvn -q generate-test-resources          # fetches the test media (target/test-media)
//   cd src/test/node && npm ci && node golden.js ../../../target/test-media \
//       ../resources/org/affectiveprocesses/backbone/expression/face-expression-golden.json
//
// Inputs: crops of astronaut.png (Debian python3-skimage, public domain) given as pixel boxes, and
// faces of lfw_subset.npy (same package, 25x25 grey, float64 in [0, 1], scaled to 0-255 and
// repeated over R, G, B). Each crop is handed to face-api as a float32 image tensor, so face-api's
// own preprocessing (pad to square, bilinear resize to 112, mean subtraction) runs.
'use strict';

const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

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

async function main() {
  const [media, outFile] = process.argv.slice(2);
  if (!media || !outFile) throw new Error('usage: node golden.js <test-media-dir> <golden.json>');
  await faceapi.tf.setBackend('cpu');
  await faceapi.tf.ready();
  const modelDir = path.dirname(require.resolve('@vladmandic/face-api/model/face_expression_model-weights_manifest.json'));
  await faceapi.nets.faceExpressionNet.loadFromDisk(modelDir);
  const net = faceapi.nets.faceExpressionNet;
  const cases = [];
  for (const c of CASES) {
    const img = c.image ? pngCrop(path.join(media, c.image), c.box) : lfwFace(path.join(media, 'lfw_subset.npy'), c.lfw);
    const tensor = faceapi.tf.tensor3d(img.values, [img.height, img.width, 3], 'float32');
    const input = await faceapi.toNetInput(tensor);
    const embedding = net.faceFeatureExtractor.forwardInput(input);
    const probs = await net.forward(tensor);
    cases.push({
      name: c.name,
      ...(c.image ? { image: c.image, box: c.box } : { lfwIndex: c.lfw }),
      probabilities: Array.from(probs.dataSync()),
      embedding: Array.from(embedding.dataSync()),
    });
    faceapi.tf.dispose([tensor, embedding, probs]);
  }
  const golden = {
    generator: 'ap-backbone/src/test/node/golden.js',
    model: '@vladmandic/face-api 1.7.15 model/face_expression_model',
    runtime: `@tensorflow/tfjs ${faceapi.tf.version_core} (${faceapi.tf.getBackend()} backend), node ${process.version}`,
    classes: ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'],
    cases,
  };
  fs.writeFileSync(outFile, `${JSON.stringify(golden, null, 1)}\n`);
  console.log(`wrote ${cases.length} cases to ${outFile}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
