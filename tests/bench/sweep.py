#!/usr/bin/python3
"""How training cost grows with the work (issue 14): samples/s of a 3-layer MLP against layer width and batch size,
`nnp bench --mlp` beside PyTorch 1.13 at its best, one thread each, drawn into one PNG.

The MLP is width -> Dense width ReLU -> Dense width ReLU -> Dense 10, softmax cross-entropy, Adam, on random data
(the speed depends only on the shapes). Two sweeps:
  - width 16 ... 2048 at batch 128,
  - batch 1 ... 512 at width 256.
Each point is the best of --repeat runs of --seconds per side. The figure has the rate (samples/s) and the
arithmetic rate of the matrix products (GFLOP/s: forward, weight and input gradients, 2 FLOPs per multiply-add)
for both sides; where the GFLOP/s curve flattens, a side is bound by its matrix products (GEMM); below that, by
the fixed cost of a step (calls, small element-wise passes, the optimizer).

    tests/bench/sweep.py [--nnp build-release/app/nnp] [--out docs/speed_sweep.png] [--seconds 0.3]

Needs python3-matplotlib and python3-torch from Debian (`apt-get install python3-matplotlib python3-torch
libopenblas0-openmp`); run with /usr/bin/python3. PyTorch runs at its best as in compare_pytorch.py (its
torch_env). The default run takes about two minutes on the 2-core development machine.
"""
import argparse
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare_pytorch import clean_blas_env, torch_env  # noqa: E402  (the same environments)

WIDTHS = [16, 32, 64, 128, 256, 512, 1024, 2048]
BATCHES = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]
WIDTH_BATCH = 128  # the batch of the width sweep
BATCH_WIDTH = 256  # the width of the batch sweep
CLASSES = 10


def sizes(width):
    return [width, width, width, CLASSES]


def flops_per_sample(width):
    """Multiply-adds of a training sample in the products, ×2: forward, weight gradients, and the input gradients
    of the second and third layer (the first layer's input needs none), as nnp bench counts them."""
    s = sizes(width)
    weights = [s[i] * s[i + 1] for i in range(len(s) - 1)]
    return 2.0 * (3 * sum(weights) - weights[0])


def torch_worker(points, seconds):
    """Runs every (width, batch) point in this process; prints one JSON line each."""
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(42)
    for width, batch in points:
        s = sizes(width)
        model = torch.nn.Sequential(torch.nn.Linear(s[0], s[1]), torch.nn.ReLU(), torch.nn.Linear(s[1], s[2]),
                                    torch.nn.ReLU(), torch.nn.Linear(s[2], s[3]))
        opt = torch.optim.Adam(model.parameters(), lr=0.001)
        loss_fn = torch.nn.CrossEntropyLoss()
        n = max(4 * batch, 2048)
        x = torch.rand(n, width)
        y = torch.randint(0, CLASSES, (n,))
        state = {"order": torch.randperm(n), "pos": 0}

        def step():
            if state["pos"] + batch > n:
                state["order"] = torch.randperm(n)
                state["pos"] = 0
            idx = state["order"][state["pos"]:state["pos"] + batch]
            state["pos"] += batch
            opt.zero_grad(set_to_none=True)
            loss_fn(model(x[idx]), y[idx]).backward()
            opt.step()

        warm_end = time.perf_counter() + max(0.1, 0.3 * seconds)
        warm = 0
        while warm < 5 or time.perf_counter() < warm_end:
            step()
            warm += 1
        steps = 0
        start = time.perf_counter()
        now = start
        while now < start + seconds:
            step()
            steps += 1
            now = time.perf_counter()
        print(json.dumps({"width": width, "batch": batch, "samples_per_s": steps * batch / (now - start)}),
              flush=True)


