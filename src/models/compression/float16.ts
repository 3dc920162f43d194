/**
 * IEEE 754 binary16 ("half", float16): 1 sign bit, 5 exponent bits (bias
 * 15), 10 fraction bits; largest finite value 65504, subnormals down to
 * 2^-24. Conversion from a number rounds to nearest, ties to even (as
 * Math.f16round does where it exists); values beyond 65504 become +-Infinity
 * and NaN stays NaN. Used to store weights and baseline values at half
 * precision, so every byte count says what precision it holds.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The binary16 bit pattern of x (rounded to nearest even). */
export function toHalfBits(x: number): number {
  f32[0] = x;
  const bits = u32[0];
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  let mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // Inf, NaN
  // Round the float64 value directly for exactness of the tie rule.
  const a = Math.abs(x);
  if (a >= 65520) return sign | 0x7c00; // rounds past 65504
  if (a < 2 ** -14) {
    // subnormal half: a = m * 2^-24, m in [0, 1024)
    const m = roundHalfEven(a * 2 ** 24);
    return sign | m; // m = 1024 carries into the smallest normal, as it should
  }
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  mant = roundHalfEven((a / 2 ** e - 1) * 1024);
  if (mant === 1024) {
    mant = 0;
    e++;
  }
  if (e > 15) return sign | 0x7c00;
  return sign | ((e + 15) << 10) | mant;
}

function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** The number a binary16 bit pattern holds. */
export function fromHalfBits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** x rounded to the nearest float16 value. */
export const roundToHalf = (x: number): number => fromHalfBits(toHalfBits(x));

/** Every value rounded to float16, as a new Float32Array (exact: binary16 fits in binary32). */
export function quantiseHalf(values: ArrayLike<number>): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = roundToHalf(values[i]);
  return out;
}

/** Bit patterns of every value, for storage (2 bytes each). */
export function encodeHalf(values: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toHalfBits(values[i]);
  return out;
}

export function decodeHalf(bits: Uint16Array): Float32Array {
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = fromHalfBits(bits[i]);
  return out;
}
