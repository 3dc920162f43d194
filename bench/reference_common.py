"""What the NumPy reference scripts (bench/reference*.py) share: the timing
loop, and the Hebbian step and its workload, so every script times the same
thing the same way."""
import time


def time_ms(step, budget_s, min_reps=3, max_reps=200):
    """Calls step once to warm up, then times it until budget_s is spent
    (min_reps to max_reps calls). Returns median, p95 and min ms and reps."""
    step()
    samples = []
    spent = 0.0
    while len(samples) < min_reps or (spent < budget_s and len(samples) < max_reps):
        t0 = time.perf_counter()
        step()
        dt = time.perf_counter() - t0
        spent += dt
        samples.append(dt * 1000)
    samples.sort()
    k = len(samples)
    return {
        "median": samples[k // 2] if k % 2 else (samples[k // 2 - 1] + samples[k // 2]) / 2,
        "p95": samples[min(k - 1, int(round(0.95 * (k - 1))))],
        "min": samples[0],
        "reps": k,
    }


def hebbian_patterns(np, d, n, seed=1):
    """N random bipolar patterns of D units (float32) and the generator that made them."""
    rng = np.random.default_rng(seed)
    return np.where(rng.random((n, d)) < 0.5, -1.0, 1.0).astype(np.float32), rng


def hebbian_step_fn(np, x, b, rng):
    """One synchronous Hebbian step for b cues (pattern b mod N, 20 % of units
    flipped): N H = (S X^T) X - N S, S' = sgn(H), ties keep S. Engram's
    src/models/classic/hopfieldTensor.ts hebbianBatchStep, in float32."""
    n, d = x.shape
    s = x[np.arange(b) % n].copy()
    flip = rng.random((b, d)) < 0.2
    s[flip] = -s[flip]

    def step():
        nh = (s @ x.T) @ x - np.float32(n) * s
        sign = np.sign(nh)
        return np.where(sign == 0, s, sign)

    return step
