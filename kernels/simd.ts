// Engram's WebAssembly SIMD kernels (AssemblyScript; built by
// scripts/build-kernels.mjs into src/kernels/simdBinary.ts, wrapped by
// src/kernels/simd.ts). Every pointer is a byte offset into this module's
// memory; the caller lays the arrays out (see the wrapper for each layout).
// 128-bit SIMD only (no relaxed SIMD), so results are the same on every
// engine.

// ---------------------------------------------------------------- memory

/** A block of `bytes` bytes, 16-byte aligned, zero-filled. */
export function alloc(bytes: usize): usize {
  const p = heap.alloc(bytes);
  memory.fill(p, 0, bytes);
  return p;
}

export function release(p: usize): void {
  heap.free(p);
}

// --------------------------------------------------------- Hebbian (bits)

/**
 * Packs b bipolar states (rows of d i8, +-1, laid end to end) into bits:
 * bit k of byte j of row c (rows of `rowBytes` bytes, zero-padded) is 1
 * where unit 8j + k of state c is +1. The same layout as the stored rows.
 */
export function packSigns(s: usize, d: i32, b: i32, out: usize, rowBytes: i32): void {
  const zero = i8x16.splat(0);
  const full = d & ~15;
  const rest = d - full;
  for (let c = 0; c < b; c++) {
    const src = s + <usize>c * <usize>d;
    const dst = out + <usize>c * <usize>rowBytes;
    memory.fill(dst, 0, <usize>rowBytes);
    for (let k = 0; k < full; k += 16) {
      store<u16>(dst + ((<usize>k) >> 3), <u16>i8x16.bitmask(i8x16.gt_s(v128.load(src + k), zero)));
    }
    if (rest > 0) {
      let bits: u32 = 0;
      for (let k = 0; k < rest; k++) if (load<i8>(src + full + k) > 0) bits |= 1 << k;
      store<u16>(dst + ((<usize>full) >> 3), <u16>bits);
    }
  }
}

/**
 * Overlaps u_mu = D - 2 popcount(x_mu XOR s) of N patterns with one cue, all
 * bit-packed in rows of `rowBytes` bytes (a multiple of 16, padding bits 0 in
 * both). Writes u as i16 (N entries, |u| <= D < 32768) and returns sum u.
 */
export function overlapsBits(xb: usize, sb: usize, n: i32, rowBytes: i32, d: i32, u: usize): i32 {
  let sum: i32 = 0;
  for (let mu = 0; mu < n; mu++) {
    const row = xb + <usize>mu * <usize>rowBytes;
    let acc = i16x8.splat(0);
    for (let k = 0; k < rowBytes; k += 16) {
      const x = v128.xor(v128.load(row + k), v128.load(sb + k));
      acc = i16x8.add(acc, i16x8.extadd_pairwise_i8x16_u(i8x16.popcnt(x)));
    }
    const w = i32x4.extadd_pairwise_i16x8_u(acc);
    const ones =
      i32x4.extract_lane(w, 0) +
      i32x4.extract_lane(w, 1) +
      i32x4.extract_lane(w, 2) +
      i32x4.extract_lane(w, 3);
    const dot = d - 2 * ones;
    store<i16>(u + ((<usize>mu) << 1), <i16>dot);
    sum += dot;
  }
  return sum;
}

/**
 * One synchronous Hebbian step from the overlaps: N h_i = sum_mu x_mu,i u_mu
 * - N s_i, exact in integers, with X held transposed as i8 (D rows of
 * `np` entries, np a multiple of 16, padding 0) and u as i16 (np entries,
 * padding 0). s and out are D i8 states; ties keep s_i.
 */
export function hebbianSigns(
  xt: usize,
  u: usize,
  np: i32,
  d: i32,
  n: i32,
  s: usize,
  out: usize,
): void {
  let i = 0;
  for (; i + 1 < d; i += 2) {
    const r0 = xt + <usize>i * <usize>np;
    const r1 = r0 + <usize>np;
    let a0 = i32x4.splat(0);
    let a1 = i32x4.splat(0);
    for (let k = 0; k < np; k += 16) {
      const ul = v128.load(u + ((<usize>k) << 1));
      const uh = v128.load(u + ((<usize>k) << 1), 16);
      const x0 = v128.load(r0 + k);
      const x1 = v128.load(r1 + k);
      a0 = i32x4.add(a0, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_s(x0), ul));
      a0 = i32x4.add(a0, i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_s(x0), uh));
      a1 = i32x4.add(a1, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_s(x1), ul));
      a1 = i32x4.add(a1, i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_s(x1), uh));
    }
    signOut(hsum(a0), n, s + i, out + i);
    signOut(hsum(a1), n, s + i + 1, out + i + 1);
  }
  if (i < d) {
    const r0 = xt + <usize>i * <usize>np;
    let a0 = i32x4.splat(0);
    for (let k = 0; k < np; k += 16) {
      const x0 = v128.load(r0 + k);
      a0 = i32x4.add(
        a0,
        i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_s(x0), v128.load(u + ((<usize>k) << 1))),
      );
      a0 = i32x4.add(
        a0,
        i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_s(x0), v128.load(u + ((<usize>k) << 1), 16)),
      );
    }
    signOut(hsum(a0), n, s + i, out + i);
  }
}

