#!/usr/bin/env python3
"""The JSON Schema of the project file (docs/nnp.schema.json) against what the project reads and writes.

Valid: every file under samples/ (the lessons included); the projects tst_schema writes with the core's writer
(<build>/schema_projects: every kind with every option, a lesson with every goal kind, a trained run with its
state); and what `nnp` writes here: `nnp train` on samples (trained weights with the run state, a lesson, text
columns), `nnp new` on a raw CSV with the new options (no header, missing values dropped, a split column, a
column forced categorical), trained. Each is also read by `nnp info` (exit 0).

Invalid: hand-broken files, each refused by the schema and by `nnp info` (exit 2) alike.

Usage: validate_schema.py SCHEMA NNP_EXE SOURCE_DIR WRITTEN_DIR (run by CTest as `schema_validation`).
Needs python3-jsonschema (Debian 12: 4.10).
"""
import copy
import glob
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

SCHEMA, NNP, SOURCE, WRITTEN = (os.path.abspath(a) for a in sys.argv[1:5])

with open(SCHEMA, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failures = []


def errors_of(doc):
    return sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))


def nnp(*args):
    return subprocess.run([NNP, *args], capture_output=True, text=True, timeout=300)


def expect_valid(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    errs = errors_of(doc)
    if errs:
        failures.append(f"{path}: " + "; ".join(f"/{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
                                               for e in errs[:5]))
    info = nnp("info", path)
    if info.returncode != 0:
        failures.append(f"{path}: nnp info exits {info.returncode}: {info.stderr.strip()[:300]}")
    return doc


def expect_invalid(name, doc, work):
    if not errors_of(doc):
        failures.append(f"broken file '{name}' validates")
    path = os.path.join(work, name + ".nnp")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    info = nnp("info", path)
    if info.returncode != 2:
        failures.append(f"broken file '{name}': nnp info exits {info.returncode}, expected 2 (the reader and "
                        "the schema disagree)")


counts = {"samples": 0, "written by tst_schema": 0, "written by nnp": 0, "broken": 0}

samples = sorted(glob.glob(os.path.join(SOURCE, "samples", "**", "*.nnp"), recursive=True))
lessons = [s for s in samples if os.sep + "lessons" + os.sep in s]
if len(samples) < 20 or not lessons:
    failures.append(f"expected the samples and the lessons, found {len(samples)} files")
for s in samples:
    expect_valid(s)
    counts["samples"] += 1

written = sorted(glob.glob(os.path.join(WRITTEN, "*.nnp")))
if len(written) < 3:
    failures.append(f"tst_schema wrote {len(written)} projects to {WRITTEN}; run it first (CTest does)")
for w in written:
    expect_valid(w)
    counts["written by tst_schema"] += 1

with tempfile.TemporaryDirectory() as work:
    # Trained by the CLI: the weights with their run state; a lesson; text and id columns; images.
    for sample in ["iris.nnp", "lessons/07_mini_batch.nnp", "bag_of_words.nnp", "recommender.nnp",
                   "digits_8x8_cnn.nnp"]:
        # A copy in the work folder with absolute data paths: nothing is written beside the samples.
        src = os.path.join(SOURCE, "samples", sample)
        with open(src, encoding="utf-8") as f:
            doc = json.load(f)
        data = doc.get("data", {})
        for key in ["path", "images", "labels", "test_images", "test_labels"]:
            if data.get(key):
                data[key] = os.path.join(os.path.dirname(src), data[key])
        if data.get("csv", {}).get("test_path"):
            data["csv"]["test_path"] = os.path.join(os.path.dirname(src), data["csv"]["test_path"])
        copy_path = os.path.join(work, "copy_" + os.path.basename(sample))
        with open(copy_path, "w", encoding="utf-8") as f:
            json.dump(doc, f)
        out = os.path.join(work, "trained_" + os.path.basename(sample))
        run = nnp("train", copy_path, "--epochs", "1", "-q", "--out", out)
        if run.returncode not in (0, 4):
            failures.append(f"nnp train {sample}: exit {run.returncode}: {run.stderr.strip()[:300]}")
            continue
        doc = expect_valid(out)
        if "run_state" not in doc.get("trained", {}):
            failures.append(f"nnp train {sample} wrote no run state")
        counts["written by nnp"] += 1

    # A raw CSV through `nnp new` with the new options, then trained.
    csv = os.path.join(work, "raw.csv")
    with open(csv, "w", encoding="utf-8") as f:
        for i in range(120):
            x1 = ((i * 37) % 101) / 50.0 - 1.0
            x2 = ((i * 53) % 97) / 48.0 - 1.0
            a = "" if i == 7 else f"{x1:.4f}"
            f.write(f"{a},{1 + i % 3},{x2:.4f},{'yes' if x1 + x2 > 0 else 'no'},{'test' if i % 5 == 0 else 'train'}\n")
    raw = os.path.join(work, "raw.nnp")
    made = nnp("new", "-o", raw, "--csv", csv, "--no-header", "--target", "c4", "--missing", "drop_rows",
               "--split-column", "c5", "--categorical", "c2", "--epochs", "2")
    if made.returncode != 0:
        failures.append(f"nnp new: exit {made.returncode}: {made.stderr.strip()[:300]}")
    else:
        doc = expect_valid(raw)
        csv_options = doc["data"]["csv"]
        if csv_options.get("header") is not False or csv_options.get("split_column") != "c5":
            failures.append(f"nnp new did not write the CSV options: {csv_options}")
        counts["written by nnp"] += 1
        run = nnp("train", raw, "--epochs", "2", "-q")
        if run.returncode not in (0, 4):
            failures.append(f"nnp train raw.nnp: exit {run.returncode}: {run.stderr.strip()[:300]}")
        else:
            doc = expect_valid(raw)
            if "csv_schema" not in doc.get("trained", {}) or "run_state" not in doc["trained"]:
                failures.append("nnp train on the raw CSV wrote no CSV schema or run state")
            counts["written by nnp"] += 1

    # The same CSV with its gap filled by a value given, trained: the policy, its value and the stored fill.
    filled = os.path.join(work, "filled.nnp")
    made = nnp("new", "-o", filled, "--csv", csv, "--no-header", "--target", "c4", "--missing", "fill_value",
               "--fill-value", "0", "--split-column", "c5", "--epochs", "2")
    if made.returncode != 0:
        failures.append(f"nnp new --missing fill_value: exit {made.returncode}: {made.stderr.strip()[:300]}")
    else:
        run = nnp("train", filled, "--epochs", "2", "-q")
        if run.returncode not in (0, 4):
            failures.append(f"nnp train filled.nnp: exit {run.returncode}: {run.stderr.strip()[:300]}")
        doc = expect_valid(filled)
        if doc["data"]["csv"].get("fill_value") != "0":
            failures.append(f"nnp new did not write the fill value: {doc['data']['csv']}")
        counts["written by nnp"] += 1
        no_value = json.loads(json.dumps(doc))
        del no_value["data"]["csv"]["fill_value"]
        expect_invalid("fill_value_without_value", no_value, work)
        counts["broken"] += 1

    # Broken by hand: each refused by the schema and by the reader.
    with open(os.path.join(SOURCE, "samples", "lessons", "07_mini_batch.nnp"), encoding="utf-8") as f:
        good = json.load(f)
    with open(os.path.join(WRITTEN, "trained_run_state.nnp"), encoding="utf-8") as f:
        trained = json.load(f)

    def broken(name, base, change):
        doc = copy.deepcopy(base)
        change(doc)
        expect_invalid(name, doc, work)
        counts["broken"] += 1

    def set_in(path, value):
        def change(doc):
            node = doc
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value
        return change

    def delete(path):
        def change(doc):
            node = doc
            for key in path[:-1]:
                node = node[key]
            del node[path[-1]]
        return change

    broken("unknown_kind", good, set_in(["graph", "nodes", 1, "kind"], "Dense3D"))
    broken("no_graph", good, delete(["graph"]))
    broken("newer_version", good, set_in(["version"], 4))
    broken("wrong_format", good, set_in(["format"], "onnx"))
    broken("unknown_top_key", good, set_in(["weights"], []))
    broken("units_as_text", good, set_in(["graph", "nodes", 1, "options", "units"], "8"))
    broken("units_zero", good, set_in(["graph", "nodes", 1, "options", "units"], 0))
    broken("unknown_option", good, set_in(["graph", "nodes", 1, "options", "neurons"], 3))
    broken("unknown_activation", good, set_in(["graph", "nodes", 1, "options", "activation"], "swish"))
    broken("unknown_optimizer", good, set_in(["training", "optimizer", "kind"], "lion"))
    broken("negative_learning_rate", good, set_in(["training", "optimizer", "learning_rate"], -0.1))
    broken("edited_goal_without_control", good,
           set_in(["lesson", "steps", 0, "goal"], {"kind": "edited"}))
    broken("empty_lesson", good, set_in(["lesson", "steps"], []))
    broken("dropout_rate_one", trained,
           lambda d: [n["options"].update(rate=1.0) for n in d["graph"]["nodes"] if n["kind"] == "Dropout"])
    broken("weights_not_base64", trained, set_in(["trained", "weights", 0, "data"], "not base64!"))
    broken("run_state_without_moments", trained, delete(["trained", "run_state", "moments"]))
    broken("position_in_a_closed_epoch", trained,
           lambda d: d["trained"]["run_state"].update(epoch_open=False, position=3))
    broken("history_loss_as_text", trained,
           lambda d: d.setdefault("history", [{"epoch": 1, "train_loss": 0.5}]).__setitem__(0, {
               "epoch": 1, "train_loss": "lots"}))

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("schema_validation: " + ", ".join(f"{n} {k}" for k, n in counts.items()) + " — all as expected")
