#!/usr/bin/env node
/**
 * The managed build: the store build's code with the council's own sites as `host_permissions` and,
 * for Chrome and Edge, a manifest `key` so the extension id is stable (derived from the council's key).
 * A force-installed extension gets its manifest host permissions without any prompt, so every site
 * the policy lists (`sites`) and this build carries runs the prompts with no click. Nothing else is
 * granted: no `<all_urls>`, only the hosts in the config.
 *
 *   npm run build:managed            # Chrome/Edge: .output/chrome-mv3-managed
 *   npm run build:managed:firefox    # Firefox:     .output/firefox-mv3-managed
 *   node scripts/managed-build.mjs --config deploy/managed.config.json [--browser firefox] [--no-build]
 *
 * Config (deploy/managed.config.json, gitignored; see deploy/managed.config.example.json):
 *   { "hosts": ["https://lcs.example.gov.uk", "https://*.mosaic.example.gov.uk"],
 *     "publicKey": "<base64 DER public key>"   (or "keyFile": "/secure/practice-prompts.pem"),
 *     "updateBaseUrl": "https://software.example.gov.uk/practice-prompts/" }
 * The config file may be given by PP_MANAGED_CONFIG instead of --config. The signing key path may be
 * given by PP_SIGNING_KEY; only its public half ever reaches the manifest.
 */
import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `https://lcs.example.gov.uk:8443/path` → `https://lcs.example.gov.uk/*` (ports dropped: a pattern without one covers every port, and Firefox allows none). */
export function hostPattern(host) {
  const m = /^(https?):\/\/(\*\.)?([a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:\d+)?(\/.*)?$/i.exec(String(host).trim());
  if (!m) throw new Error(`not a web origin: ${JSON.stringify(host)} (write it as https://host.example.gov.uk)`);
  return `${m[1].toLowerCase()}://${m[2] ?? ''}${m[3].toLowerCase()}/*`;
}

/** The manifest `key`: the public key as base64 DER (SubjectPublicKeyInfo), from a PEM private or public key. */
export function publicKeyFromPem(pem) {
  return createPublicKey(pem).export({ type: 'spki', format: 'der' }).toString('base64');
}

/** Chromium's extension id for a manifest `key`: SHA-256 of the DER public key, first 32 hex digits written a–p. */
export function extensionIdFromPublicKey(publicKeyBase64) {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * Check a config object; returns `{ hosts, patterns, publicKey?, updateBaseUrl? }` or throws with the
 * problem in plain words. `keyFile` / PP_SIGNING_KEY are read here (the public half only is kept).
 */
export function resolveConfig(raw, { baseDir = process.cwd(), env = process.env } = {}) {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('managed config: must be a JSON object');
  const hosts = raw.hosts;
  if (!Array.isArray(hosts) || hosts.length === 0) throw new Error('managed config: "hosts" must list at least one site, e.g. ["https://lcs.example.gov.uk"]');
  const patterns = [...new Set(hosts.map(hostPattern))];
  let publicKey = typeof raw.publicKey === 'string' && raw.publicKey ? raw.publicKey.replace(/\s+/g, '') : undefined;
  const keyFile = raw.keyFile ?? env.PP_SIGNING_KEY;
  if (!publicKey && keyFile) publicKey = publicKeyFromPem(readFileSync(resolve(baseDir, keyFile), 'utf8'));
  if (publicKey) {
    try {
      createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    } catch {
      throw new Error('managed config: "publicKey" is not a base64 DER public key (make it with: openssl pkey -in KEY.pem -pubout -outform DER | base64 -w0)');
    }
  }
  const updateBaseUrl = typeof raw.updateBaseUrl === 'string' ? raw.updateBaseUrl.replace(/\/?$/, '/') : undefined;
  return { hosts, patterns, publicKey, updateBaseUrl };
}

/** The managed manifest from the store manifest: host permissions (and, for Chromium, key and update_url) added; nothing else changed. */
export function managedManifest(manifest, config, browser = 'chrome') {
  const out = { ...manifest, host_permissions: [...config.patterns] };
  if (browser !== 'firefox') {
    if (config.publicKey) out.key = config.publicKey;
    if (config.updateBaseUrl) out.update_url = `${config.updateBaseUrl}update.xml`;
  }
  return out;
}

/** Copy a built extension and write its managed manifest. Returns the manifest written. */
export function makeManagedBuild({ srcDir, outDir, config, browser = 'chrome' }) {
  const manifestPath = resolve(srcDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`no built extension in ${srcDir} (run the build first)`);
  rmSync(outDir, { recursive: true, force: true });
  cpSync(srcDir, outDir, { recursive: true });
  const manifest = managedManifest(JSON.parse(readFileSync(manifestPath, 'utf8')), config, browser);
  writeFileSync(resolve(outDir, 'manifest.json'), JSON.stringify(manifest));
  return manifest;
}

export function readConfigFile(path) {
  if (!existsSync(path)) {
    throw new Error(`no managed config at ${path}. Copy deploy/managed.config.example.json to deploy/managed.config.json and list your sites (docs/deployment.md).`);
  }
  let raw;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${e.message})`);
  }
  return resolveConfig(raw, { baseDir: resolve(path, '..') });
}

/** `--name value` / `--flag` arguments. */
export function parseArgs(argv) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) out._.push(a);
    else if (a.includes('=')) out[a.slice(2, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out[a.slice(2)] = argv[++i];
    else out[a.slice(2)] = true;
  }
  return out;
}

/** Build (unless `build` is false) and write `.output/<browser>-mv3-managed`. */
export function buildManaged({ browser = 'chrome', configPath, build = true, root = process.cwd(), config } = {}) {
  const cfg = config ?? readConfigFile(resolve(root, configPath ?? process.env.PP_MANAGED_CONFIG ?? 'deploy/managed.config.json'));
  if (build) {
    const r = spawnSync('npx', ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('wxt build failed');
  }
  const srcDir = resolve(root, `.output/${browser}-mv3`);
  const outDir = resolve(root, `.output/${browser}-mv3-managed`);
  const manifest = makeManagedBuild({ srcDir, outDir, config: cfg, browser });
  return { outDir, manifest, id: cfg.publicKey && browser !== 'firefox' ? extensionIdFromPublicKey(cfg.publicKey) : undefined };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  try {
    const browser = args.browser === 'firefox' ? 'firefox' : 'chrome';
    const { outDir, manifest, id } = buildManaged({ browser, configPath: args.config, build: !args['no-build'] });
    console.log(`\nManaged ${browser} build: ${outDir}`);
    console.log(`  host_permissions: ${manifest.host_permissions.join(', ')}`);
    if (browser === 'firefox') console.log(`  extension id: ${manifest.browser_specific_settings?.gecko?.id}`);
    else console.log(id ? `  extension id: ${id} (from the manifest key)` : '  no key in the config: the id depends on how it is installed (add "publicKey" or "keyFile" for a stable id)');
  } catch (e) {
    console.error(`build:managed: ${e.message}`);
    process.exit(1);
  }
}
