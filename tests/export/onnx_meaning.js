// Reads what an ONNX model says about itself, for the export tests: the model's metadata_props (parsed from
// the protobuf bytes here: onnxruntime-node's API does not expose the custom metadata map), its doc string,
// and the inputs and outputs as onnxruntime loads them.
// usage: node onnx_meaning.js MODEL.onnx OUT.json
//   OUT.json: {"metadata": {key: value}, "doc": "...", "inputs": [{name, shape}], "outputs": [{name, shape}]}
const fs = require('fs');
const ort = require('onnxruntime-node');

// Protocol buffers' wire format: (field << 3 | type) varint tags; type 0 varint, 1 fixed64, 2 bytes, 5 fixed32.
function fields(buf) {
    const out = [];
    let i = 0;
    const varint = () => {
        let v = 0n, shift = 0n;
        for (;;) {
            const b = buf[i++];
            v |= BigInt(b & 0x7f) << shift;
            if (!(b & 0x80)) return v;
            shift += 7n;
        }
    };
    while (i < buf.length) {
        const tag = Number(varint());
        const field = tag >> 3, type = tag & 7;
        if (type === 0) out.push({field, value: varint()});
        else if (type === 1) i += 8;
        else if (type === 5) i += 4;
        else if (type === 2) {
            const n = Number(varint());
            out.push({field, bytes: buf.subarray(i, i + n)});
            i += n;
        } else throw new Error('unsupported wire type ' + type);
    }
    return out;
}

async function main() {
    const [model, outPath] = process.argv.slice(2);
    const bytes = fs.readFileSync(model);
    const metadata = {};
    let doc = '';
    for (const f of fields(bytes)) {
        if (f.field === 6) doc = Buffer.from(f.bytes).toString('utf8'); // ModelProto.doc_string
        if (f.field !== 14) continue;                                  // ModelProto.metadata_props
        let key = '', value = '';
        for (const e of fields(f.bytes)) {
            if (e.field === 1) key = Buffer.from(e.bytes).toString('utf8');
            if (e.field === 2) value = Buffer.from(e.bytes).toString('utf8');
        }
        metadata[key] = value;
    }
    const session = await ort.InferenceSession.create(model);
    const values = (m) => m.map((v) => ({name: v.name, shape: v.shape}));
    fs.writeFileSync(outPath, JSON.stringify({
        metadata, doc, inputs: values(session.inputMetadata), outputs: values(session.outputMetadata),
    }));
}

main().catch((e) => {
    console.error(String(e && e.stack ? e.stack : e));
    process.exit(1);
});
