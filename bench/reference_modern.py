#!/usr/bin/env python3
"""NumPy reference for one modern Hopfield retrieval step (cli/bench-modern.ts calls it).

Same math as src/models/modern/modernHopfield.ts retrieveStep, in float32:
P = softmax(beta' Q X^T) (row-wise, max subtracted), Q' = P X, with X the
N stored digits (N x 784, scaled to [-1, 1]) read from the app's asset
public/data/mnist-10k.bin, and Q a batch of B cues (digits with the bottom
half set to 0). beta' = 20 / sqrt(784).

Usage: reference_modern.py [N] [BATCH[,BATCH...]] [BUDGET_S]
Prints one JSON object: numpy version, BLAS threads asked for through the
environment, and per batch the median and min ms of one step.
"""
import gzip
import json
import os
import struct
import sys

from reference_common import time_ms


def load_digits(n):
    import numpy as np

    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "public", "data", "mnist-10k.bin")
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    if raw[:8] != b"ENGMNIST":
        raise SystemExit("not an Engram MNIST asset")
    _, count, w, h, _, _ = struct.unpack("<6I", raw[8:32])
    d = w * h
    pixels = np.frombuffer(raw, dtype=np.uint8, offset=32 + count, count=count * d)
    x = pixels.reshape(count, d)[:n].astype(np.float32) * (2 / 255) - 1
    return x


def main() -> int:
    try:
        import numpy as np
    except ImportError as e:
        print(json.dumps({"error": f"numpy is not installed ({e})"}))
        return 0
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    batches = [int(b) for b in (sys.argv[2] if len(sys.argv) > 2 else "1,100").split(",")]
    budget = float(sys.argv[3]) if len(sys.argv) > 3 else 1.5
    x = np.ascontiguousarray(load_digits(n))
    xt = np.ascontiguousarray(x.T)
    d = x.shape[1]
    beta = np.float32(20 / np.sqrt(d))
    out = {
        "numpy": np.__version__,
        "threads": os.environ.get("OPENBLAS_NUM_THREADS", "default"),
        "n": int(x.shape[0]),
        "d": int(d),
        "batches": [],
    }
    for b in batches:
        q = x[np.arange(b) % x.shape[0]].copy()
        q[:, d // 2 :] = 0

        def step(q=q):
            logits = beta * (q @ xt)
            logits -= logits.max(axis=1, keepdims=True)
            p = np.exp(logits)
            p /= p.sum(axis=1, keepdims=True)
            return p @ x

        t = time_ms(step, budget)
        out["batches"].append({"batch": b, "median": t["median"], "min": t["min"], "reps": t["reps"]})
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
