// `npm test` needs a Chromium. On a root Debian machine without one, install Debian's package;
// anywhere else, say exactly what to run and stop.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

const path = chromiumPath();
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
if (process.env.CHROME_PATH || !isRoot || !isDebian) {
  console.error(`Chromium was not found at ${path}.`);
  console.error(isDebian ? 'Install it with:  sudo apt-get update && sudo apt-get install -y chromium' : 'Install Chromium or Chrome, then run:  CHROME_PATH=/path/to/chrome npm test');
  process.exit(1);
}
console.log('Chromium is missing: installing Debian\'s package (about 40 s)…');
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
if (!existsSync(chromiumPath())) {
  console.error('apt-get finished but Chromium is still missing.');
  process.exit(1);
}
