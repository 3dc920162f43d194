/**
 * Running the experiment CLI from a test: in process with a captured Io
 * (what cli/define.ts's experiments write to), one command line at a time
 * with inProcess, or as the real command, `npx tsx cli/experiment.ts <args>`,
 * in a child process from the repository root.
 */
import { spawnSync } from 'node:child_process';

/** What the CLI writes to (cli/define.ts's Io). */
interface Io {
  out(text: string): void;
  err(text: string): void;
}

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

/**
 * The experiment CLI's `main` (cli/experiment.ts, passed in: src/ imports nothing from cli/) as
 * a command that runs in this process on one command line, given as "capacity --units 100 ..."
 * or as its words: resolves to its exit status, stdout and stderr, the fields that
 * runExperimentCommand gives for the real command.
 */
export function inProcess(main: (argv: readonly string[], io: Io) => Promise<number>) {
  return async (line: string | readonly string[]) => {
    const io = captureIo();
    const status = await main(typeof line === 'string' ? line.split(' ') : line, io);
    return { status, stdout: io.stdout, stderr: io.stderr };
  };
}

const root = new URL('../..', import.meta.url).pathname;

/** `npx tsx cli/experiment.ts ...args` from the repository root; its status, stdout and stderr. */
export function runExperimentCommand(args: string[]) {
  return spawnSync('npx', ['tsx', 'cli/experiment.ts', ...args], { cwd: root, encoding: 'utf8' });
}
