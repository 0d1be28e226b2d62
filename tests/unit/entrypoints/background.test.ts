/** The background's message handling, against WXT's fake browser. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PageConfig, ToBG } from '../../../platform/messages.ts';
import { decodeIndex, fromBase64 } from '../../../core/matcher/compact.ts';
import { matchText } from '../../../core/matcher/index.ts';

type Sender = { tab?: { id?: number; url?: string }; frameId?: number; url?: string };
const fakeTabs = fakeBrowser.tabs as unknown as { sendMessage?: (tabId: number, msg: unknown) => Promise<unknown> };

/** A fresh background (its per-tab memory starts empty, as after the service worker restarts). */
async function startBackground(): Promise<void> {
  vi.resetModules();
  // the fake browser has no keyboard commands
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
  const { default: background } = await import('../../../entrypoints/background.ts');
  background.main();
}
async function send<T = unknown>(msg: ToBG | Record<string, unknown>, sender: Sender = {}): Promise<T> {
  const replies = await fakeBrowser.runtime.onMessage.trigger(msg, sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1]);
  return replies[0] as T;
}
const fromTab = (tabId: number, frameId = 0): Sender => ({ tab: { id: tabId, url: 'http://127.0.0.1:5173/demo.html' }, frameId });
const localKeys = async () => fakeBrowser.storage.local.get(null);

beforeEach(async () => {
  fakeBrowser.reset();
  await startBackground();
});
afterEach(() => {
  delete fakeTabs.sendMessage;
});

