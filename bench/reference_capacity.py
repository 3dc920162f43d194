#!/usr/bin/env python3
"""NumPy reference for the Experiments lab's benchmarks (src/models/experiments/bench.ts).

Same algorithms as Engram, in NumPy on this machine:

  step   one synchronous Hebbian step for B cues, N H = (S X^T) X - N S,
         S' = sgn(H), ties keep S (float32, as bench/reference.py).
  table  the capacity-size table: for each rule (hebbian, storkey) and size D,
         7 pattern counts round(c * theory) for c in linspace(0.5, 2, 7)
         (theory D/(2 ln D) or D/sqrt(2 ln D)); T networks a point, each
         recalling C cues (5 % of a stored pattern's units flipped) in one
         synchronous batch until every cue is at a fixed point, a 2-cycle or
         30 steps. A network grows from one count to the next: Hebbian takes
         the first N patterns; Storkey learns each new pattern with
         w_ij <- (1 + 2/D) w_ij + (xi_i/D)(xi_j - h_j) - (h_i/D) xi_j,
         h = W xi, diagonal zero (Engram's StorkeyLearner).

Random numbers differ from Engram's (NumPy's generator), so rates agree
statistically, not bit for bit.

Usage: reference_capacity.py step D N B[,B...] [BUDGET_S]
       reference_capacity.py table SIZES TRIALS CUES [RULES]
Prints one JSON object.
"""
import json
import math
import os
import sys
import time

from reference_common import hebbian_patterns, hebbian_step_fn, time_ms


def theory(rule, d):
    return d / (2 * math.log(d)) if rule == "hebbian" else d / math.sqrt(2 * math.log(d))


def bench_step(np, d, n, batches, budget):
    x, rng = hebbian_patterns(np, d, n)
    out = []
    for b in batches:
        t = time_ms(hebbian_step_fn(np, x, b, rng), budget, min_reps=5)
        med = t["median"]
        out.append({"batch": b, "medianMs": med, "minMs": t["min"], "reps": t["reps"], "perCueMs": med / b})
    return out


def recall(np, field, s, max_steps=30):
    """Synchronous batch recall; returns final states (finished rows leave the batch)."""
    final = s.copy()
    active = np.arange(s.shape[0])
    cur = s.copy()
    before = None
    for t in range(max_steps):
        h = field(cur)
        sign = np.sign(h)
        nxt = np.where(sign == 0, cur, sign)
        flips = (nxt != cur).any(axis=1)
        cyc = np.zeros(len(active), dtype=bool) if before is None else ~(nxt != before).any(axis=1)
        done = ~flips | (flips & cyc) | (t + 1 >= max_steps)
        final[active[done]] = nxt[done]
        keep = ~done
        active, before, cur = active[keep], cur[keep], nxt[keep]
        if len(active) == 0:
            break
    return final


def storkey_add(np, w, xi, d):
    h = w @ xi
    w *= 1 + 2 / d
    w += np.outer(xi / d, xi - h) - np.outer(h / d, xi)
    np.fill_diagonal(w, 0)  # the update is symmetric already: W stays symmetric


def bench_table(np, sizes, trials, cues, rules, flip=0.05, points=7):
    rng = np.random.default_rng(1)
    rows = []
    ms_by_rule = {}
    for rule in rules:
        t_rule = time.perf_counter()
        for d in sizes:
            cap = theory(rule, d)
            counts = sorted({max(1, round(c * cap)) for c in np.linspace(0.5, 2, points)})
            exact = np.zeros(len(counts))
            total = np.zeros(len(counts))
            nmax = counts[-1]
            k_flip = round(flip * d)
            for _ in range(trials):
                x = np.where(rng.random((nmax, d)) < 0.5, -1.0, 1.0).astype(np.float32)
                w = np.zeros((d, d), dtype=np.float32) if rule == "storkey" else None
                learned = 0
                for k, n in enumerate(counts):
                    if rule == "storkey":
                        while learned < n:
                            storkey_add(np, w, x[learned], d)
                            learned += 1
                        field = lambda s, w=w: s @ w
                    else:
                        xn = x[:n]
                        field = lambda s, xn=xn, n=n: (s @ xn.T) @ xn - np.float32(n) * s
                    targets = rng.choice(n, size=cues, replace=cues > n)
                    s = x[targets].copy()
                    for c in range(cues):
                        idx = rng.choice(d, size=k_flip, replace=False)
                        s[c, idx] = -s[c, idx]
                    final = recall(np, field, s)
                    exact[k] += int((final == x[targets]).all(axis=1).sum())
                    total[k] += cues
            rates = exact / total
            passing = [n for n, r in zip(counts, rates) if r >= 0.9]
            rows.append({"rule": rule, "units": d, "theoretical": cap, "empirical": max(passing) if passing else None})
        ms_by_rule[rule] = (time.perf_counter() - t_rule) * 1000
    return rows, ms_by_rule


def main() -> int:
    try:
        import numpy as np
    except ImportError as e:
        print(json.dumps({"error": f"numpy is not installed ({e})"}))
        return 0
    info = {"numpy": np.__version__, "threads": os.environ.get("OPENBLAS_NUM_THREADS", "default")}
    if len(sys.argv) >= 5 and sys.argv[1] == "step":
        d, n = int(sys.argv[2]), int(sys.argv[3])
        batches = [int(b) for b in sys.argv[4].split(",")]
        budget = float(sys.argv[5]) if len(sys.argv) > 5 else 2.0
        print(json.dumps({**info, "d": d, "n": n, "step": bench_step(np, d, n, batches, budget)}))
        return 0
    if len(sys.argv) >= 5 and sys.argv[1] == "table":
        sizes = [int(s) for s in sys.argv[2].split(",")]
        trials, cues = int(sys.argv[3]), int(sys.argv[4])
        rules = sys.argv[5].split(",") if len(sys.argv) > 5 else ["hebbian", "storkey"]
        t0 = time.perf_counter()
        rows, ms_by_rule = bench_table(np, sizes, trials, cues, rules)
        ms = (time.perf_counter() - t0) * 1000
        print(json.dumps({**info, "sizes": sizes, "trials": trials, "cues": cues, "ms": ms, "msByRule": ms_by_rule, "rows": rows}))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
