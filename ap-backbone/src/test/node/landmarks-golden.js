// Runs the ORIGINAL face-api 68-point landmark model (@vladmandic/face-api 1.7.15
// model/face_landmark_68_model, on the TF.js CPU backend) on real face images and writes its
// outputs as the golden file that FaceLandmarkGoldenTest (ap-video) checks the Java rebuild against.
//
//   cd ap-backbone && mvn -q generate-test-resources          # fetches the test media (target/test-media)
//   cd src/test/node && npm ci && node landmarks-golden.js ../../../target/test-media \
//       ../../../../ap-video/src/test/resources/org/affectiveprocesses/video/landmarks/face-landmarks-golden.json
//
// Inputs as in golden.js: crops of astronaut.png (square, tall, wide, small, whole: the model pads
// each to a square itself) and faces of lfw_subset.npy. Per case the file holds the network's raw
// output (136 values: x0, y0, x1, y1, ... relative to the padded 112 x 112 input) and face-api's
// post-processed landmarks (the same points relative to the crop's width and height).
'use strict';

const fs = require('fs');
const path = require('path');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const { CASES, caseImage, caseSource } = require('./media');

async function main() {
  const [media, outFile] = process.argv.slice(2);
  if (!media || !outFile) throw new Error('usage: node landmarks-golden.js <test-media-dir> <golden.json>');
  await faceapi.tf.setBackend('cpu');
  await faceapi.tf.ready();
  const modelDir = path.dirname(require.resolve('@vladmandic/face-api/model/face_landmark_68_model-weights_manifest.json'));
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
  const net = faceapi.nets.faceLandmark68Net;
  const cases = [];
  for (const c of CASES) {
    const img = caseImage(media, c);
    const tensor = faceapi.tf.tensor3d(img.values, [img.height, img.width, 3], 'float32');
    const input = await faceapi.toNetInput(tensor);
    const raw = net.runNet(input);
    const relative = net.forwardInput(input);
    cases.push({
      name: c.name,
      ...caseSource(c),
      raw: Array.from(raw.dataSync()),
      relative: Array.from(relative.dataSync()),
    });
    faceapi.tf.dispose([tensor, raw, relative]);
  }
  const golden = {
    generator: 'ap-backbone/src/test/node/landmarks-golden.js',
    model: '@vladmandic/face-api 1.7.15 model/face_landmark_68_model',
    runtime: `@tensorflow/tfjs ${faceapi.tf.version_core} (${faceapi.tf.getBackend()} backend), node ${process.version}`,
    layout: 'x0, y0, x1, y1, ..., x67, y67 (iBUG 300-W 68-point order)',
    cases,
  };
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify(golden, null, 1)}\n`);
  console.log(`wrote ${cases.length} cases to ${outFile}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
