/**
 * The background's wiring for learning from use (issue 19), against WXT's fake browser: the record read
 * from the sending tab's address and kept as a keyed hash, prompts quiet per record, counts from the
 * typed messages, and the policy switch that turns counting off.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createHmac } from 'node:crypto';
import type { PageConfig, ToBG } from '../../../platform/messages.ts';
import { cellOf, type CountStore } from '../../../core/usage/counts.ts';
import { DAY_MS } from '../../../core/usage/keys.ts';
import { setVersion } from '../../../platform/usage-events.ts';
import type { PromptSet } from '../../../core/schema/prompt-set.ts';
import { DEFAULT_SETTINGS } from '../../../core/settings/settings.ts';

type Sender = { tab?: { id?: number; url?: string }; frameId?: number; url?: string };
const fakeTabs = fakeBrowser.tabs as unknown as { sendMessage?: (tabId: number, msg: unknown) => Promise<unknown> };

async function startBackground(): Promise<void> {
  vi.resetModules();
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
  const { default: background } = await import('../../../entrypoints/background.ts');
  background.main();
}
async function send<T = unknown>(msg: ToBG | Record<string, unknown>, sender: Sender = {}): Promise<T> {
  const replies = await fakeBrowser.runtime.onMessage.trigger(msg, sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1]);
  return replies[0] as T;
}

const O = 'https://lcs.example.gov.uk';
const A = `${O}/person/424242`;
const B = `${O}/person/515151`;
const LIST = `${O}/people?tab=open`;
const P = 'neglect-rarely-alone';
const T = 'briefing/neglect-named';
const at = (url: string, tabId = 1, frameId = 0): Sender => ({ tab: { id: tabId, url }, frameId, url });

const everything = async () => ({
  local: await fakeBrowser.storage.local.get(null),
  sync: await fakeBrowser.storage.sync.get(null),
  session: await fakeBrowser.storage.session.get(null),
});
const counts = async () => ((await fakeBrowser.storage.local.get('usageCounts')).usageCounts ?? null) as CountStore | null;
/** Today's counts, per "trigger point" (set and version checked separately). */
async function today(): Promise<Record<string, Record<string, number>>> {
  const store = await counts();
  const out: Record<string, Record<string, number>> = {};
  for (const cells of Object.values(store?.days ?? {}))
    for (const [key, c] of Object.entries(cells)) {
      const cell = cellOf(key);
      out[`${cell.trigger} ${cell.point}`] = c as Record<string, number>;
    }
  return out;
}

beforeEach(async () => {
  fakeBrowser.reset();
  fakeTabs.sendMessage = async () => undefined;
  await startBackground();
});

