import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { currentBackend, initBackend, onBackendChange } from './backend';
import {
  describeOutcome,
  isSoftwareRenderer,
  parseBackendParam,
  planBackends,
  softwareRendererName,
  type BackendInfo,
  type BackendName,
  type BackendProbe,
} from './backendPlan';
import { type Activation, type BackendDriver } from './backendDriver';

const hw = (name: BackendName, adapter: string | null = null): BackendProbe => ({
  name,
  available: true,
  software: false,
  adapter,
});
const sw = (name: BackendName, adapter: string): BackendProbe => ({
  name,
  available: true,
  software: true,
  adapter,
});
const none = (name: BackendName, reason: string): BackendProbe => ({
  name,
  available: false,
  software: false,
  adapter: null,
  reason,
});

/** Headless Chromium here: WebGPU and WebGL both through SwiftShader. */
const HEADLESS = [
  sw('webgpu', 'google swiftshader'),
  sw('webgl', 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)'),
  hw('wasm'),
  hw('cpu'),
];

describe('isSoftwareRenderer', () => {
  it('spots software renderers and passes real GPUs', () => {
    for (const s of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'google swiftshader',
      'llvmpipe (LLVM 15.0.7, 256 bits)',
      'Microsoft Basic Render Driver',
    ]) {
      expect(isSoftwareRenderer(s), s).toBe(true);
    }
    for (const s of [
      'ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11)',
      'apple metal-3',
      '',
      null,
    ]) {
      expect(isSoftwareRenderer(s), String(s)).toBe(false);
    }
    expect(softwareRendererName('google swiftshader')).toBe('SwiftShader');
    expect(softwareRendererName('llvmpipe (LLVM 15.0.7, 256 bits)')).toBe('llvmpipe');
    expect(softwareRendererName('NVIDIA')).toBeNull();
  });
});

describe('planBackends', () => {
  it('tries webgpu, webgl, wasm, cpu on real hardware', () => {
    const plan = planBackends([hw('webgpu'), hw('webgl'), hw('wasm'), hw('cpu')]);
    expect(plan.order).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(plan.skipped).toEqual([]);
  });

  it('skips software GPUs in favour of WASM', () => {
    const plan = planBackends(HEADLESS);
    expect(plan.order).toEqual(['wasm', 'cpu']);
    expect(plan.skipped.map((p) => p.name)).toEqual(['webgpu', 'webgl']);
  });

  it('puts a forced backend first, even a software one', () => {
    expect(planBackends(HEADLESS, 'webgl').order).toEqual(['webgl', 'wasm', 'cpu']);
    expect(planBackends(HEADLESS, 'cpu').order).toEqual(['cpu', 'wasm']);
  });

  it('skips unavailable backends, forced or not, but always keeps cpu', () => {
    const probes = [
      none('webgpu', 'no WebGPU'),
      hw('webgl'),
      none('wasm', 'no WASM'),
      none('cpu', '?'),
    ];
    expect(planBackends(probes).order).toEqual(['webgl', 'cpu']);
    const forced = planBackends(probes, 'webgpu');
    expect(forced.order).toEqual(['webgl', 'cpu']);
    expect(forced.skipped[0].name).toBe('webgpu');
  });

  it('treats a missing probe as available hardware', () => {
    expect(planBackends([]).order).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });
});

