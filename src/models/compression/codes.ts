/**
 * K-bit binary codes: the bottleneck of the autoencoder and the patterns of
 * the Hopfield stage.
 *
 * A code is bipolar (+-1, SCIENCE.md section 1) while the models use it and
 * packed to bits when stored: code i takes B = ceil(K / 8) bytes from byte
 * i * B, bit j in byte floor(j / 8) at weight 2^(j mod 8) (least
 * significant first), 1 for +1 and 0 for -1; unused high bits of the last
 * byte are 0. So N codes cost exactly N * ceil(K / 8) bytes.
 *
 * Hamming distance h(a, b) = the number of differing bits = popcount of
 * a XOR b, and for bipolar codes a . b = K - 2 h(a, b).
 */
import { sampleDistinct, type Rng } from '../../core/random';

export const bytesPerCode = (k: number): number => Math.ceil(k / 8);

/** Bipolar codes (n x K, row-major Int8Array of +-1) to packed bits. */
export function packCodes(bipolar: Int8Array, k: number): Uint8Array {
  const n = bipolar.length / k;
  const b = bytesPerCode(k);
  const out = new Uint8Array(n * b);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) if (bipolar[i * k + j] > 0) out[i * b + (j >> 3)] |= 1 << (j & 7);
  }
  return out;
}

/** Packed bits back to bipolar codes (n x K). */
export function unpackCodes(packed: Uint8Array, k: number): Int8Array {
  const b = bytesPerCode(k);
  const n = packed.length / b;
  const out = new Int8Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) out[i * k + j] = (packed[i * b + (j >> 3)] >> (j & 7)) & 1 ? 1 : -1;
  }
  return out;
}

const POPCOUNT = Uint8Array.from({ length: 256 }, (_, v) => {
  let c = 0;
  for (let x = v; x; x >>= 1) c += x & 1;
  return c;
});

/** h(code i of `packed`, q) for every stored code i, q packed the same way (length B). */
export function hammingToAll(packed: Uint8Array, q: Uint8Array, out?: Uint16Array): Uint16Array {
  const b = q.length;
  const n = packed.length / b;
  const h = out ?? new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    let d = 0;
    const o = i * b;
    for (let j = 0; j < b; j++) d += POPCOUNT[packed[o + j] ^ q[j]];
    h[i] = d;
  }
  return h;
}

/** The stored codes at the smallest Hamming distance from q, and that distance. */
export function nearestCodes(
  packed: Uint8Array,
  q: Uint8Array,
): { indices: number[]; distance: number } {
  const h = hammingToAll(packed, q);
  let best = Infinity;
  for (let i = 0; i < h.length; i++) if (h[i] < best) best = h[i];
  const indices: number[] = [];
  for (let i = 0; i < h.length; i++) if (h[i] === best) indices.push(i);
  return { indices, distance: best };
}

/**
 * Own-record credit of a returned code: 1 / m when the query's own record is
 * one of the m stored codes nearest to it, else 0. (Records with identical
 * codes cannot be told apart; 1 / m is the rate a uniform tie-break gets.)
 */
export function ownRecordCredit(packed: Uint8Array, returned: Uint8Array, own: number): number {
  const { indices } = nearestCodes(packed, returned);
  return indices.includes(own) ? 1 / indices.length : 0;
}

/** A copy of a bipolar code with k distinct bits flipped (sampleDistinct). */
export function flipBits(code: Int8Array, k: number, rng: Rng): Int8Array {
  const out = code.slice();
  for (const j of sampleDistinct(code.length, k, rng)) out[j] = -out[j] as -1 | 1;
  return out;
}

/** Number of distinct codes among n packed codes. */
export function distinctCodes(packed: Uint8Array, k: number): number {
  return firstOfEachCode(packed, k).length;
}

/** Indices of the first occurrence of each distinct code, in order. */
export function firstOfEachCode(packed: Uint8Array, k: number): Int32Array {
  const b = bytesPerCode(k);
  const seen = new Set<string>();
  const keep: number[] = [];
  for (let i = 0; i < packed.length / b; i++) {
    const key = String.fromCharCode(...packed.subarray(i * b, (i + 1) * b));
    if (!seen.has(key)) {
      seen.add(key);
      keep.push(i);
    }
  }
  return Int32Array.from(keep);
}
