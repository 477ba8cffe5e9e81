// Runs an ONNX model in onnxruntime (node) for the export tests.
// usage: node run_onnx.js MODEL.onnx FEEDS.json OUT.json
//   FEEDS.json: {"input_name": {"dims": [N, F], "data": [...row-major floats...]}, ...}
//   OUT.json:   {"output_name": {"dims": [...], "data": [...]}, ...}
const fs = require('fs');
const ort = require('onnxruntime-node');

async function main() {
    const [model, feedsPath, outPath] = process.argv.slice(2);
    const feedsJson = JSON.parse(fs.readFileSync(feedsPath, 'utf8'));
    const feeds = {};
    for (const [name, t] of Object.entries(feedsJson))
        feeds[name] = new ort.Tensor('float32', Float32Array.from(t.data), t.dims);
    const session = await ort.InferenceSession.create(model);
    const results = await session.run(feeds);
    const out = {};
    for (const [name, t] of Object.entries(results))
        out[name] = {dims: Array.from(t.dims), data: Array.from(t.data)};
    fs.writeFileSync(outPath, JSON.stringify(out));
}

main().catch((e) => {
    console.error(String(e && e.stack ? e.stack : e));
    process.exit(1);
});
