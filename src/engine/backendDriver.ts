/**
 * The browser-facing half of backend choice: probing what the browser offers
 * (navigator.gpu, a WebGL canvas, WebAssembly) and starting a tfjs backend.
 * backend.ts drives it; tests replace it with a fake BackendDriver.
 */
import * as tf from '@tensorflow/tfjs-core';
import { isSoftwareRenderer, type BackendName, type BackendProbe } from './backendPlan';

/** What a started backend may hand back: a promise that settles with a reason if its device is lost. */
export interface Activation {
  lost?: Promise<string>;
}

/** Probing and starting backends; replaceable in tests. */
export interface BackendDriver {
  probe(timeoutMs: number): Promise<BackendProbe[]>;
  /** Starts a backend and checks it computes; throws (with a readable message) on failure. */
  activate(name: BackendName): Promise<Activation>;
  /** Called when a start timed out or a device was lost: make sure it cannot take over later. */
  abandon(name: BackendName): void;
}

export class TimeoutError extends Error {}

/** Rejects with a TimeoutError ("<what> took longer than 8 s") if `p` has not settled in `ms`. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(
      () => reject(new TimeoutError(`${what} took longer than ${ms / 1000} s`)),
      ms,
    );
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface GpuAdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface GpuAdapterLike {
  info?: GpuAdapterInfoLike;
  isFallbackAdapter?: boolean;
  requestAdapterInfo?: () => Promise<GpuAdapterInfoLike>;
}
interface GpuLike {
  requestAdapter(opts?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

const no = (name: BackendName, reason: string): BackendProbe => ({
  name,
  available: false,
  software: false,
  adapter: null,
  reason,
});

async function probeWebGpu(): Promise<BackendProbe> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return no('webgpu', 'this browser has no WebGPU');
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return no('webgpu', 'the browser found no WebGPU adapter');
  const info = adapter.info ?? (await adapter.requestAdapterInfo?.()) ?? {};
  const text = [info.vendor, info.architecture, info.device, info.description]
    .filter(Boolean)
    .join(' ');
  const name = info.description || [info.vendor, info.architecture].filter(Boolean).join(' ');
  return {
    name: 'webgpu',
    available: true,
    software: !!(adapter.isFallbackAdapter || info.isFallbackAdapter) || isSoftwareRenderer(text),
    adapter: name || null,
  };
}

function probeWebGl(): BackendProbe {
  if (typeof document === 'undefined') return no('webgl', 'there is no page to draw on');
  const canvas = document.createElement('canvas');
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as
    WebGLRenderingContext | WebGL2RenderingContext | null;
  if (!gl) return no('webgl', 'this browser has no WebGL');
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return {
    name: 'webgl',
    available: true,
    software: isSoftwareRenderer(renderer),
    adapter: renderer || null,
  };
}

async function safeProbe(
  name: BackendName,
  probe: () => BackendProbe | Promise<BackendProbe>,
  timeoutMs: number,
): Promise<BackendProbe> {
  try {
    return await withTimeout(Promise.resolve().then(probe), timeoutMs, 'asking the GPU');
  } catch (e) {
    return no(name, messageOf(e));
  }
}

async function loadBackend(name: BackendName): Promise<void> {
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  else if (name === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
  else if (name === 'wasm') (await import('./wasmPaths')).configureWasm();
  else await import('@tensorflow/tfjs-backend-cpu');
}

/** A tiny matrix product read back asynchronously: proves the backend computes. */
async function smokeTest(): Promise<void> {
  const y = tf.tidy(() => tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.ones([2, 1])));
  try {
    const v = await y.data();
    if (v[0] !== 3 || v[1] !== 7) throw new Error('a test calculation gave a wrong answer');
  } finally {
    y.dispose();
  }
}

const abandoned = new Set<BackendName>();

export const browserDriver: BackendDriver = {
  async probe(timeoutMs) {
    return Promise.all([
      safeProbe('webgpu', probeWebGpu, timeoutMs),
      safeProbe('webgl', probeWebGl, timeoutMs),
      Promise.resolve<BackendProbe>(
        typeof WebAssembly === 'object'
          ? { name: 'wasm', available: true, software: false, adapter: null }
          : no('wasm', 'this browser has no WebAssembly'),
      ),
      Promise.resolve<BackendProbe>({
        name: 'cpu',
        available: true,
        software: false,
        adapter: null,
      }),
    ]);
  },

  async activate(name) {
    // A start that timed out may still be downloading its chunk; once it is
    // abandoned it must not call setBackend and take over from its successor.
    const check = () => {
      if (abandoned.has(name)) throw new Error('it was abandoned after a timeout');
    };
    check();
    await loadBackend(name);
    check();
    if (!tf.findBackendFactory(name)) throw new Error('this browser cannot run it');
    if (!(await tf.setBackend(name))) {
      throw new Error('it did not initialise (the browser console has details)');
    }
    await tf.ready();
    await smokeTest();
    if (name !== 'webgpu') return {};
    const device = (tf.backend() as unknown as { device?: { lost?: Promise<GpuLostInfo> } }).device;
    return {
      lost: device?.lost?.then(
        (i) =>
          [i.reason, i.message?.replace(/\.$/, '')].filter(Boolean).join(': ') || 'no reason given',
      ),
    };
  },

  abandon(name) {
    abandoned.add(name);
    // Removing the backend makes a late-finishing start obsolete (tfjs checks a
    // pending-init id) and frees a lost device's buffers. Its factory goes too,
    // so this session will not try it again.
    try {
      tf.removeBackend(name);
    } catch {
      // Not registered: nothing to abandon.
    }
  },
};

interface GpuLostInfo {
  reason?: string;
  message?: string;
}
