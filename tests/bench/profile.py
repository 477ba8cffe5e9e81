#!/usr/bin/python3
"""Where a training step's time goes: `nnp bench --workload W --steps K` under `perf record` (cpu-clock sampling,
DWARF call chains), then every sample taken inside Trainer::runBatch is put in one category by the innermost
frame that names one (GEMM, activations, loss, optimizer update, copies, batch gather, im2col, pooling, ...).
Setup (building the network, making the data) is left out.

    tests/bench/profile.py [--nnp build-release/app/nnp] [--steps K] W1 W2 ...

Needs `perf` (Debian's linux-perf). Sampling counts CPU time of the process only, so the shares hold on a busy
machine too (valgrind's callgrind cannot run a -march=native build on a CPU with AVX-512: valgrind 3.19 does not
decode those instructions).
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

# (category, pattern): the first frame from the leaf outwards that matches one of these decides.
CATEGORIES = [
    ("GEMM", r"gebp_kernel|gemm_pack|general_matrix_matrix_product|general_matrix_vector|gemv|"
             r"nnp::multiply|narrowKernel|triangular|dense_assignment_loop.*Product|libopenblas"),
    ("im2col", r"imageToColumns|columnsToImage"),
    ("pooling", r"Pool2D|Pool1D|forEachWindow"),
    ("loss (softmax + CE)", r"nnp::loss|lossValue|lossGradient|sampleLoss|checkTargets|Softmax::|sparseNll"),
    ("activations", r"nnp::activate|activateBackward|ActivationLayer"),
    ("optimizer update", r"Optimizer::"),
    ("batch gather", r"forwardColumns|gatherColumns"),
    ("finiteness checks", r"allFinite|gradientsFinite|statisticsFinite|lossHealthy"),
    ("dropout", r"Dropout::|mersenne_twister|Rng::"),
    ("recurrence (LSTM)", r"Recurrent::"),
    ("embedding", r"Embedding::"),
    ("copies, zeroing", r"memcpy|memmove|memset|Network::deliver|helperPass|tailStep|startEpoch|"
                        r"mergeAndUpdatePart|copyParameters"),
    ("Conv2D (bias, reordering)", r"Conv2D::"),
    ("Dense (bias gradient, copies)", r"Dense::"),
    ("other layers", r"Flatten::|Concatenate::|Reshape::"),
    ("network bookkeeping", r"Network::|Trainer::stepOn|Trainer::accumulateMetrics|Trainer::runBatch|"
                            r"Trainer::apply"),
]
COMPILED = [(name, re.compile(p)) for name, p in CATEGORIES]


def categorize(frames):
    for f in frames:
        for name, pattern in COMPILED:
            if pattern.search(f):
                return name
        if "[kernel" in f:
            return "kernel (page faults, scheduling)"
    return "other"


def profile(nnp, workload, steps, freq):
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "perf.data")
        # OpenBLAS picks its kernels for this CPU, as in compare.sh.
        env = dict(os.environ)
        env.pop("OPENBLAS_CORETYPE", None)
        env.pop("OPENBLAS_L2_SIZE", None)
        subprocess.run(["perf", "record", "-q", "-e", "cpu-clock", "-F", str(freq), "--call-graph", "dwarf,16384",
                        "-o", data, nnp, "bench", "--workload", workload, "--steps", str(steps)],
                       check=True, stdout=subprocess.DEVNULL, env=env)
        out = subprocess.run(["perf", "script", "-i", data, "-F", "ip,sym,dso"], check=True,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    counts = collections.Counter()
    frames = []
    for line in out.splitlines() + [""]:
        if line.strip():
            frames.append(line.strip())
            continue
        if frames and any("Trainer::runBatch" in f for f in frames):
            counts[categorize(frames)] += 1
        frames = []
    return counts


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nnp", default=os.path.join(root, "build-release", "app", "nnp"))
    ap.add_argument("--steps", type=int, default=0, help="steps per workload (default: by workload)")
    ap.add_argument("--freq", type=int, default=1999, help="samples per CPU second")
    ap.add_argument("workloads", nargs="*", default=["W1", "W2", "W3", "W4", "W5", "W6", "W7"])
    args = ap.parse_args()
    default_steps = {"W1": 1000000, "W2": 20000, "W3": 1500, "W4": 1500, "W5": 60, "W6": 1000, "W7": 3000}
    for w in args.workloads:
        counts = profile(args.nnp, w, args.steps or default_steps.get(w, 1000), args.freq)
        total = sum(counts.values())
        if total == 0:
            print("%s: no samples inside Trainer::runBatch" % w)
            continue
        shares = ", ".join("%s %.1f %%" % (k, 100.0 * v / total) for k, v in counts.most_common())
        print("%s (%d samples): %s" % (w, total, shares), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
