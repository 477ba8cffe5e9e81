#!/usr/bin/python3
"""Side-by-side speed of `nnp bench` and the same workloads in PyTorch (issues 2 and 11, "Speed").

For each thread count (1 and 2 by default) and each workload it runs `nnp bench --workload W --json`, then the
same network, data shape, batch size, loss and optimizer in PyTorch (float32, torch.set_num_threads(N)), each
in its own process and one after the other, so both see the same machine at nearly the same moment; with
--repeat R it alternates R times and keeps each side's best rate. It prints the measured rates and the ratios
nnp / PyTorch against the targets of issue 14 (W1, W2 on steps/s, W3 on samples/s), issue 10 (W4, W5) and
issue 11 (W6, W7) on samples/s.

PyTorch runs at its best: OpenBLAS with its own core detection (OPENBLAS_CORETYPE, which this environment
forces to Haswell, halves its GEMM speed here, so it is removed; likewise for nnp, whose larger products run
in OpenBLAS too), OpenBLAS's OpenMP flavour, and glibc's malloc told to keep freed memory
(GLIBC_TUNABLES below; without it every step pays page faults, and our core sets the same thresholds with
mallopt in core/tensor.cpp). The ratio against PyTorch as installed (the environment as it is) is printed
beside it.

Use tests/bench/compare.sh (builds the Release CLI, cleans the BLAS environment); run this file directly with
/usr/bin/python3 (Debian's PyTorch 1.13 lives there). Exit status: 0 if every target is met, 1 if not,
2 if something could not run.
"""
import argparse
import json
import os
import subprocess
import sys
import time

# name: (layer sizes, hidden activation, batch, samples, optimizer, learning rate, rate compared, target ratio)
# The targets are issue 14's, against PyTorch at its best.
WORKLOADS = {
    "W1": ([2, 8, 8, 1], "tanh", 10, 500, "sgd", 0.03, "steps_per_s", 150.0),
    "W2": ([64, 128, 64, 10], "relu", 32, 1797, "adam", 0.001, "steps_per_s", 10.0),
    "W3": ([784, 256, 128, 10], "relu", 128, 60000, "adam", 0.001, "samples_per_s", 2.0),
    # the seed's recommender (issue 11): user and item ids -> nn.Embedding(1000, 8), nn.Embedding(500, 8) -> cat
    # -> 16-128-1
    "W7": ([16, 128, 1], "relu", 256, 100000, "adam", 0.001, "samples_per_s", 3.0),
    # the seed's sentiment model (issue 11): 20 word ids -> nn.Embedding(1000, 32) -> nn.LSTM(32, 64), its last
    # state -> 64-1
    "W6": ([64, 1], "tanh", 32, 10000, "adam", 0.001, "samples_per_s", 1.5),
    # CNNs on 1x28x28 images (issue 10): W4 a small one, W5 the seed's MNIST CNN (layers in CNN below)
    "W4": ([784, 10], "relu", 64, 10000, "adam", 0.001, "samples_per_s", 1.5),
    "W5": ([784, 10], "relu", 128, 10000, "adadelta", 1.0, "samples_per_s", 1.0),
}
RECOMMENDER = {"W7": (1000, 500, 8)}  # users, items, embedding size
SEQUENCE = {"W6": (20, 1000, 32)}  # steps, vocabulary, embedding size


def cnn(name):
    """W4 and W5 as nnp bench builds them (valid 3x3 convolutions, 2x2 max pooling, logits + softmax CE)."""
    import torch.nn as nn
    if name == "W4":
        return nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3), nn.ReLU(),
                             nn.MaxPool2d(2), nn.Flatten(), nn.Linear(400, 10))
    return nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Dropout(0.25), nn.Flatten(), nn.Linear(9216, 128), nn.ReLU(), nn.Dropout(0.5),
                         nn.Linear(128, 10))


CNN = ("W4", "W5")
# glibc's malloc keeps freed buffers up to 1 GiB and serves buffers below 32 MiB from the heap (RECIPES.md).
MALLOC_TUNABLES = "glibc.malloc.trim_threshold=1073741824:glibc.malloc.mmap_threshold=33554432"
SEED = 42


