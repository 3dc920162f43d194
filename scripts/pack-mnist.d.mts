/** Writes the packed MNIST asset; returns its size in bytes, or null when it was fresh. */
export function writeAsset(out?: string, opts?: { ifStale?: boolean }): number | null;
/** The gzipped asset bytes. */
export function packMnist(): Uint8Array;
/** The uncompressed asset (header | labels | pixels) from labels and pixels. */
export function packBytes(data: {
  labels: Uint8Array;
  pixels: Uint8Array;
  count: number;
}): Uint8Array;
/** Reads the mnist package's digits. */
export function readPackage(): { labels: Uint8Array; pixels: Uint8Array; count: number };
export function fnv1a(bytes: Uint8Array, hash?: number): number;
export const ASSET: string;
export const ROOT: string;
