import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';
import { promptCards } from './vite-plugins/prompt-cards-plugin.ts';
import { searchIndex } from './vite-plugins/search-index-plugin.ts';
import { compiledSet } from './vite-plugins/compiled-set-plugin.ts';

export default defineConfig({
  plugins: [WxtVitest(), preact(), promptCards(), searchIndex(), compiledSet()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/content/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    // hooks too: a beforeEach that imports an entrypoint transforms its module graph, slow on a busy 2-core machine
    hookTimeout: 60_000,
    pool: 'threads',
    maxWorkers: 2,
  },
});
