// One place that knows how to start Chromium for this project: the demo, the Playwright fixtures and
// the browser benchmark all launch through here, with the same off-network flags.
// Plain ESM so node scripts and TypeScript tests can both import it (types: browser-launch.d.mts).
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_HELP } from './find-chromium.mjs';

/**
 * Flags that keep Chromium's own traffic on the machine (docs: BROWSER-TESTING.md). Even with the
 * others, Chromium looks up accounts, autofill, component-update and spellcheck hosts: the
 * host-resolver rule (built by hostResolverRules) refuses those names before any packet is sent.
 */
export const OFF_NETWORK_ARGS = Object.freeze([
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/** Browser features switched off (merged with any `--disable-features=` given in extraArgs). */
export const DISABLED_FEATURES = Object.freeze(['Translate', 'OptimizationHints', 'MediaRouter', 'DialMediaRouteProvider']);

const HOST_NAME = /^[a-z0-9*]([a-z0-9*.-]*[a-z0-9*])?$/i;

/**
 * The --host-resolver-rules value: each custom host first (`MAP name target`; the first matching MAP
 * wins), then every other name refused (`MAP * ~NOTFOUND`), with localhost and 127.0.0.1 excluded
 * from mapping so local test pages still resolve.
 * @param {Record<string, string>} [hosts] name → address, e.g. `{ 'lcs.council.test': '127.0.0.1' }`
 */
export function hostResolverRules(hosts = {}) {
  const maps = Object.entries(hosts).map(([name, target]) => {
    if (!HOST_NAME.test(name) || !HOST_NAME.test(target)) throw new Error(`not a host name: ${name} → ${target}`);
    return `MAP ${name} ${target}`;
  });
  return [...maps, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
}

/**
 * Chromium's command line for this project.
 * @param {import('./browser-launch.d.mts').ChromiumArgsOptions} [opts]
 * @returns {string[]}
 */
export function chromiumArgs({ extensionDir, extraArgs = [], hosts = {}, noSandbox = true, disableGpu = true } = {}) {
  const features = [...DISABLED_FEATURES];
  const rest = [];
  for (const a of extraArgs) {
    if (a.startsWith('--host-resolver-rules=')) throw new Error('pass custom hosts as `hosts`, not as a --host-resolver-rules flag');
    if (a.startsWith('--disable-features=')) {
      for (const f of a.slice('--disable-features='.length).split(',')) if (f && !features.includes(f)) features.push(f);
    } else rest.push(a);
  }
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ...(noSandbox ? ['--no-sandbox'] : []),
    ...(disableGpu ? ['--disable-gpu'] : []),
    ...OFF_NETWORK_ARGS,
    `--disable-features=${features.join(',')}`,
    `--host-resolver-rules=${hostResolverRules(hosts)}`,
    ...rest,
  ];
}

/**
 * A persistent Chromium context (extensions need one) with this project's flags.
 * @param {import('./browser-launch.d.mts').LaunchOptions} opts
 */
export async function launchChromium({ userDataDir, extensionDir, extraArgs, hosts, headless = true, noSandbox, disableGpu, executablePath, ...contextOptions }) {
  const exe = executablePath ?? findChromium();
  if (!exe) throw new Error(CHROMIUM_HELP);
  const args = chromiumArgs({ extensionDir, extraArgs, hosts, noSandbox: noSandbox ?? true, disableGpu: disableGpu ?? headless });
  return chromium.launchPersistentContext(userDataDir, { ...contextOptions, executablePath: exe, headless, args });
}
