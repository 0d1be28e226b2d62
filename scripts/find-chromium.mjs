// Finds a Chromium to test with: $CHROMIUM_PATH, Playwright's cache, then the system's.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function findChromium() {
  const env = process.env.CHROMIUM_PATH || process.env.PP_CHROMIUM;
  if (env && existsSync(env)) return env;
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (existsSync(cache)) {
    for (const d of readdirSync(cache).filter((x) => x.startsWith('chromium-')).sort().reverse()) {
      for (const sub of ['chrome-linux/chrome', 'chrome-linux64/chrome']) {
        const p = join(cache, d, sub);
        if (existsSync(p)) return p;
      }
    }
  }
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']) if (existsSync(p)) return p;
  return null;
}

export function findFirefox() {
  const env = process.env.FIREFOX_PATH;
  if (env && existsSync(env)) return env;
  for (const p of ['/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox', '/usr/bin/firefox-esr', '/usr/bin/firefox']) if (existsSync(p)) return p;
  return null;
}

export const CHROMIUM_HELP =
  'No Chromium found. Install one: as root on Debian/Ubuntu `apt-get install -y --no-install-recommends chromium`, or set CHROMIUM_PATH=/path/to/chrome.';
export const FIREFOX_HELP = 'No Firefox found. Install one: as root on Debian `apt-get install -y --no-install-recommends firefox-esr`, or set FIREFOX_PATH.';
