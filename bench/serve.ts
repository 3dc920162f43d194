/**
 * Building and serving for the browser sections: `vite build` in a child
 * process (the app with the repository's vite.config.ts, the bench page
 * with bench/vite.config.ts), each into a temporary folder, and `vite
 * preview` of a folder on a free 127.0.0.1 port. The builds go to temp
 * folders, not dist/, so a benchmark never replaces the build that the e2e
 * tests are reading, and no bundle lands where eslint and prettier look.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITE_BIN = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

export interface Built {
  dir: string;
  ms: number;
}

/** A fresh temporary folder, removed by `cleanup`. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `engram-bench-${prefix}-`));
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** `vite build` (with `config`, or the repository's) into outDir; throws with the build's last lines. */
export function viteBuild(outDir: string, config?: string): Built {
  const t0 = performance.now();
  const args = [VITE_BIN, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  if (config) args.push('--config', config);
  const p = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  if (p.error || p.status !== 0) {
    const tail = `${p.stdout ?? ''}\n${p.stderr ?? ''}`.trim().split('\n').slice(-8).join('\n');
    throw new Error(`vite build failed (${p.error?.message ?? `exit ${p.status}`}):\n${tail}`);
  }
  return { dir: outDir, ms: performance.now() - t0 };
}

/** A port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** `vite preview` of a built folder; `config` as for the build. Close it in a finally. */
export async function serve(outDir: string, config?: string): Promise<Served> {
  const port = await freePort();
  const server = await preview({
    configFile: config ? join(ROOT, config) : join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  let closed = false;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
    },
  };
}
