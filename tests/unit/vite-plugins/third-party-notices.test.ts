import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { noticesText, packageDirOf } from '../../../vite-plugins/third-party-notices.ts';

describe('third-party notices', () => {
  it.each([
    ['/r/node_modules/preact/dist/preact.mjs', '/r/node_modules/preact'],
    ['/r/node_modules/@wxt-dev/storage/dist/index.mjs', '/r/node_modules/@wxt-dev/storage'],
    ['/r/node_modules/a/node_modules/b/index.js', '/r/node_modules/a/node_modules/b'],
    ['\0/r/node_modules/zod/v4/mini/index.js?commonjs', '/r/node_modules/zod'],
    ['/r/core/matcher/scan.ts', null],
  ])('%s comes from %s', (id, dir) => {
    expect(packageDirOf(id)).toBe(dir);
  });

  it('lists each package once, with its version, licence and licence text', () => {
    const root = join(import.meta.dirname, '../../../node_modules');
    const text = noticesText([join(root, 'preact'), join(root, 'preact'), join(root, 'webextension-polyfill')]);
    expect(text.match(/^preact \S+ — MIT$/gm)).toHaveLength(1);
    expect(text).toMatch(/^webextension-polyfill \S+ — MPL-2\.0$/m);
    expect(text).toContain('Permission is hereby granted');
    expect(text).toContain('Mozilla Public License');
  });
});
