/**
 * The part of a factorised network that follows from "W is symmetric with a zero diagonal and is
 * never stored unless asked for": w_ii = 0, w_ij comes from the factors (`offDiagonal`, O(N) or
 * O(R) work), and the full D x D W is built from it once, when first asked (at D = 8000 it is
 * 256 MB, and recall never needs it). The pseudo-inverse and unlearning networks extend it.
 */
import { symmetricWeights } from './linalg';

export abstract class ZeroDiagonalNetwork {
  abstract readonly d: number;
  private w: Float32Array | null = null;

  selfWeight(): number {
    return 0;
  }

  /** Full W (D x D, row-major), built once from `offDiagonal`. */
  weights(): Float32Array {
    return (this.w ??= symmetricWeights(this.d, (i, j) => this.offDiagonal(i, j)));
  }

  weight(i: number, j: number): number {
    return i === j ? 0 : this.offDiagonal(i, j);
  }

  /** w_ij for i != j. */
  protected abstract offDiagonal(i: number, j: number): number;
}