describe('background: page config', () => {
  it('cs:hello answers with the page state, where to load the compiled sets (the packaged built-in set), and live snoozes', async () => {
    await fakeBrowser.storage.local.set({ quiet: { 'neglect-rarely-alone': Date.now() + 60_000, expired: 1 } });
    const config = await send<PageConfig>({ type: 'cs:hello' }, fromTab(1));
    expect(config.state).toBe('demo');
    expect(config.index.packaged).toBe('compiled/briefing.bin');
    expect(config.index.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(config.localCards).toEqual([]);
    expect(Object.keys(config.quiet)).toEqual(['neglect-rarely-alone']);
  });

  it('cs:index compiles what the page was told to load, and answers null for a stale hash', async () => {
    const config = await send<PageConfig>({ type: 'cs:hello' }, fromTab(1));
    const r = await send<{ hash: string; data: string } | null>({ type: 'cs:index', hash: config.index.hash }, fromTab(1));
    expect(r?.hash).toBe(config.index.hash);
    const index = decodeIndex(fromBase64(r!.data), config.index.hash);
    expect(matchText(index, 'Concerns about neglect.').map((p) => p.id)).toContain('neglect-rarely-alone');
    expect(await send({ type: 'cs:index', hash: 'stale' }, fromTab(1))).toBeNull();
  });

  it('ignores messages that are not addressed to it', async () => {
    expect(await send({ type: 'bg:toggle' })).toBeUndefined();
    expect(await send({ nope: true })).toBeUndefined();
  });
});

describe('background: prompts per tab', () => {
  it('keeps the union of every frame’s prompt ids in the tab’s session item, and badges the count', async () => {
    await send({ type: 'cs:prompts', ids: ['a', 'b'] }, fromTab(4, 0));
    await send({ type: 'cs:prompts', ids: ['b', 'c', 7 as unknown as string] }, fromTab(4, 3));
    expect(await fakeBrowser.storage.session.get('tab:4')).toEqual({ 'tab:4': { ids: ['a', 'b', 'c'], triggers: { a: [], b: [], c: [] } } });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('3');
    expect(await send({ type: 'ui:tab-prompts', tabId: 4 })).toEqual(['a', 'b', 'c']);
    // a frame clears its prompts
    await send({ type: 'cs:prompts', ids: [] }, fromTab(4, 3));
    expect(await send({ type: 'ui:tab-prompts', tabId: 4 })).toEqual(['a', 'b']);
  });

  it('keeps, per prompt id, the set-qualified trigger ids that fired (every frame’s), and nothing else', async () => {
    await send({ type: 'cs:prompts', ids: ['a', 'b'], triggers: { a: ['briefing/t1'], b: ['local/x', 'not qualified', 'briefing/Has Text'], z: ['briefing/t9'] } }, fromTab(4, 0));
    await send({ type: 'cs:prompts', ids: ['a'], triggers: { a: ['briefing/t2', 'briefing/t1'] } }, fromTab(4, 2));
    expect(await fakeBrowser.storage.session.get('tab:4')).toEqual({
      'tab:4': { ids: ['a', 'b'], triggers: { a: ['briefing/t1', 'briefing/t2'], b: ['local/x'] } },
    });
    // a frame's prompts go: so do its triggers
    await send({ type: 'cs:prompts', ids: [], triggers: {} }, fromTab(4, 2));
    expect(await fakeBrowser.storage.session.get('tab:4')).toEqual({ 'tab:4': { ids: ['a', 'b'], triggers: { a: ['briefing/t1'], b: ['local/x'] } } });
  });

  it('lists the prompts seen today, ids only, under today’s date; a new day starts afresh', async () => {
    await fakeBrowser.storage.local.set({ seenToday: { day: '1999-01-01', ids: ['old'] } });
    // reports arriving together (several tabs) lose nothing
    await Promise.all([send({ type: 'cs:prompts', ids: ['a', 'b'] }, fromTab(4)), send({ type: 'cs:prompts', ids: ['b', 'c'] }, fromTab(5))]);
    await send({ type: 'cs:prompts', ids: [] }, fromTab(5));
    const { seenToday } = (await localKeys()) as { seenToday: { day: string; ids: string[] } };
    expect([...seenToday.ids].sort()).toEqual(['a', 'b', 'c']);
    expect(seenToday.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(seenToday.day).not.toBe('1999-01-01');
  });

  it('answers from the session item after a restart (memory empty)', async () => {
    await send({ type: 'cs:prompts', ids: ['a'] }, fromTab(4));
    await startBackground();
    expect(await send({ type: 'ui:tab-prompts', tabId: 4 })).toEqual(['a']);
    expect(await send({ type: 'ui:tab-prompts', tabId: 99 })).toEqual([]);
  });

  it('forgets a tab when it closes', async () => {
    await send({ type: 'cs:prompts', ids: ['a'] }, fromTab(8));
    await send({ type: 'cs:prompts', ids: ['b'] }, fromTab(9));
    await fakeBrowser.tabs.onRemoved.trigger(8, { isWindowClosing: false, windowId: 1 });
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'tab:9': { ids: ['b'], triggers: { b: [] } } }));
    expect(await send({ type: 'ui:tab-prompts', tabId: 8 })).toEqual([]);
  });
});

