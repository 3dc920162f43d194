#!/usr/bin/env python3
"""NumPy reference for the Hebbian synchronous step (bench/run.ts calls it).

Same math as src/models/hopfieldTensor.ts hebbianBatchStep, in float32:
N H = (S X^T) X - N S, S' = sgn(H), ties keep S. X is N x D, S is B x D.

Usage: reference.py D N BATCH[,BATCH...] [BUDGET_S]
Prints one JSON object: numpy version, the BLAS thread limit asked for
through the environment (OPENBLAS_NUM_THREADS etc., set by the caller), and
per batch the median, p95 and min ms of one step over the repeats.
"""
import json
import os
import sys
import time


def main() -> int:
    try:
        import numpy as np
    except ImportError as e:
        print(json.dumps({"error": f"numpy is not installed ({e})"}))
        return 0
    d, n = int(sys.argv[1]), int(sys.argv[2])
    batches = [int(b) for b in sys.argv[3].split(",")]
    budget = float(sys.argv[4]) if len(sys.argv) > 4 else 1.5
    rng = np.random.default_rng(1)
    x = np.where(rng.random((n, d)) < 0.5, -1.0, 1.0).astype(np.float32)
    out = {
        "numpy": np.__version__,
        "threads": os.environ.get("OPENBLAS_NUM_THREADS", "default"),
        "d": d,
        "n": n,
        "batches": [],
    }
    for b in batches:
        s = x[np.arange(b) % n].copy()
        flip = rng.random((b, d)) < 0.2
        s[flip] = -s[flip]

        def step(s=s):
            nh = (s @ x.T) @ x - np.float32(n) * s
            sign = np.sign(nh)
            return np.where(sign == 0, s, sign)

        step()  # warm-up
        samples = []
        spent = 0.0
        while len(samples) < 3 or (spent < budget and len(samples) < 200):
            t0 = time.perf_counter()
            step()
            dt = time.perf_counter() - t0
            spent += dt
            samples.append(dt * 1000)
        samples.sort()
        k = len(samples)
        out["batches"].append(
            {
                "batch": b,
                "median": samples[k // 2] if k % 2 else (samples[k // 2 - 1] + samples[k // 2]) / 2,
                "p95": samples[min(k - 1, int(round(0.95 * (k - 1))))],
                "min": samples[0],
                "reps": k,
            }
        )
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
