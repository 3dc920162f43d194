/**
 * Whether the module at `moduleUrl` (its import.meta.url) is the script Node
 * was started with, symlinks resolved: a runner module then runs its
 * command-line entry, and stays a plain library when imported.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return moduleUrl === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}