describe('background: opening learning points', () => {
  it('cs:open to the library opens its deep link; nothing is stored', async () => {
    await send({ type: 'cs:open', id: 'neglect-rarely-alone', where: 'library' }, fromTab(2));
    const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
    expect(urls).toContain(`chrome-extension://${fakeBrowser.runtime.id}/library.html#lp/neglect-rarely-alone`);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('an id that is not a prompt id opens the library at the top', async () => {
    await send({ type: 'ui:open', id: '../../options.html', where: 'library' });
    const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
    expect(urls).toContain(`chrome-extension://${fakeBrowser.runtime.id}/library.html`);
  });
});

describe('background: the side panel acts on a tab’s prompts', () => {
  it('ui:prompt-action passes a dismiss to the tab, storing nothing', async () => {
    const sent = vi.fn(async () => undefined);
    fakeTabs.sendMessage = sent;
    expect(await send({ type: 'ui:prompt-action', tabId: 6, id: 'neglect-rarely-alone', action: 'dismiss' })).toBe(true);
    expect(sent).toHaveBeenCalledWith(6, { type: 'bg:prompt-action', id: 'neglect-rarely-alone', action: 'dismiss' });
    expect((await localKeys()).quiet).toBeUndefined();
  });

  it('ui:prompt-action stores a snooze or "not relevant" as the page would, then tells the tab', async () => {
    const sent = vi.fn(async () => undefined);
    fakeTabs.sendMessage = sent;
    const before = Date.now();
    await send({ type: 'ui:prompt-action', tabId: 6, id: 'p1', action: 'snooze-hour' });
    expect(((await localKeys()).quiet as Record<string, number>).p1).toBeGreaterThanOrEqual(before + 60 * 60 * 1000);
    expect(sent).toHaveBeenCalledWith(6, { type: 'bg:prompt-action', id: 'p1', action: 'snooze-hour' });
    await send({ type: 'ui:prompt-action', tabId: 6, id: 'p1', action: 'not-relevant' });
    expect(((await localKeys()).settings as { notRelevant: Record<string, number> }).notRelevant).toEqual({ p1: 1 });
    expect(sent).toHaveBeenCalledWith(6, { type: 'bg:prompt-action', id: 'p1', action: 'not-relevant' });
  });

  it('ui:prompt-action ignores an id that is not a prompt id, or an action it does not know', async () => {
    const sent = vi.fn(async () => undefined);
    fakeTabs.sendMessage = sent;
    await send({ type: 'ui:prompt-action', tabId: 6, id: '../x', action: 'dismiss' });
    await send({ type: 'ui:prompt-action', tabId: 6, id: 'p1', action: 'explode' } as unknown as ToBG);
    expect(sent).not.toHaveBeenCalled();
  });
});

describe('background: feedback and settings', () => {
  it('snoozes for an hour, and counts "not relevant" in the settings', async () => {
    const before = Date.now();
    await send({ type: 'cs:feedback', id: 'p1', action: 'snooze-hour' }, fromTab(1));
    const quiet = (await localKeys()).quiet as Record<string, number>;
    expect(quiet.p1).toBeGreaterThanOrEqual(before + 60 * 60 * 1000);
    await send({ type: 'cs:feedback', id: 'p1', action: 'not-relevant' }, fromTab(1));
    await send({ type: 'cs:feedback', id: 'p1', action: 'not-relevant' }, fromTab(1));
    expect(((await localKeys()).settings as { notRelevant: Record<string, number> }).notRelevant).toEqual({ p1: 2 });
  });

  it('ui:site refuses what is not a web address; ui:pause-everywhere saves the choice', async () => {
    expect(await send({ type: 'ui:site', origin: 'not a url', action: 'on' })).toEqual({ ok: false, error: 'not a web address' });
    expect(await send({ type: 'ui:pause-everywhere', paused: true })).toBe(true);
    expect(((await localKeys()).settings as { pausedEverywhere: boolean }).pausedEverywhere).toBe(true);
  });

  it('tells every tab with prompts to fetch its config again when settings or snoozes change', async () => {
    const sent = vi.fn(async () => undefined);
    fakeTabs.sendMessage = sent;
    await send({ type: 'cs:prompts', ids: ['a'] }, fromTab(6));
    await send({ type: 'ui:pause-everywhere', paused: true });
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith(6, { type: 'bg:config' }));
    sent.mockClear();
    await send({ type: 'cs:feedback', id: 'a', action: 'snooze-hour' }, fromTab(6));
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith(6, { type: 'bg:config' }));
    sent.mockClear();
    // other items are not config: the fake browser calls storage listeners before set() resolves
    await fakeBrowser.storage.local.set({ recent: ['a'] });
    await fakeBrowser.storage.session.set({ 'tab:6': { ids: ['a'], triggers: {} } });
    expect(sent).not.toHaveBeenCalled();
  });
});