/**
 * hebbianSigns for four cues at once, sharing each load of X: u holds four
 * rows of np i16 (cue c's overlaps from u + 2 np c), s and out four rows of
 * d i8.
 */
export function hebbianSigns4(
  xt: usize,
  u: usize,
  np: i32,
  d: i32,
  n: i32,
  s: usize,
  out: usize,
): void {
  const ub = (<usize>np) << 1;
  const u0 = u;
  const u1 = u + ub;
  const u2 = u1 + ub;
  const u3 = u2 + ub;
  const dd = <usize>d;
  let i = 0;
  // two units i at a time: each u load serves two rows, each x load four cues
  for (; i + 1 < d; i += 2) {
    const r0 = xt + <usize>i * <usize>np;
    const r1 = r0 + <usize>np;
    let a0 = i32x4.splat(0);
    let a1 = i32x4.splat(0);
    let a2 = i32x4.splat(0);
    let a3 = i32x4.splat(0);
    let b0 = i32x4.splat(0);
    let b1 = i32x4.splat(0);
    let b2 = i32x4.splat(0);
    let b3 = i32x4.splat(0);
    for (let k = 0; k < np; k += 8) {
      const x0 = v128.load8x8_s(r0 + k);
      const x1 = v128.load8x8_s(r1 + k);
      const o = (<usize>k) << 1;
      let v = v128.load(u0 + o);
      a0 = i32x4.add(a0, i32x4.dot_i16x8_s(x0, v));
      b0 = i32x4.add(b0, i32x4.dot_i16x8_s(x1, v));
      v = v128.load(u1 + o);
      a1 = i32x4.add(a1, i32x4.dot_i16x8_s(x0, v));
      b1 = i32x4.add(b1, i32x4.dot_i16x8_s(x1, v));
      v = v128.load(u2 + o);
      a2 = i32x4.add(a2, i32x4.dot_i16x8_s(x0, v));
      b2 = i32x4.add(b2, i32x4.dot_i16x8_s(x1, v));
      v = v128.load(u3 + o);
      a3 = i32x4.add(a3, i32x4.dot_i16x8_s(x0, v));
      b3 = i32x4.add(b3, i32x4.dot_i16x8_s(x1, v));
    }
    const ii = <usize>i;
    signOut(hsum(a0), n, s + ii, out + ii);
    signOut(hsum(a1), n, s + dd + ii, out + dd + ii);
    signOut(hsum(a2), n, s + 2 * dd + ii, out + 2 * dd + ii);
    signOut(hsum(a3), n, s + 3 * dd + ii, out + 3 * dd + ii);
    signOut(hsum(b0), n, s + ii + 1, out + ii + 1);
    signOut(hsum(b1), n, s + dd + ii + 1, out + dd + ii + 1);
    signOut(hsum(b2), n, s + 2 * dd + ii + 1, out + 2 * dd + ii + 1);
    signOut(hsum(b3), n, s + 3 * dd + ii + 1, out + 3 * dd + ii + 1);
  }
  for (; i < d; i++) {
    const r0 = xt + <usize>i * <usize>np;
    let a0 = i32x4.splat(0);
    let a1 = i32x4.splat(0);
    let a2 = i32x4.splat(0);
    let a3 = i32x4.splat(0);
    for (let k = 0; k < np; k += 8) {
      const x0 = v128.load8x8_s(r0 + k);
      const o = (<usize>k) << 1;
      a0 = i32x4.add(a0, i32x4.dot_i16x8_s(x0, v128.load(u0 + o)));
      a1 = i32x4.add(a1, i32x4.dot_i16x8_s(x0, v128.load(u1 + o)));
      a2 = i32x4.add(a2, i32x4.dot_i16x8_s(x0, v128.load(u2 + o)));
      a3 = i32x4.add(a3, i32x4.dot_i16x8_s(x0, v128.load(u3 + o)));
    }
    const ii = <usize>i;
    signOut(hsum(a0), n, s + ii, out + ii);
    signOut(hsum(a1), n, s + dd + ii, out + dd + ii);
    signOut(hsum(a2), n, s + 2 * dd + ii, out + 2 * dd + ii);
    signOut(hsum(a3), n, s + 3 * dd + ii, out + 3 * dd + ii);
  }
}