describe('describeOutcome', () => {
  it('explains skipped software GPUs', () => {
    expect(describeOutcome(planBackends(HEADLESS), [], 'wasm', null)).toEqual([
      'WebGPU is a software renderer (SwiftShader); using WASM, which is faster here.',
      'WebGL is a software renderer (SwiftShader); using WASM, which is faster here.',
    ]);
  });

  it('explains failures and a forced backend that did not run', () => {
    const plan = planBackends(
      [hw('webgpu'), none('webgl', 'this browser has no WebGL'), hw('wasm')],
      'webgpu',
    );
    const notes = describeOutcome(
      plan,
      [{ name: 'webgpu', error: 'starting took longer than 8 s' }],
      'wasm',
      'webgpu',
    );
    expect(notes).toEqual([
      'You asked for WebGPU (?backend=webgpu), but starting took longer than 8 s; using WASM.',
      'WebGL is not available: this browser has no WebGL.',
    ]);
    const plain = planBackends([hw('webgpu'), hw('webgl')]);
    expect(describeOutcome(plain, [{ name: 'webgpu', error: 'boom' }], 'webgl', null)).toEqual([
      'WebGPU failed to start: boom; fell back to WebGL.',
    ]);
  });

  it('says nothing about backends after the one that runs', () => {
    const plan = planBackends([hw('webgpu', 'NVIDIA'), sw('webgl', 'SwiftShader')]);
    expect(describeOutcome(plan, [], 'webgpu', null)).toEqual([]);
  });

  it('warns when a forced backend is a software renderer', () => {
    const plan = planBackends(HEADLESS, 'webgpu');
    expect(describeOutcome(plan, [], 'webgpu', 'webgpu', HEADLESS[0])).toEqual([
      'WebGPU runs on a software renderer (SwiftShader) here: correct but slow; WASM is usually faster.',
    ]);
  });
});

describe('parseBackendParam', () => {
  it('reads backend= from search, hash or a bare query', () => {
    expect(parseBackendParam('?backend=wasm')).toEqual({ forced: 'wasm', error: null });
    expect(parseBackendParam('backend=WebGL')).toEqual({ forced: 'webgl', error: null });
    expect(parseBackendParam('#/hopfield?size=8&backend=cpu')).toEqual({
      forced: 'cpu',
      error: null,
    });
    expect(parseBackendParam('?backend=webgpu#/x?backend=cpu')).toEqual({
      forced: 'webgpu',
      error: null,
    });
    expect(parseBackendParam('?a=1#/x?backend=cpu')).toEqual({ forced: 'cpu', error: null });
  });

  it('means automatic for nothing, empty or auto', () => {
    for (const s of ['', '?', '?size=4', '?backend=', '?backend=auto', '#/hopfield']) {
      expect(parseBackendParam(s), s).toEqual({ forced: null, error: null });
    }
  });

  it('reports an unknown value and chooses automatically', () => {
    expect(parseBackendParam('?backend=cuda')).toEqual({
      forced: null,
      error: 'backend=cuda is not one of webgpu, webgl, wasm, cpu; choosing automatically.',
    });
    expect(parseBackendParam('?backend=%zz').forced).toBeNull();
    expect(parseBackendParam('?backend=%zz').error).toMatch(/%zz is not one of/);
  });
});

/** A driver whose backends succeed, fail or hang as told, recording what it is asked. */
function fakeDriver(
  probes: BackendProbe[],
  behave: Partial<Record<BackendName, 'ok' | 'fail' | 'hang' | Activation>>,
) {
  const log: string[] = [];
  const driver: BackendDriver = {
    probe: async () => probes,
    activate: async (name) => {
      log.push(`activate ${name}`);
      const b = behave[name] ?? 'ok';
      if (b === 'fail') throw new Error(`${name} broke`);
      if (b === 'hang') return new Promise<Activation>(() => {});
      return b === 'ok' ? {} : b;
    },
    abandon: (name) => log.push(`abandon ${name}`),
  };
  return { driver, log };
}