describe('per-record memory', () => {
  it('dismissed on record A: quiet on A (after a reload too), shown on record B and on pages that are no record', async () => {
    expect((await send<PageConfig>({ type: 'cs:hello' }, at(A))).recordQuiet).toEqual([]);
    await send({ type: 'cs:prompts', ids: [P], triggers: { [P]: [T] } }, at(A));
    await send({ type: 'cs:feedback', id: P, action: 'dismiss' }, at(A));
    expect((await send<PageConfig>({ type: 'cs:hello' }, at(A))).recordQuiet).toEqual([P]);
    expect((await send<PageConfig>({ type: 'cs:hello' }, at(`${O}/person/424242?tab=notes`, 2))).recordQuiet).toEqual([P]);
    expect((await send<PageConfig>({ type: 'cs:hello' }, at(B, 3))).recordQuiet).toEqual([]);
    expect((await send<PageConfig>({ type: 'cs:hello' }, at(LIST, 4))).recordQuiet).toEqual([]);
    // the background restarts (a service worker does): still quiet on A
    await startBackground();
    expect((await send<PageConfig>({ type: 'cs:hello' }, at(A))).recordQuiet).toEqual([P]);
  });

  it('reads the record from the sending tab’s address only: a frame’s own address, or anything in the message, is not used', async () => {
    await send({ type: 'cs:feedback', id: P, action: 'not-relevant', url: B, record: '515151' } as Record<string, unknown>, { tab: { id: 1, url: A }, frameId: 5, url: `${O}/frame.html` });
    expect((await send<PageConfig>({ type: 'cs:hello' }, at(A))).recordQuiet).toEqual([P]);
    expect((await send<PageConfig>({ type: 'cs:hello' }, at(B))).recordQuiet).toEqual([]);
  });

  it('keeps a keyed hash (HMAC with this install’s secret) of the record, never its id or the address', async () => {
    await send({ type: 'cs:feedback', id: P, action: 'not-relevant', reason: 'notThisChild' }, at(A));
    const { local } = await everything();
    const secret = Buffer.from(local.usageSecret as string, 'hex');
    const key = createHmac('sha256', secret).update(`${O}\n424242`).digest('hex');
    expect(Object.keys(local.recordMemory as object)).toEqual([key]);
    expect(JSON.stringify(await everything())).not.toMatch(/424242|lcs\.example|person/);
    // the page is told prompt ids, nothing about the record
    expect(await send({ type: 'cs:record' }, at(A))).toEqual([P]);
  });

  it('cs:record answers for the address the tab shows now (a single-page app moved to another record)', async () => {
    await send({ type: 'cs:feedback', id: P, action: 'dismiss' }, at(A));
    expect(await send({ type: 'cs:record' }, at(A))).toEqual([P]);
    expect(await send({ type: 'cs:record' }, at(B))).toEqual([]);
    expect(await send({ type: 'cs:record' }, at(`${O}/app#/person/424242`))).toEqual([P]);
    expect(await send({ type: 'cs:record' }, {})).toEqual([]);
  });

  it('a snooze is not remembered on the record; an unknown action or a prompt id that is not one is ignored', async () => {
    await send({ type: 'cs:feedback', id: P, action: 'snooze-hour' }, at(A));
    await send({ type: 'cs:feedback', id: P, action: 'explode' } as Record<string, unknown>, at(A));
    await send({ type: 'cs:feedback', id: '../x', action: 'dismiss' }, at(A));
    expect(await send({ type: 'cs:record' }, at(A))).toEqual([]);
  });

  it('the side panel’s dismiss or "not relevant" is remembered on the record its tab shows', async () => {
    const tab = await fakeBrowser.tabs.create({ url: A });
    await send({ type: 'ui:prompt-action', tabId: tab.id!, id: P, action: 'not-relevant', reason: 'tooOften' });
    expect(await send({ type: 'cs:record' }, at(A))).toEqual([P]);
    expect(await send({ type: 'cs:record' }, at(B))).toEqual([]);
  });

  it('forgets after the expiry in settings (default 90 days)', async () => {
    const now = Date.now();
    vi.useFakeTimers({ now: now - 91 * DAY_MS, toFake: ['Date'] });
    await send({ type: 'cs:feedback', id: P, action: 'dismiss' }, at(A));
    vi.setSystemTime(now - 89 * DAY_MS);
    await send({ type: 'cs:feedback', id: 'neglect-normalisation', action: 'dismiss' }, at(A));
    vi.useRealTimers();
    expect(await send({ type: 'cs:record' }, at(A))).toEqual(['neglect-normalisation']);
    // a shorter expiry in settings
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, recordMemoryDays: 30 } });
    expect(await send({ type: 'cs:record' }, at(A))).toEqual([]);
  });

  it('on browser start, what is past the expiry is removed from storage too', async () => {
    const old = Date.now() - 91 * DAY_MS;
    const key = 'a'.repeat(64);
    await fakeBrowser.storage.local.set({ recordMemory: { [key]: { [P]: old }, ['b'.repeat(64)]: { [P]: Date.now() } } });
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect(Object.keys((await fakeBrowser.storage.local.get('recordMemory')).recordMemory as object)).toEqual(['b'.repeat(64)]));
  });

  it('uses the organisation’s record patterns from policy', async () => {
    await fakeBrowser.storage.managed.set({ recordPatterns: [{ origin: O, segments: ['subject'] }] });
    await send({ type: 'cs:feedback', id: P, action: 'dismiss' }, at(`${O}/subject/77`));
    expect(await send({ type: 'cs:record' }, at(`${O}/subject/77`))).toEqual([P]);
    expect(await send({ type: 'cs:record' }, at(`${O}/subject/78`))).toEqual([]);
  });

  it('when what is quiet on records changes (here, or "forget everything" elsewhere), pages with prompts ask again', async () => {
    const sent = vi.fn(async () => undefined);
    fakeTabs.sendMessage = sent;
    await send({ type: 'cs:prompts', ids: [P], triggers: { [P]: [T] } }, at(A, 7));
    await send({ type: 'cs:feedback', id: P, action: 'dismiss' }, at(A, 7));
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith(7, { type: 'bg:config' }));
  });

  it('when a tab with prompts changes address, its pages ask again (frames cannot see the top’s address change)', async () => {
    const sent = vi.fn(async () => undefined);
    fakeTabs.sendMessage = sent;
    await send({ type: 'cs:prompts', ids: [P], triggers: { [P]: [T] } }, at(A, 7));
    const tab = { id: 7, url: B } as Parameters<typeof fakeBrowser.tabs.onUpdated.trigger>[2];
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, tab);
    expect(sent).not.toHaveBeenCalled();
    await fakeBrowser.tabs.onUpdated.trigger(7, { url: B }, tab);
    expect(sent).toHaveBeenCalledWith(7, { type: 'bg:config' });
    await fakeBrowser.tabs.onUpdated.trigger(8, { url: B }, { ...tab, id: 8 });
    expect(sent).not.toHaveBeenCalledWith(8, expect.anything());
  });
});