function hsum(a: v128): i32 {
  return (
    i32x4.extract_lane(a, 0) +
    i32x4.extract_lane(a, 1) +
    i32x4.extract_lane(a, 2) +
    i32x4.extract_lane(a, 3)
  );
}

function signOut(acc: i32, n: i32, sp: usize, op: usize): void {
  const si = load<i8>(sp);
  const nh = acc - n * <i32>si;
  store<i8>(op, nh > 0 ? 1 : nh < 0 ? -1 : si);
}

// ------------------------------------------------------------- Storkey

/**
 * Storkey learning, the fused upper-triangle form of
 * src/models/experiments/learners.ts StorkeyLearner (SCIENCE.md section 1):
 * for each new pattern xi with field h = W xi,
 *
 *   w_ij <- c w_ij + (xi_i / D)(xi_j - h_j) - (h_i / D) xi_j,  c = 1 + 2/D,  j > i,
 *
 * and the next pattern's field is summed in the same pass. W is D x D f32
 * (row stride `stride` floats, only j > i touched), x the patterns as f32
 * (rows of `stride`), h the field of pattern `from` (D f32), hn and e scratch
 * (D f32 each, stride-padded). Patterns from..to-1 are learned; on return h
 * holds the field of pattern `to` when to < avail (the rows in x), else zeros.
 * Sums in f32.
 */
export function storkeyGrow(
  w: usize,
  x: usize,
  d: i32,
  stride: i32,
  from: i32,
  to: i32,
  h: usize,
  hn: usize,
  e: usize,
  zeros: usize,
  avail: i32,
): void {
  const cs: f32 = 1 + 2 / <f32>d;
  const c = f32x4.splat(cs);
  const invD: f32 = 1 / <f32>d;
  const rowBytes = (<usize>stride) << 2;
  let hCur = h;
  let hNext = hn;
  for (let p = from; p < to; p++) {
    const xp = x + <usize>p * rowBytes;
    const more = p + 1 < avail;
    const xn = more ? xp + rowBytes : zeros;
    memory.fill(hNext, 0, rowBytes);
    for (let j = 0; j < d; j++) {
      store<f32>(
        e + ((<usize>j) << 2),
        (load<f32>(xp + ((<usize>j) << 2)) - load<f32>(hCur + ((<usize>j) << 2))) * invD,
      );
    }
    for (let i = 0; i < d; i++) {
      const rw = w + <usize>i * rowBytes;
      const xi = load<f32>(xp + ((<usize>i) << 2));
      const bi = load<f32>(hCur + ((<usize>i) << 2)) * invD;
      const xni = load<f32>(xn + ((<usize>i) << 2));
      const av = f32x4.splat(xi);
      const bv = f32x4.splat(bi);
      const xniv = f32x4.splat(xni);
      let j = i + 1;
      let acc = f32x4.splat(0);
      // scalar head up to a multiple of 4
      let hni: f32 = 0;
      while (j < d && (j & 3) != 0) {
        const jo = (<usize>j) << 2;
        const f = cs * load<f32>(rw + jo) + xi * load<f32>(e + jo) - bi * load<f32>(xp + jo);
        store<f32>(rw + jo, f);
        hni += f * load<f32>(xn + jo);
        store<f32>(hNext + jo, load<f32>(hNext + jo) + f * xni);
        j++;
      }
      for (; j + 4 <= d; j += 4) {
        const jo = (<usize>j) << 2;
        const f = f32x4.sub(
          f32x4.add(f32x4.mul(c, v128.load(rw + jo)), f32x4.mul(av, v128.load(e + jo))),
          f32x4.mul(bv, v128.load(xp + jo)),
        );
        v128.store(rw + jo, f);
        acc = f32x4.add(acc, f32x4.mul(f, v128.load(xn + jo)));
        v128.store(hNext + jo, f32x4.add(v128.load(hNext + jo), f32x4.mul(f, xniv)));
      }
      for (; j < d; j++) {
        const jo = (<usize>j) << 2;
        const f = cs * load<f32>(rw + jo) + xi * load<f32>(e + jo) - bi * load<f32>(xp + jo);
        store<f32>(rw + jo, f);
        hni += f * load<f32>(xn + jo);
        store<f32>(hNext + jo, load<f32>(hNext + jo) + f * xni);
      }
      hni +=
        f32x4.extract_lane(acc, 0) +
        f32x4.extract_lane(acc, 1) +
        f32x4.extract_lane(acc, 2) +
        f32x4.extract_lane(acc, 3);
      const io = (<usize>i) << 2;
      store<f32>(hNext + io, load<f32>(hNext + io) + hni);
    }
    const t = hCur;
    hCur = hNext;
    hNext = t;
  }
  if (hCur != h) memory.copy(h, hCur, rowBytes);
}

