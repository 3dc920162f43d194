import {
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  gunzipSync,
  gzipSync,
} from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cellAtlasDataset } from './datasets';
import {
  BROTLI_QUALITY,
  BROTLI_WINDOW,
  GZIP_LEVEL,
  losslessSizes,
  portableCodecs,
} from './lossless';

const nodeBrotli = (b: Uint8Array, quality: number) =>
  brotliCompressSync(b, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_GENERIC,
    },
  });

describe('gzip and brotli in the browser give the bytes of Node zlib', () => {
  const ds = cellAtlasDataset(150, 9, 60);
  const files = { csv: new TextEncoder().encode(ds.csv()), binary: ds.packed() };

  for (const [name, bytes] of Object.entries(files)) {
    it(`gzip of the ${name}`, () => {
      for (const level of [6, GZIP_LEVEL]) {
        const ours = portableCodecs.gzip(bytes, level);
        expect(Buffer.from(ours).equals(gzipSync(bytes, { level }))).toBe(true);
        expect(Buffer.from(gunzipSync(ours)).equals(Buffer.from(bytes))).toBe(true);
      }
    });

    it(`brotli of the ${name}`, async () => {
      for (const quality of [5, BROTLI_QUALITY]) {
        const ours = await portableCodecs.brotli(bytes, quality);
        expect(Buffer.from(ours).equals(nodeBrotli(bytes, quality))).toBe(true);
        expect(Buffer.from(brotliDecompressSync(ours)).equals(Buffer.from(bytes))).toBe(true);
      }
    });
  }

  it('reports sizes with the settings that made them', async () => {
    const sizes = await losslessSizes(files.binary);
    expect(sizes.gzip).toBe(gzipSync(files.binary, { level: GZIP_LEVEL }).length);
    expect(sizes.brotli).toBe(nodeBrotli(files.binary, BROTLI_QUALITY).length);
    expect(sizes).toMatchObject({ gzipLevel: 9, brotliQuality: 9 });
    expect(sizes.gzip).toBeLessThan(files.binary.length);
  });
});
