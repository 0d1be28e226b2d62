/**
 * The one place product code may fetch: files inside this extension's own package. Anything else is
 * refused before any request is made.
 */
import { describe, expect, it } from 'vitest';
import { ownUrl } from '../../../platform/compiled-index.ts';

const BASE = 'chrome-extension://abcdefghijklmnop/';

describe('ownUrl', () => {
  it.each(['compiled/briefing.bin', 'library.html', 'a/b_c-d.bin'])('%s is a file of this extension', (p) => {
    expect(ownUrl(p, BASE)).toBe(BASE + p);
  });
  it.each([
    'https://example.org/x.bin',
    '//example.org/x.bin',
    'http:example.org',
    '../other/x.bin',
    'compiled/../../x',
    '/compiled/briefing.bin',
    'data:text/plain,hi',
    'javascript:alert(1)',
    '',
  ])('%s is refused', (p) => {
    expect(ownUrl(p, BASE)).toBeNull();
  });
});