/** h = W xi from the upper triangle of W (j > i), D f32 into h. */
export function upperField(w: usize, x: usize, d: i32, stride: i32, h: usize): void {
  const rowBytes = (<usize>stride) << 2;
  memory.fill(h, 0, rowBytes);
  for (let i = 0; i < d; i++) {
    const rw = w + <usize>i * rowBytes;
    const xi = load<f32>(x + ((<usize>i) << 2));
    let hi: f32 = 0;
    for (let j = i + 1; j < d; j++) {
      const jo = (<usize>j) << 2;
      const wij = load<f32>(rw + jo);
      hi += wij * load<f32>(x + jo);
      store<f32>(h + jo, load<f32>(h + jo) + wij * xi);
    }
    const io = (<usize>i) << 2;
    store<f32>(h + io, load<f32>(h + io) + hi);
  }
}

/** Copies the upper triangle of W into its lower triangle (64 x 64 blocks). */
export function mirror(w: usize, d: i32, stride: i32): void {
  const B = 64;
  for (let i0 = 0; i0 < d; i0 += B) {
    for (let j0 = i0; j0 < d; j0 += B) {
      const i1 = min(d, i0 + B);
      const j1 = min(d, j0 + B);
      for (let i = i0; i < i1; i++) {
        for (let j = max(j0, i + 1); j < j1; j++) {
          store<f32>(
            w + ((<usize>j * <usize>stride + <usize>i) << 2),
            load<f32>(w + ((<usize>i * <usize>stride + <usize>j) << 2)),
          );
        }
      }
    }
  }
}

// ---------------------------------------------------------- dense W step

/**
 * One synchronous step with an explicit W (D x D f32, rows of `stride`) for
 * b cues: h = W s - theta, s' = sgn(h), ties keep. Cues are f32 rows of
 * `stride` (+-1, padding 0); theta is D f32 (zeros for none); out gets b rows
 * of D i8. Four cues share each pass over a row of W. Sums in f32.
 */
export function denseSigns(
  w: usize,
  d: i32,
  stride: i32,
  s: usize,
  b: i32,
  theta: usize,
  out: usize,
): void {
  const rowBytes = (<usize>stride) << 2;
  let c = 0;
  for (; c + 4 <= b; c += 4) {
    const s0 = s + <usize>c * rowBytes;
    const s1 = s0 + rowBytes;
    const s2 = s1 + rowBytes;
    const s3 = s2 + rowBytes;
    for (let i = 0; i < d; i++) {
      const rw = w + <usize>i * rowBytes;
      let a0 = f32x4.splat(0);
      let a1 = f32x4.splat(0);
      let a2 = f32x4.splat(0);
      let a3 = f32x4.splat(0);
      for (let k: usize = 0; k < rowBytes; k += 16) {
        const wv = v128.load(rw + k);
        a0 = f32x4.add(a0, f32x4.mul(wv, v128.load(s0 + k)));
        a1 = f32x4.add(a1, f32x4.mul(wv, v128.load(s1 + k)));
        a2 = f32x4.add(a2, f32x4.mul(wv, v128.load(s2 + k)));
        a3 = f32x4.add(a3, f32x4.mul(wv, v128.load(s3 + k)));
      }
      const t = load<f32>(theta + ((<usize>i) << 2));
      const io = (<usize>i) << 2;
      const ob = out + <usize>c * <usize>d + <usize>i;
      store<i8>(ob, fsign(fsum(a0) - t, load<f32>(s0 + io)));
      store<i8>(ob + <usize>d, fsign(fsum(a1) - t, load<f32>(s1 + io)));
      store<i8>(ob + 2 * <usize>d, fsign(fsum(a2) - t, load<f32>(s2 + io)));
      store<i8>(ob + 3 * <usize>d, fsign(fsum(a3) - t, load<f32>(s3 + io)));
    }
  }
  for (; c < b; c++) {
    const s0 = s + <usize>c * rowBytes;
    for (let i = 0; i < d; i++) {
      const rw = w + <usize>i * rowBytes;
      let a0 = f32x4.splat(0);
      for (let k: usize = 0; k < rowBytes; k += 16) {
        a0 = f32x4.add(a0, f32x4.mul(v128.load(rw + k), v128.load(s0 + k)));
      }
      const io = (<usize>i) << 2;
      store<i8>(
        out + <usize>c * <usize>d + <usize>i,
        fsign(fsum(a0) - load<f32>(theta + io), load<f32>(s0 + io)),
      );
    }
  }
}

