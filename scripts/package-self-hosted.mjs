#!/usr/bin/env node
/**
 * The self-hosted package for Chrome and Edge: a CRX3 signed with the council's own key, and the
 * update manifest (update.xml) the browser polls. The key never enters the repository: its path is
 * given with --key or PP_SIGNING_KEY, and a key inside this working tree is refused.
 *
 *   npm run package:self-hosted -- --key /secure/practice-prompts.pem \
 *     --update-base-url https://software.example.gov.uk/practice-prompts/ [--config deploy/managed.config.json] [--no-build] [--out DIR]
 *
 * Output (default .output/self-hosted/): practice-prompts-<version>.crx, update.xml, extension-id.txt.
 * Upload the .crx and update.xml to the update base URL; the policy then names
 * `<extension-id>;<base>update.xml` (docs/deployment.md). With a managed config, the package is the
 * managed build (the council's sites as host permissions); without one, it behaves as the store build.
 * Chromium packs the CRX itself (`--pack-extension`), offline.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, chmodSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionIdFromPublicKey, makeManagedBuild, parseArgs, publicKeyFromPem, readConfigFile } from './managed-build.mjs';
import { findChromium, CHROMIUM_HELP } from './find-chromium.mjs';

const xmlAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;');

/** The update manifest Chromium polls (gupdate protocol 2.0). */
export function updateXml({ id, version, crxUrl }) {
  return `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${xmlAttr(id)}'>
    <updatecheck codebase='${xmlAttr(crxUrl)}' version='${xmlAttr(version)}' />
  </app>
</gupdate>
`;
}

/** CRX3: "Cr24", then format version 3 (little-endian). */
export function isCrx3(buf) {
  return buf.length > 12 && buf.toString('latin1', 0, 4) === 'Cr24' && buf.readUInt32LE(4) === 3;
}

/**
 * Build (unless build is false) and package. Returns { id, version, crx, updateXml, outDir }.
 * @param {{ keyPath: string, updateBaseUrl?: string, configPath?: string, build?: boolean, outDir?: string, root?: string, chromium?: string, hosts?: string[] }} o
 */
export function packageSelfHosted({ keyPath, updateBaseUrl, configPath, build = true, outDir, root = process.cwd(), chromium }) {
  if (!keyPath) throw new Error('no signing key: pass --key /path/to/key.pem or set PP_SIGNING_KEY (docs/deployment.md says how to make one)');
  const key = resolve(keyPath);
  const rel = relative(resolve(root), key);
  if (!rel.startsWith('..') && !isAbsolute(rel)) throw new Error(`the signing key ${key} is inside this working tree: keep it outside the repository (docs/deployment.md)`);
  if (!existsSync(key)) throw new Error(`no signing key at ${key}`);
  const publicKey = publicKeyFromPem(readFileSync(key, 'utf8'));
  const id = extensionIdFromPublicKey(publicKey);

  const cfgPath = resolve(root, configPath ?? process.env.PP_MANAGED_CONFIG ?? 'deploy/managed.config.json');
  const cfg = existsSync(cfgPath) ? readConfigFile(cfgPath) : null;
  if (!cfg) console.warn(`No managed config at ${cfgPath}: packaging without host permissions (sites listed by policy then need a click each, as in the store build).`);
  const base = (updateBaseUrl ?? cfg?.updateBaseUrl ?? '').replace(/\/?$/, '/');
  if (!/^https?:\/\/[^/]+\//.test(base)) throw new Error('no update base URL: pass --update-base-url https://software.example.gov.uk/practice-prompts/ (or "updateBaseUrl" in the config)');
  const config = { patterns: cfg?.patterns ?? [], publicKey, updateBaseUrl: base };

  if (build) {
    const r = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('wxt build failed');
  }
  const out = resolve(root, outDir ?? '.output/self-hosted');
  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'pp-crx-'));
  try {
    const extDir = join(work, 'practice-prompts');
    const manifest = makeManagedBuild({ srcDir: resolve(root, '.output/chrome-mv3'), outDir: extDir, config, browser: 'chrome' });
    if (!manifest.host_permissions.length) delete manifest.host_permissions;
    writeFileSync(join(extDir, 'manifest.json'), JSON.stringify(manifest));
    const version = manifest.version;

    const exe = chromium ?? findChromium();
    if (!exe) throw new Error(CHROMIUM_HELP);
    // Chromium packs and exits; as root it needs --no-sandbox, and headless needs no display
    const r = spawnSync(exe, ['--no-sandbox', '--headless', '--disable-gpu', `--user-data-dir=${join(work, 'profile')}`, `--pack-extension=${extDir}`, `--pack-extension-key=${key}`], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const packed = `${extDir}.crx`;
    if (!existsSync(packed)) throw new Error(`Chromium did not pack the extension (exit ${r.status}):\n${r.stderr}`);
    const crxBuf = readFileSync(packed);
    if (!isCrx3(crxBuf)) throw new Error('Chromium wrote a package that is not CRX3');

    const crxName = `practice-prompts-${version}.crx`;
    const crx = join(out, crxName);
    renameSync(packed, crx);
    chmodSync(crx, 0o644);
    const xml = updateXml({ id, version, crxUrl: `${base}${crxName}` });
    writeFileSync(join(out, 'update.xml'), xml);
    writeFileSync(join(out, 'extension-id.txt'), `${id}\n`);
    return { id, version, crx, updateXml: join(out, 'update.xml'), outDir: out, hostPermissions: manifest.host_permissions ?? [] };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  try {
    const r = packageSelfHosted({
      keyPath: args.key ?? process.env.PP_SIGNING_KEY,
      updateBaseUrl: args['update-base-url'] ?? process.env.PP_UPDATE_BASE_URL,
      configPath: args.config,
      build: !args['no-build'],
      outDir: args.out,
    });
    console.log(`\nSelf-hosted package (version ${r.version}):`);
    console.log(`  ${r.crx}`);
    console.log(`  ${r.updateXml}`);
    console.log(`  extension id: ${r.id}`);
    console.log(`  host permissions: ${r.hostPermissions.length ? r.hostPermissions.join(', ') : 'none (store behaviour: a click per site)'}`);
    console.log(`  policy: ExtensionInstallForcelist = "${r.id};<update base URL>update.xml" (docs/deployment.md)`);
  } catch (e) {
    console.error(`package:self-hosted: ${e.message}`);
    process.exit(1);
  }
}
