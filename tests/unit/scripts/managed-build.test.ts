import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
// @ts-expect-error plain ESM helper without types
import { hostPattern, resolveConfig, managedManifest, publicKeyFromPem, extensionIdFromPublicKey } from '../../../scripts/managed-build.mjs';
// @ts-expect-error plain ESM helper without types
import { updateXml, isCrx3 } from '../../../scripts/package-self-hosted.mjs';

describe('managed build', () => {
  it('turns the council\'s sites into host patterns without ports, and refuses anything else', () => {
    expect(hostPattern('https://LCS.example.gov.uk:8443/some/page')).toBe('https://lcs.example.gov.uk/*');
    expect(hostPattern('https://*.mosaic.example.gov.uk')).toBe('https://*.mosaic.example.gov.uk/*');
    expect(() => hostPattern('ftp://files.example.gov.uk')).toThrow(/not a web origin/);
    expect(() => hostPattern('<all_urls>')).toThrow(/not a web origin/);
    expect(() => resolveConfig({ hosts: [] })).toThrow(/at least one site/);
  });

  it('adds only the listed hosts (and the key) to the store manifest', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicKey = publicKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string) as string;
    const cfg = resolveConfig({ hosts: ['https://lcs.example.gov.uk', 'https://lcs.example.gov.uk/x'], publicKey });
    const store = { manifest_version: 3, name: 'Practice Prompts', version: '1.2.3', optional_host_permissions: ['http://*/*', 'https://*/*'] };
    const chrome = managedManifest(store, cfg, 'chrome');
    expect(chrome).toEqual({ ...store, host_permissions: ['https://lcs.example.gov.uk/*'], key: publicKey });
    expect(managedManifest(store, cfg, 'firefox')).toEqual({ ...store, host_permissions: ['https://lcs.example.gov.uk/*'] });
    expect(() => resolveConfig({ hosts: ['https://a.example'], publicKey: 'bm90IGEga2V5' })).toThrow(/not a base64 DER public key/);
  });

  it('derives the Chromium extension id from the key (SHA-256, a–p)', () => {
    // Chromium's documented example: the id is the first 128 bits of the SHA-256 of the DER public key
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const der = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const id = extensionIdFromPublicKey(der) as string;
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(extensionIdFromPublicKey(der)).toBe(id);
  });

  it('writes an update manifest and recognises CRX3', () => {
    const xml = updateXml({ id: 'a'.repeat(32), version: '1.2.3', crxUrl: "https://x.example/p's.crx" }) as string;
    expect(xml).toContain(`appid='${'a'.repeat(32)}'`);
    expect(xml).toContain("codebase='https://x.example/p&apos;s.crx' version='1.2.3'");
    const crx = Buffer.alloc(16);
    crx.write('Cr24', 0, 'latin1');
    crx.writeUInt32LE(3, 4);
    expect(isCrx3(crx)).toBe(true);
    crx.writeUInt32LE(2, 4);
    expect(isCrx3(crx)).toBe(false);
  });
});