function fsum(a: v128): f32 {
  return (
    f32x4.extract_lane(a, 0) +
    f32x4.extract_lane(a, 1) +
    f32x4.extract_lane(a, 2) +
    f32x4.extract_lane(a, 3)
  );
}

function fsign(h: f32, keep: f32): i8 {
  return h > 0 ? 1 : h < 0 ? -1 : <i8>keep;
}

// ------------------------------------------------------ modern Hopfield

/*
 * Stored 8-bit patterns in blocks of 8 pixels, the blocks that are all 0
 * left out: row mu's blocks are numbers start[mu] .. start[mu + 1] - 1 of
 * `data`, block j covering pixels 8 idx[j] .. 8 idx[j] + 7 (idx: u16). A
 * kept block holds its values u (0..255) as 8 f32 (exact; converting bytes
 * in the loop cost more than reading 4x the bytes). A left-out block adds
 * nothing to a sum over u, so skipping it changes no result. MNIST digits
 * keep about 40 % of their blocks.
 */

/**
 * out_mu = scale * sum_i u_mu,i q_i + bias for every row (q: f32, d rounded up
 * to 8). With x = 2u/255 - 1, scale = beta' 2/255 and bias = -beta' sum q
 * these are the logits beta' x.q.
 */
export function dotsBlocks(
  data: usize,
  idx: usize,
  start: usize,
  n: i32,
  q: usize,
  scale: f32,
  bias: f32,
  out: usize,
): void {
  for (let mu = 0; mu < n; mu++) {
    const j0 = load<u32>(start + ((<usize>mu) << 2));
    const j1 = load<u32>(start + ((<usize>(mu + 1)) << 2));
    let a0 = f32x4.splat(0);
    let a1 = f32x4.splat(0);
    for (let j = j0; j < j1; j++) {
      const c = <usize>load<u16>(idx + ((<usize>j) << 1));
      const o = data + ((<usize>j) << 5);
      const qo = q + (c << 5);
      a0 = f32x4.add(a0, f32x4.mul(v128.load(o), v128.load(qo)));
      a1 = f32x4.add(a1, f32x4.mul(v128.load(o, 16), v128.load(qo, 16)));
    }
    store<f32>(out + ((<usize>mu) << 2), scale * fsum(f32x4.add(a0, a1)) + bias);
  }
}

/**
 * out_i = sum_mu p_mu u_mu,i (out: f32, d rounded up to 8, overwritten),
 * skipping the weights that are exactly 0 (softmax underflow).
 */
export function combineBlocks(
  data: usize,
  idx: usize,
  start: usize,
  n: i32,
  p: usize,
  d8: i32,
  out: usize,
): void {
  memory.fill(out, 0, (<usize>d8) << 2);
  for (let mu = 0; mu < n; mu++) {
    const pm = load<f32>(p + ((<usize>mu) << 2));
    if (pm == 0) continue;
    const pv = f32x4.splat(pm);
    const j0 = load<u32>(start + ((<usize>mu) << 2));
    const j1 = load<u32>(start + ((<usize>(mu + 1)) << 2));
    for (let j = j0; j < j1; j++) {
      const c = <usize>load<u16>(idx + ((<usize>j) << 1));
      const o = data + ((<usize>j) << 5);
      const oo = out + (c << 5);
      v128.store(oo, f32x4.add(v128.load(oo), f32x4.mul(v128.load(o), pv)));
      v128.store(oo, f32x4.add(v128.load(oo, 16), f32x4.mul(v128.load(o, 16), pv)), 16);
    }
  }
}
