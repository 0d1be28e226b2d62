/** The first-run welcome page: when it opens (platform/welcome.ts), against WXT's fake browser. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { welcomeOnInstalled, welcomeWanted } from '../../../platform/welcome.ts';

describe('welcomeWanted', () => {
  it('a user’s own install opens it; updates, browser updates and test or developer profiles never do', () => {
    expect(welcomeWanted({ reason: 'install', installType: 'normal', policyAsks: undefined })).toBe(true);
    expect(welcomeWanted({ reason: 'install', installType: 'sideload', policyAsks: undefined })).toBe(true);
    expect(welcomeWanted({ reason: 'install', installType: undefined, policyAsks: undefined })).toBe(true);
    expect(welcomeWanted({ reason: 'update', installType: 'normal', policyAsks: undefined })).toBe(false);
    expect(welcomeWanted({ reason: 'chrome_update', installType: 'normal', policyAsks: undefined })).toBe(false);
    expect(welcomeWanted({ reason: 'install', installType: 'development', policyAsks: undefined })).toBe(false);
    expect(welcomeWanted({ reason: 'install', installType: 'development', policyAsks: true })).toBe(false);
  });
  it('an install by policy opens it only when the policy asks; a policy can also switch it off', () => {
    expect(welcomeWanted({ reason: 'install', installType: 'admin', policyAsks: undefined })).toBe(false);
    expect(welcomeWanted({ reason: 'install', installType: 'admin', policyAsks: true })).toBe(true);
    expect(welcomeWanted({ reason: 'install', installType: 'admin', policyAsks: false })).toBe(false);
    expect(welcomeWanted({ reason: 'install', installType: 'normal', policyAsks: false })).toBe(false);
  });
});

describe('welcomeOnInstalled', () => {
  beforeEach(() => fakeBrowser.reset());
  const as = (installType: string, policy: unknown = {}) => {
    (fakeBrowser as unknown as { management: unknown }).management = { getSelf: vi.fn(async () => ({ installType })) };
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue(policy as Record<string, unknown>);
  };
  const tabs = async () => (await fakeBrowser.tabs.query({})).map((t) => t.url);

  it('opens welcome.html in a new tab on a normal install', async () => {
    as('normal');
    expect(await welcomeOnInstalled({ reason: 'install' })).toBe(true);
    expect(await tabs()).toContainEqual(expect.stringMatching(/\/welcome\.html$/));
  });
  it('opens nothing for a development (test profile) install, an update, or a policy install that does not ask', async () => {
    as('development');
    expect(await welcomeOnInstalled({ reason: 'install' })).toBe(false);
    as('normal');
    expect(await welcomeOnInstalled({ reason: 'update' })).toBe(false);
    as('admin');
    expect(await welcomeOnInstalled({ reason: 'install' })).toBe(false);
    expect((await tabs()).filter((u) => /welcome/.test(u ?? ''))).toEqual([]);
  });
  it('opens it on a policy install when the policy’s welcomeOnInstall is true', async () => {
    as('admin', { welcomeOnInstall: true });
    expect(await welcomeOnInstalled({ reason: 'install' })).toBe(true);
    expect(await tabs()).toContainEqual(expect.stringMatching(/\/welcome\.html$/));
  });
});