describe('counts', () => {
  it('counts shown (once while on show), opened, reflected, dismissed, snoozed and not relevant with its reason, per trigger and learning point', async () => {
    await send({ type: 'cs:prompts', ids: [P], triggers: { [P]: [T, 'briefing/neglect-signs'] } }, at(A));
    await send({ type: 'cs:prompts', ids: [P], triggers: { [P]: [T, 'briefing/neglect-signs'] } }, at(A)); // still on show: not again
    await send({ type: 'cs:open', id: P, where: 'library' }, at(A));
    await send({ type: 'cs:reflect', id: P }, at(A));
    await send({ type: 'cs:feedback', id: P, action: 'snooze-hour' }, at(A));
    await send({ type: 'cs:feedback', id: P, action: 'snooze-today' }, at(A));
    await send({ type: 'cs:feedback', id: P, action: 'dismiss' }, at(A));
    await send({ type: 'cs:feedback', id: P, action: 'not-relevant', reason: 'wrongLearningPoint' }, at(A));
    await send({ type: 'cs:feedback', id: P, action: 'not-relevant', reason: 'free text typed by someone' } as Record<string, unknown>, at(A));
    await send({ type: 'cs:prompts', ids: [], triggers: {} }, at(A));
    await send({ type: 'cs:prompts', ids: [P], triggers: { [P]: [T] } }, at(A)); // shown again
    const c = await today();
    expect(c[`neglect-named ${P}`]).toEqual({ shown: 2, opened: 1, reflected: 1, snoozed: 2, dismissed: 1, notRelevant: 2, wrongLearningPoint: 1 });
    expect(c[`neglect-signs ${P}`]).toEqual({ shown: 1, opened: 1, reflected: 1, snoozed: 2, dismissed: 1, notRelevant: 2, wrongLearningPoint: 1 });
    // keyed by set id and version; a day's bucket; no address, record id or text anywhere
    const store = (await counts())!;
    const [day] = Object.keys(store.days);
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const key of Object.keys(store.days[day!]!)) {
      expect(cellOf(key).set).toBe('briefing');
      expect(cellOf(key).setVersion).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(JSON.stringify(await everything())).not.toMatch(/424242|lcs\.example|person|free text/);
  });

  it('a choice is counted even when the page reported the prompt gone first (it hides it, then tells)', async () => {
    await send({ type: 'cs:prompts', ids: [P, 'neglect-normalisation'], triggers: { [P]: [T], 'neglect-normalisation': ['briefing/neglect-signs'] } }, at(A));
    await send({ type: 'cs:prompts', ids: ['neglect-normalisation'], triggers: { 'neglect-normalisation': ['briefing/neglect-signs'] } }, at(A));
    await send({ type: 'cs:feedback', id: P, action: 'not-relevant', reason: 'notThisChild' }, at(A));
    expect((await today())[`neglect-named ${P}`]).toEqual({ shown: 1, notRelevant: 1, notThisChild: 1 });
  });

  it('the side panel’s choices are counted, with the reason', async () => {
    const tab = await fakeBrowser.tabs.create({ url: A });
    await send({ type: 'cs:prompts', ids: [P], triggers: { [P]: [T] } }, at(A, tab.id!));
    await send({ type: 'ui:prompt-action', tabId: tab.id!, id: P, action: 'not-relevant', reason: 'alreadyConsidered' });
    await send({ type: 'ui:prompt-action', tabId: tab.id!, id: P, action: 'dismiss' });
    expect((await today())[`neglect-named ${P}`]).toEqual({ shown: 1, notRelevant: 1, alreadyConsidered: 1, dismissed: 1 });
  });

  it('a trigger of a set not in use, or not shaped "set/trigger", is not counted', async () => {
    await send({ type: 'cs:prompts', ids: [P], triggers: { [P]: ['nosuchset/x', 'briefing'] } }, at(A));
    expect(await counts()).toBeNull();
  });

  it('policy usageCounts: false switches counting off entirely (per-record memory still works)', async () => {
    await fakeBrowser.storage.managed.set({ usageCounts: false });
    await send({ type: 'cs:prompts', ids: [P], triggers: { [P]: [T] } }, at(A));
    await send({ type: 'cs:open', id: P, where: 'library' }, at(A));
    await send({ type: 'cs:feedback', id: P, action: 'not-relevant', reason: 'tooOften' }, at(A));
    expect(await counts()).toBeNull();
    expect(await send({ type: 'cs:record' }, at(A))).toEqual([P]);
    // switched back on: counted again
    await fakeBrowser.storage.managed.set({ usageCounts: true });
    await send({ type: 'cs:feedback', id: P, action: 'dismiss' }, at(A));
    expect((await today())[`neglect-named ${P}`]).toEqual({ dismissed: 1 });
  });

  it('a set’s version follows its content', async () => {
    const set = { format: 'practice-prompts/prompt-set', version: 2, id: 'x', name: 'X', triggers: [] } as unknown as PromptSet;
    const v = await setVersion(set);
    expect(v).toMatch(/^[0-9a-f]{16}$/);
    expect(await setVersion({ ...set })).toBe(v);
    expect(await setVersion({ ...set, name: 'Y' })).not.toBe(v);
  });
});
