/**
 * The WASM backend and its binaries, loaded only when WASM is chosen (this
 * module is imported dynamically by backend.ts, so it and the backend land
 * in their own chunk).
 *
 * Vite's `?url` import copies each .wasm into the build with a hashed name
 * and gives its URL (relative to the page, as `base: './'` asks), so the app
 * needs no CDN and works from any sub-path. tfjs needs all three names in
 * the map even though only one is fetched.
 *
 * Threads are switched off: the threaded binary needs a cross-origin-isolated
 * page (SharedArrayBuffer), which static hosts rarely give, and its worker
 * bootstrap breaks in a minified Vite build.
 */
import { env } from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

let configured = false;

/** Points tfjs at the bundled binaries and turns threads off. Call before setBackend('wasm'). */
export function configureWasm(): void {
  if (configured) return;
  // The flag is registered by the wasm package's import above; set it before init.
  env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainUrl,
    'tfjs-backend-wasm-simd.wasm': simdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedUrl,
  });
  configured = true;
}
