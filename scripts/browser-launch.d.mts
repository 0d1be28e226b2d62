import type { BrowserContext, LaunchOptions as PwLaunchOptions, BrowserContextOptions } from '@playwright/test';

export interface ChromiumArgsOptions {
  /** Absolute path of an unpacked extension to load; omit to launch with no extension flags at all. */
  extensionDir?: string;
  /** More flags, after ours (a `--disable-features=` list is merged with ours). */
  extraArgs?: readonly string[];
  /** Custom names → address, mapped before every other name is refused. */
  hosts?: Readonly<Record<string, string>>;
  /** Add --no-sandbox (default true). */
  noSandbox?: boolean;
  /** Add --disable-gpu (default true). */
  disableGpu?: boolean;
}

export interface LaunchOptions extends ChromiumArgsOptions, Omit<BrowserContextOptions, 'hosts'> {
  userDataDir: string;
  headless?: boolean;
  /** Default: the Chromium that find-chromium.mjs finds. */
  executablePath?: string;
  /** Default: the same as headless. */
  disableGpu?: boolean;
  timeout?: PwLaunchOptions['timeout'];
}

export const OFF_NETWORK_ARGS: readonly string[];
export const DISABLED_FEATURES: readonly string[];
export function hostResolverRules(hosts?: Readonly<Record<string, string>>): string;
export function chromiumArgs(opts?: ChromiumArgsOptions): string[];
export function launchChromium(opts: LaunchOptions): Promise<BrowserContext>;
