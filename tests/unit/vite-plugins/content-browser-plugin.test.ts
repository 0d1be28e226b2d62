import { describe, expect, it } from 'vitest';
import { contentScriptBrowser, isContentScriptBuild } from '../../../vite-plugins/content-browser-plugin.ts';

describe('the content script without the polyfill', () => {
  it('recognises the content script builds, and only them', () => {
    expect(isContentScriptBuild('/work/main/entrypoints/prompts.content/index.tsx')).toBe(true);
    expect(isContentScriptBuild('C:\\repo\\entrypoints\\prompts.content\\index.tsx')).toBe(true);
    expect(isContentScriptBuild('/repo/entrypoints/other.content.ts')).toBe(true);
    expect(isContentScriptBuild('/repo/entrypoints/background.ts')).toBe(false);
    expect(isContentScriptBuild({ popup: '/repo/entrypoints/popup/index.html' })).toBe(false);
    expect(isContentScriptBuild(undefined)).toBe(false);
  });

  it('replaces wxt/browser in a content script build, and nowhere else', () => {
    const build = (entry: string | null) => {
      const p = contentScriptBrowser();
      (p.configResolved as (c: unknown) => void)({ build: { lib: entry ? { entry } : false } });
      return (id: string) => (p.resolveId as (id: string) => string | null)(id);
    };
    const content = build('/repo/entrypoints/prompts.content/index.tsx');
    expect(content('wxt/browser')).toMatch(/content-browser/);
    expect(content('@wxt-dev/webextension-polyfill/browser')).toMatch(/content-browser/);
    expect(content('preact')).toBeNull();
    expect(build('/repo/entrypoints/background.ts')('wxt/browser')).toBeNull();
    expect(build(null)('@wxt-dev/webextension-polyfill/browser')).toBeNull();
  });

  it('hands the content script the native namespace: browser where there is one (Firefox), else chrome', () => {
    const p = contentScriptBrowser();
    const code = (p.load as (id: string) => string | null)('\0practice-prompts:content-browser')!;
    const run = (g: Record<string, unknown>) => new Function('globalThis', code.replace('export const browser =', 'return'))(g);
    const chrome = { runtime: { id: 'x' } };
    const firefox = { runtime: { id: 'y' } };
    expect(run({ chrome })).toBe(chrome);
    expect(run({ chrome, browser: firefox })).toBe(firefox);
    expect(run({ chrome, browser: {} })).toBe(chrome);
  });
});
