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
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const { CASES, caseImage, caseSource } = require('./media');

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
    const img = caseImage(media, c);
    const tensor = faceapi.tf.tensor3d(img.values, [img.height, img.width, 3], 'float32');
    const input = await faceapi.toNetInput(tensor);
    const embedding = net.faceFeatureExtractor.forwardInput(input);
    const probs = await net.forward(tensor);
    cases.push({
      name: c.name,
      ...caseSource(c),
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
