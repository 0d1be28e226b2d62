import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { isPolyfillRejection, sendToBackground } from '../../../platform/messages.ts';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('sendToBackground on the native namespace (the content script has no polyfill)', () => {
  it('recognises the polyfill’s rejected-reply marker, and nothing else', () => {
    expect(isPolyfillRejection({ __mozWebExtensionPolyfillReject__: true, message: 'no' })).toBe(true);
    for (const r of [undefined, null, true, 'x', { message: 'no' }, { __mozWebExtensionPolyfillReject__: 'true' }]) expect(isPolyfillRejection(r)).toBe(false);
  });

  it('fails when the background’s handler failed, as the polyfill would', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ __mozWebExtensionPolyfillReject__: true, message: 'storage unreadable' } as never);
    await expect(sendToBackground({ type: 'cs:hello' })).rejects.toThrow('storage unreadable');
  });

  it('hands over any other reply as it is', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(['a', 'b'] as never);
    await expect(sendToBackground({ type: 'cs:record' })).resolves.toEqual(['a', 'b']);
  });
});