def run_nnp(nnp, width, batch, seconds):
    out = subprocess.run([nnp, "bench", "--mlp", ",".join(map(str, sizes(width))), "--batch", str(batch),
                          "--seconds", str(seconds), "--threads", "1", "--json"],
                         env=clean_blas_env(), check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads([l for l in out.splitlines() if l.startswith("{")][0])["samples_per_s"]


def run_torch(points, seconds):
    cmd = [sys.executable, os.path.abspath(__file__), "--torch-worker", json.dumps(points), "--seconds",
           str(seconds)]
    out = subprocess.run(cmd, env=torch_env(1, best=True), check=True, stdout=subprocess.PIPE, text=True).stdout
    rates = {}
    for line in out.splitlines():
        if line.startswith("{"):
            r = json.loads(line)
            rates[(r["width"], r["batch"])] = r["samples_per_s"]
    return rates


def plot(results, path, note):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 2, figsize=(11, 8))
    for col, (key, xs, fixed, label) in enumerate(
            [("width", WIDTHS, WIDTH_BATCH, "layer width (batch %d)" % WIDTH_BATCH),
             ("batch", BATCHES, BATCH_WIDTH, "batch size (width %d)" % BATCH_WIDTH)]):
        for side, style in (("nnp", "o-"), ("PyTorch", "s--")):
            pts = [(x, results[side][(x, fixed) if key == "width" else (fixed, x)]) for x in xs]
            rate = [r for _, r in pts]
            width_of = (lambda x: x) if key == "width" else (lambda x: fixed)
            gflops = [r * flops_per_sample(width_of(x)) * 1e-9 for x, r in pts]
            axes[0][col].loglog(xs, rate, style, label=side)
            axes[1][col].semilogx(xs, gflops, style, label=side)
        axes[0][col].set_ylabel("samples/s")
        axes[1][col].set_ylabel("GFLOP/s in the matrix products")
        for row in (0, 1):
            axes[row][col].set_xlabel(label)
            axes[row][col].set_xscale("log", base=2)
            axes[row][col].grid(True, which="both", alpha=0.3)
            axes[row][col].legend()
    fig.suptitle("3-layer MLP (ReLU, softmax CE, Adam), one thread: nnp vs PyTorch 1.13 at its best\n" + note,
                 fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=90)


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nnp", default=os.path.join(root, "build-release", "app", "nnp"))
    ap.add_argument("--out", default=os.path.join(root, "docs", "speed_sweep.png"))
    ap.add_argument("--seconds", type=float, default=0.3, help="measured time per point and side")
    ap.add_argument("--repeat", type=int, default=2, help="runs per side, the best counts")
    ap.add_argument("--json", help="also write the measured rates to this file")
    ap.add_argument("--torch-worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.torch_worker:
        torch_worker([tuple(p) for p in json.loads(args.torch_worker)], args.seconds)
        return 0
    if not os.access(args.nnp, os.X_OK):
        print("sweep.py: no nnp at %s (build the release preset, target nnp)" % args.nnp, file=sys.stderr)
        return 2

    points = [(w, WIDTH_BATCH) for w in WIDTHS] + [(BATCH_WIDTH, b) for b in BATCHES if b != WIDTH_BATCH]
    results = {"nnp": {}, "PyTorch": {}}
    start = time.time()
    for _ in range(max(1, args.repeat)):
        for p in points:
            r = run_nnp(args.nnp, p[0], p[1], args.seconds)
            results["nnp"][p] = max(r, results["nnp"].get(p, 0))
        for p, r in run_torch(points, args.seconds).items():
            results["PyTorch"][p] = max(r, results["PyTorch"].get(p, 0))
    load = os.getloadavg()[0]
    print("%-6s %-6s %14s %14s %8s" % ("width", "batch", "nnp", "PyTorch", "ratio"))
    for p in points:
        a, b = results["nnp"][p], results["PyTorch"][p]
        print("%-6d %-6d %14.1f %14.1f %7.2fx" % (p[0], p[1], a, b, a / b))
    note = "%s, load average %.1f on %d cores while measuring" % (time.strftime("%Y-%m-%d"), load,
                                                                  os.cpu_count() or 0)
    plot(results, args.out, note)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({side: {"%d,%d" % k: v for k, v in r.items()} for side, r in results.items()}, f, indent=1)
    print("wrote %s (%.0f s; %s)" % (args.out, time.time() - start, note))
    return 0


if __name__ == "__main__":
    sys.exit(main())
