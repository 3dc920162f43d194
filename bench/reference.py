#!/usr/bin/env python3
"""NumPy reference for the Hebbian synchronous step (bench/run.ts calls it).

Same math as src/models/classic/hopfieldTensor.ts hebbianBatchStep, in float32:
N H = (S X^T) X - N S, S' = sgn(H), ties keep S. X is N x D, S is B x D.

Usage: reference.py D N BATCH[,BATCH...] [BUDGET_S]
Prints one JSON object: numpy version, the BLAS thread limit asked for
through the environment (OPENBLAS_NUM_THREADS etc., set by the caller), and
per batch the median, p95 and min ms of one step over the repeats.
"""
import json
import os
import sys

from reference_common import hebbian_patterns, hebbian_step_fn, time_ms


def main() -> int:
    try:
        import numpy as np
    except ImportError as e:
        print(json.dumps({"error": f"numpy is not installed ({e})"}))
        return 0
    d, n = int(sys.argv[1]), int(sys.argv[2])
    batches = [int(b) for b in sys.argv[3].split(",")]
    budget = float(sys.argv[4]) if len(sys.argv) > 4 else 1.5
    x, rng = hebbian_patterns(np, d, n)
    out = {
        "numpy": np.__version__,
        "threads": os.environ.get("OPENBLAS_NUM_THREADS", "default"),
        "d": d,
        "n": n,
        "batches": [],
    }
    for b in batches:
        t = time_ms(hebbian_step_fn(np, x, b, rng), budget)
        out["batches"].append({"batch": b, **t})
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