describe('initBackend with a fake driver', () => {
  it('starts the first that works, noting the failures', async () => {
    const { driver, log } = fakeDriver([hw('webgpu', 'GPU'), hw('webgl'), hw('wasm'), hw('cpu')], {
      webgpu: 'fail',
      webgl: 'hang',
    });
    const seen: BackendInfo[] = [];
    const off = onBackendChange((i) => seen.push(i));
    const info = await initBackend(null, { driver, timeoutMs: 20 });
    off();
    expect(info).toEqual({
      name: 'wasm',
      adapter: null,
      software: false,
      notes: [
        'WebGPU failed to start: webgpu broke; fell back to WASM.',
        'WebGL failed to start: starting took longer than 0.02 s; fell back to WASM.',
      ],
    });
    expect(log).toEqual(['activate webgpu', 'activate webgl', 'abandon webgl', 'activate wasm']);
    expect(seen).toEqual([info]);
    expect(currentBackend()).toBe(info);
  });

  it('reports the adapter and software flag of a forced software GPU', async () => {
    const { driver } = fakeDriver(HEADLESS, {});
    const info = await initBackend('webgpu', { driver });
    expect(info.name).toBe('webgpu');
    expect(info.adapter).toBe('google swiftshader');
    expect(info.software).toBe(true);
  });

  it('waits for cpu, the last resort, without a timeout', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const driver: BackendDriver = {
      probe: async () => [hw('cpu')],
      activate: async (name) => {
        if (name !== 'cpu') throw new Error('no');
        await slow;
        return {};
      },
      abandon: () => {},
    };
    const started = initBackend(null, { driver, timeoutMs: 5 });
    setTimeout(release, 30);
    expect((await started).name).toBe('cpu');
  });

  it('rejects only when even cpu fails', async () => {
    const { driver } = fakeDriver([hw('cpu')], {
      webgpu: 'fail',
      webgl: 'fail',
      wasm: 'fail',
      cpu: 'fail',
    });
    await expect(initBackend(null, { driver })).rejects.toThrow(
      /No TensorFlow.js backend could start.*cpu broke/,
    );
  });

  it('falls back and tells subscribers when the WebGPU device is lost', async () => {
    let lose!: (reason: string) => void;
    const lost = new Promise<string>((r) => (lose = r));
    const { driver, log } = fakeDriver(
      [hw('webgpu', 'NVIDIA'), sw('webgl', 'SwiftShader'), hw('wasm'), hw('cpu')],
      {
        webgpu: { lost },
      },
    );
    const first = await initBackend(null, { driver });
    expect(first).toMatchObject({ name: 'webgpu', adapter: 'NVIDIA', notes: [] });
    const next = new Promise<BackendInfo>((resolve) => {
      const off = onBackendChange((i) => (off(), resolve(i)));
    });
    lose('unknown: GPU hung');
    const info = await next;
    expect(info).toEqual({
      name: 'wasm',
      adapter: null,
      software: false,
      notes: ['The GPU device was lost (unknown: GPU hung); switched to WASM.'],
    });
    expect(log).toEqual(['activate webgpu', 'abandon webgpu', 'activate wasm']);
    expect(currentBackend()).toBe(info);
  });

  it('ignores a loss after switching backends on purpose', async () => {
    let lose!: (reason: string) => void;
    const lost = new Promise<string>((r) => (lose = r));
    const { driver, log } = fakeDriver([hw('webgpu'), hw('wasm'), hw('cpu')], { webgpu: { lost } });
    await initBackend(null, { driver });
    await initBackend('cpu', { driver });
    let changes = 0;
    const off = onBackendChange(() => changes++);
    lose('destroyed');
    await new Promise((r) => setTimeout(r, 10));
    off();
    expect(changes).toBe(0);
    expect(currentBackend()?.name).toBe('cpu');
    expect(log).not.toContain('abandon webgpu');
  });
});

describe('initBackend in Node (real tfjs)', () => {
  it('starts the CPU backend when forced', async () => {
    const info = await initBackend('cpu');
    expect(info).toEqual({ name: 'cpu', adapter: null, software: false, notes: [] });
    expect(tf.getBackend()).toBe('cpu');
    const before = tf.memory().numTensors;
    const y = tf.tidy(() => tf.add(tf.scalar(2), tf.scalar(3)));
    expect((await y.data())[0]).toBe(5);
    y.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
