/**
 * Running the experiment CLI from a test: in process with a captured Io
 * (what cli/define.ts's experiments write to), or as the real command,
 * `npx tsx cli/experiment.ts <args>`, in a child process from the
 * repository root.
 */
import { spawnSync } from 'node:child_process';

/** An Io (cli/define.ts) that keeps what is written: `stdout` from out(), `stderr` from err(). */
export function captureIo() {
  const io = {
    stdout: '',
    stderr: '',
    out: (text: string) => void (io.stdout += text),
    err: (text: string) => void (io.stderr += text),
  };
  return io;
}

const root = new URL('../..', import.meta.url).pathname;

/** `npx tsx cli/experiment.ts ...args` from the repository root; its status, stdout and stderr. */
export function runExperimentCommand(args: string[]) {
  return spawnSync('npx', ['tsx', 'cli/experiment.ts', ...args], { cwd: root, encoding: 'utf8' });
}