def torch_worker(name, threads, seconds):
    """Runs one workload in PyTorch in this process; prints one JSON line like `nnp bench --json`."""
    import torch

    torch.set_num_threads(threads)
    torch.manual_seed(SEED)
    sizes, act, batch, n, opt_name, lr, _, _ = WORKLOADS[name]
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.Tanh() if act == "tanh" else torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    if name in RECOMMENDER:
        users, items, dim = RECOMMENDER[name]
        mlp = model

        class Recommender(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.user = torch.nn.Embedding(users, dim)
                self.item = torch.nn.Embedding(items, dim)
                self.mlp = mlp

            def forward(self, ids):
                return self.mlp(torch.cat([self.user(ids[:, 0]), self.item(ids[:, 1])], dim=1))

        model = Recommender()
        x = torch.stack([torch.randint(0, users, (n,)), torch.randint(0, items, (n,))], dim=1)
        y = torch.randint(0, 2, (n, 1)).float()
        loss_fn = torch.nn.BCEWithLogitsLoss()
    elif name in SEQUENCE:
        steps, vocabulary, dim = SEQUENCE[name]
        head = model

        class Sentiment(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.embedding = torch.nn.Embedding(vocabulary, dim)
                self.lstm = torch.nn.LSTM(dim, sizes[0], batch_first=True)
                self.head = head

            def forward(self, ids):
                _, (h, _) = self.lstm(self.embedding(ids))
                return self.head(h[-1])

        model = Sentiment()
        x = torch.randint(0, vocabulary, (n, steps))
        y = torch.randint(0, 2, (n, 1)).float()
        loss_fn = torch.nn.BCEWithLogitsLoss()
    elif name in CNN:
        model = cnn(name)
        x = torch.rand(n, 1, 28, 28)
        y = torch.randint(0, 10, (n,))
        loss_fn = torch.nn.CrossEntropyLoss()
    elif sizes[-1] == 1:
        # The playground's circle: class 1 inside radius 3 of points spread over [-6, 6]^2.
        x = torch.rand(n, 2) * 12 - 6
        y = (x.norm(dim=1, keepdim=True) < 3).float()
        loss_fn = torch.nn.BCEWithLogitsLoss()
    else:
        x = torch.rand(n, sizes[0])
        y = torch.randint(0, sizes[-1], (n,))
        loss_fn = torch.nn.CrossEntropyLoss()
    if opt_name == "sgd":
        opt = torch.optim.SGD(model.parameters(), lr=lr)
    elif opt_name == "adadelta":  # Keras' defaults, as the seed model and nnp use them
        opt = torch.optim.Adadelta(model.parameters(), lr=lr, rho=0.95, eps=1e-7)
    else:
        opt = torch.optim.Adam(model.parameters(), lr=lr)

    state = {"order": torch.randperm(n), "pos": 0, "epochs": 0}

    def step():
        if state["pos"] >= n:
            state["order"] = torch.randperm(n)
            state["pos"] = 0
            state["epochs"] += 1
        idx = state["order"][state["pos"]:state["pos"] + batch]
        state["pos"] += batch
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        return loss, idx.shape[0]

    warm_end = time.perf_counter() + max(0.2, 0.1 * seconds)
    warm = 0
    while warm < 20 or time.perf_counter() < warm_end:
        step()
        warm += 1
    steps = samples = 0
    start = time.perf_counter()
    end = start + seconds
    now = start
    loss = None
    while now < end:
        loss, b = step()
        steps += 1
        samples += b
        now = time.perf_counter()
    elapsed = now - start
    print(json.dumps({"workload": name, "threads": threads, "torch_threads": torch.get_num_threads(),
                      "batch": batch, "steps_per_s": steps / elapsed, "samples_per_s": samples / elapsed,
                      "seconds": elapsed, "steps": steps, "epochs": state["epochs"],
                      "final_loss": float(loss)}), flush=True)


def run_json(cmd, env=None):
    out = subprocess.run(cmd, env=env, check=True, stdout=subprocess.PIPE, text=True).stdout
    lines = [l for l in out.splitlines() if l.startswith("{")]
    if len(lines) != 1:
        raise RuntimeError("expected one JSON line from %s, got:\n%s" % (" ".join(cmd), out))
    return json.loads(lines[0])


def clean_blas_env():
    """The environment without the settings that force OpenBLAS's kernels: a forced core type (Haswell here)
    halves its speed on this CPU, a forced L2 size misleads its blocking. Both sides run with it, since our core
    multiplies with the same OpenBLAS (its pthread flavour, core/layers/product.cpp)."""
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    return env


# PyTorch at its best loads OpenBLAS's OpenMP flavour (RECIPES.md), whichever flavour the alternatives name.
OPENMP_BLAS = "/usr/lib/x86_64-linux-gnu/openblas-openmp"


def torch_env(threads, best=True):
    """The environment of a PyTorch run: at its best, or as installed (the environment as it is)."""
    env = dict(os.environ)
    if best:
        # Malloc keeps its buffers between steps, OpenBLAS picks its kernels for this CPU.
        env = clean_blas_env()
        tunables = env.get("GLIBC_TUNABLES")
        env["GLIBC_TUNABLES"] = MALLOC_TUNABLES + (":" + tunables if tunables else "")
        if os.path.isdir(OPENMP_BLAS):
            env["LD_LIBRARY_PATH"] = OPENMP_BLAS + (":" + env["LD_LIBRARY_PATH"]
                                                    if env.get("LD_LIBRARY_PATH") else "")
    env["OMP_NUM_THREADS"] = str(threads)
    env["OPENBLAS_NUM_THREADS"] = str(threads)
    return env


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nnp", help="path of the nnp executable (Release build)")
    ap.add_argument("--seconds", type=float, default=3.0, help="measured wall time per run (default 3)")
    ap.add_argument("--threads", default="1,2", help="thread counts, comma separated (default 1,2)")
    ap.add_argument("--workloads", default="W1,W2,W3,W4,W5,W6,W7", help="default W1,W2,W3,W4,W5,W6,W7")
    ap.add_argument("--repeat", type=int, default=2,
                    help="runs per side, alternating; the best rate of each side counts (default 2: a busy "
                         "moment on this shared machine then spoils neither side's number)")
    ap.add_argument("--torch-worker", nargs=2, metavar=("WORKLOAD", "THREADS"), help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.torch_worker:
        torch_worker(args.torch_worker[0], int(args.torch_worker[1]), args.seconds)
        return 0
    if not args.nnp or not os.access(args.nnp, os.X_OK):
        print("compare_pytorch.py: --nnp must name the nnp executable", file=sys.stderr)
        return 2

    threads = [int(t) for t in args.threads.split(",")]
    names = [w.strip().upper() for w in args.workloads.split(",")]
    rows = []
    for t in threads:
        for name in names:
            key, target = WORKLOADS[name][6], WORKLOADS[name][7]
            ours = theirs = installed = None
            torch_cmd = [sys.executable, os.path.abspath(__file__), "--torch-worker", name, str(t),
                         "--seconds", str(args.seconds)]
            for _ in range(max(1, args.repeat)):
                o = run_json([args.nnp, "bench", "--workload", name, "--threads", str(t),
                              "--seconds", str(args.seconds), "--json"], env=clean_blas_env())
                p = run_json(torch_cmd, env=torch_env(t, best=True))
                q = run_json(torch_cmd, env=torch_env(t, best=False))
                ours = o if ours is None or o[key] > ours[key] else ours
                theirs = p if theirs is None or p[key] > theirs[key] else theirs
                installed = q if installed is None or q[key] > installed[key] else installed
            ratio = ours[key] / theirs[key]
            rows.append((name, t, key, ours, theirs, installed, ratio, target))
            print("%s threads %d: nnp %.1f, PyTorch at its best %.1f (as installed %.1f) %s -> %.2fx "
                  "(target >= %gx) %s" %
                  (name, t, ours[key], theirs[key], installed[key], key.replace("_per_s", "/s"), ratio, target,
                   "ok" if ratio >= target else "MISSED"), flush=True)

    print()
    print("nnp: OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (its products run in OpenBLAS too)")
    print("PyTorch at its best: OPENBLAS_CORETYPE unset, OpenBLAS's OpenMP flavour, GLIBC_TUNABLES=%s" %
          MALLOC_TUNABLES)
    print("PyTorch as installed: OPENBLAS_CORETYPE=%s, GLIBC_TUNABLES=%s" %
          (os.environ.get("OPENBLAS_CORETYPE", "(unset)"), os.environ.get("GLIBC_TUNABLES", "(unset)")))
    print()
    print("%-4s %-7s %-10s %14s %14s %9s %8s  %-6s %14s %9s" %
          ("", "threads", "rate", "nnp", "PyTorch best", "ratio", "target", "result", "as installed", "ratio"))
    ok = True
    for name, t, key, ours, theirs, installed, ratio, target in rows:
        met = ratio >= target
        ok = ok and met
        print("%-4s %-7d %-10s %14.1f %14.1f %8.2fx %7gx  %-6s %14.1f %8.2fx" %
              (name, t, key.replace("_per_s", "/s"), ours[key], theirs[key], ratio, target,
               "PASS" if met else "FAIL", installed[key], ours[key] / installed[key]))
    print()
    print("all targets met" if ok else "some targets missed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
