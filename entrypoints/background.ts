import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { isToBG, sendToTab, type FeedbackAction, type PageConfig, type PromptAction, type PromptTriggers, type Replies, type ToBG } from '../platform/messages.ts';
import { onPolicyChanged, onSettingsChanged, readEffective, readPolicy, readQuiet, readSettings, setQuiet, updateSettings } from '../platform/settings-store.ts';
import { dayKey, quietItem, recordMemoryItem, seenTodayItem, tabPromptsItem } from '../platform/storage-items.ts';
import { openLearningPoint, openReflection } from '../platform/navigation.ts';
import { noAccessProblem, syncSiteScripts } from '../platform/sites.ts';
import { welcomeOnInstalled } from '../platform/welcome.ts';
import { compactFor, indexSource, localCards, type PageSets } from '../platform/page-sets.ts';
import { siteState, normaliseOrigin, mergeSettings, parsePolicy } from '../core/settings/settings.ts';
import type { PromptSet } from '../core/schema/prompt-set.ts';
import { isPromptId } from '../core/cards.ts';
import { cleanReason, countFor, expireRecordsNow, quietOnRecordNow, recordFor, USAGE_EVENT_OF } from '../platform/usage-events.ts';
import defaultSetJson from '../content/prompt-sets/default.json';

/** The built-in set as pages need it: managers' notes stripped. */
const BUILT_IN: PromptSet = {
  ...(defaultSetJson as PromptSet),
  triggers: (defaultSetJson as PromptSet).triggers.map(({ note: _note, ...t }) => t),
};

/** Prompt ids per tab and frame: derived facts only, kept in memory and in session storage. */
const tabPrompts = new Map<number, Map<number, string[]>>();
/** Per tab and frame, the set-qualified trigger ids that fired per prompt id (derived facts only). */
const tabTriggers = new Map<number, Map<number, PromptTriggers>>();
/**
 * Per tab, the triggers last seen firing for each prompt id, kept after the prompt leaves the page:
 * a choice made on a prompt (counted per trigger) arrives after the page has reported it gone.
 */
const lastTriggers = new Map<number, Map<string, string[]>>();

export default defineBackground({
  type: 'module',
  main() {
    browser.runtime.onMessage.addListener((msg: unknown, sender) => {
      if (!isToBG(msg)) return undefined;
      return handle(msg, sender);
    });
    browser.tabs.onRemoved.addListener((tabId) => {
      tabPrompts.delete(tabId);
      tabTriggers.delete(tabId);
      lastTriggers.delete(tabId);
      void tabPromptsItem(tabId)
        .removeValue()
        .catch(() => {});
    });
    browser.commands?.onCommand.addListener(async (command) => {
      if (command !== 'toggle-prompts') return;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id !== undefined) await sendToTab(tab.id, { type: 'bg:toggle' });
    });
    // settings or policy changed: re-register the sites, and every page with prompts asks for its config again
    const configChanged = (sites: boolean) => {
      if (sites) void resync();
      for (const tabId of tabPrompts.keys()) void sendToTab(tabId, { type: 'bg:config' });
    };
    onSettingsChanged(() => configChanged(true));
    onPolicyChanged(() => configChanged(true));
    quietItem.watch(() => configChanged(false));
    // a prompt quiet on a record now (here or in another tab), or the memory forgotten: pages ask again
    recordMemoryItem.watch(() => configChanged(false));
    // a tab's address changed without a load (a single-page app moved to another record): every frame
    // asks again (the top frame notices by itself too; frames inside it cannot see the top's address)
    browser.tabs.onUpdated?.addListener((tabId, info) => {
      if (info.url && tabPrompts.has(tabId)) void sendToTab(tabId, { type: 'bg:config' });
    });
    browser.runtime.onInstalled.addListener((details) => {
      void resync();
      void welcomeOnInstalled(details).catch(() => {}); // a user's own install: the welcome page (platform/welcome.ts)
    });
    browser.runtime.onStartup?.addListener(() => {
      void resync();
      void readSettings()
        .then(expireRecordsNow)
        .catch(() => {});
    });
    if (browser.sidePanel) {
      void browser.sidePanel.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => {});
    }
  },
});

/**
 * Register the content script for every site that is on (the user's and the policy's) and that this
 * extension may reach. Waits for the policy however long the browser takes (right after start it can
 * take seconds): registering without it would leave policy sites off. A policy site with no host
 * permission is said plainly here and on the options page (platform/options-platform.ts).
 */
function pageSets(eff: Awaited<ReturnType<typeof readEffective>>): PageSets {
  return { builtIn: BUILT_IN, others: [...eff.managedSets, ...eff.settings.localSets], disabled: eff.settings.disabledPrompts };
}

async function resync(): Promise<void> {
  const [user, policy] = await Promise.all([readSettings(), readPolicy(60_000)]);
  const permitted = await syncSiteScripts(mergeSettings(user, policy).settings.sites).catch(() => [] as string[]);
  const policySites = (parsePolicy(policy).policy.sites ?? []).map(normaliseOrigin).filter((o): o is string => !!o);
  for (const o of policySites) if (!permitted.includes(o)) console.warn(`Practice Prompts: ${noAccessProblem(o)}`);
}

async function handle(msg: ToBG, sender: { tab?: { id?: number; url?: string }; frameId?: number; url?: string }): Promise<Replies[ToBG['type']]> {
  switch (msg.type) {
    case 'cs:hello': {
      const eff = await readEffective();
      const url = sender.tab?.url ?? sender.url ?? '';
      const s = eff.settings;
      const config: PageConfig = {
        state: siteState(url, s),
        surface: s.surface,
        maxPrompts: s.maxPrompts,
        cooldownMinutes: s.cooldownMinutes,
        disabledPrompts: s.disabledPrompts,
        index: indexSource(pageSets(eff)),
        localCards: localCards([...eff.managedSets, ...s.localSets]),
        quiet: await readQuiet(),
        recordQuiet: await quietOnRecordNow(url, s),
      };
      return config;
    }
    case 'cs:index':
      return compactFor(pageSets(await readEffective()), msg.hash);
    case 'cs:prompts': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return true;
      let frames = tabPrompts.get(tabId);
      if (!frames) tabPrompts.set(tabId, (frames = new Map()));
      let trigs = tabTriggers.get(tabId);
      if (!trigs) tabTriggers.set(tabId, (trigs = new Map()));
      const frameId = sender.frameId ?? 0;
      const ids = msg.ids.filter(isPromptId).slice(0, 20);
      const before = frames.get(frameId) ?? [];
      frames.set(frameId, ids);
      trigs.set(frameId, cleanTriggers(ids, msg.triggers));
      let last = lastTriggers.get(tabId);
      if (!last) lastTriggers.set(tabId, (last = new Map()));
      for (const [id, q] of Object.entries(trigs.get(frameId)!)) {
        if (!q.length) continue;
        last.delete(id);
        last.set(id, q);
      }
      while (last.size > 100) last.delete(last.keys().next().value!);
      // counted as shown when it appears in this frame (not again while it stays on show), once the panel has been told
      const appeared = ids.filter((id) => !before.includes(id)).map((id) => ({ id, triggers: trigs.get(frameId)![id] ?? [] }));
      const all = [...new Set([...frames.values()].flat())];
      const triggers: PromptTriggers = {};
      for (const t of trigs.values()) for (const [id, q] of Object.entries(t)) triggers[id] = [...new Set([...(triggers[id] ?? []), ...q])];
      // the side panel follows this item (storage.onChanged); the popup asks with ui:tab-prompts
      await tabPromptsItem(tabId)
        .setValue({ ids: all, triggers })
        .catch(() => {});
      await noteSeenToday(ids);
      await updateBadge(tabId, frames);
      await countFor('shown', appeared, pageSetsOf);
      return true;
    }
    case 'cs:open':
    case 'ui:open':
      // the practitioner waits on the tab, not on the count: open first, then count
      await openLearningPoint(msg.id, msg.where, sender.tab?.id);
      if (msg.type === 'cs:open' && isPromptId(msg.id)) await countFor('opened', [{ id: msg.id, triggers: await triggersInTab(sender.tab?.id, msg.id) }], pageSetsOf);
      return true;
    case 'cs:reflect':
      // a page asks: only a prompt id of the library opens a pre-filled page (anything else, the log)
      await openReflection(isPromptId(msg.id) ? msg.id : '', sender.tab?.id);
      if (isPromptId(msg.id)) await countFor('reflected', [{ id: msg.id, triggers: await triggersInTab(sender.tab?.id, msg.id) }], pageSetsOf);
      return true;
    case 'cs:feedback':
      if (!isPromptId(msg.id) || !PROMPT_ACTIONS.includes(msg.action)) return true;
      if (msg.action !== 'dismiss') await storeFeedback(msg.id, msg.action);
      await afterAction(msg.id, msg.action, msg.reason, sender.tab?.url ?? sender.url ?? '', sender.tab?.id);
      return true;
    case 'cs:record':
      return quietOnRecordNow(sender.tab?.url ?? sender.url ?? '', (await readEffective()).settings);
    case 'ui:prompt-action':
      // from the side panel: stored as the page's own choice would be, then the tab's dock follows
      if (!isPromptId(msg.id) || typeof msg.tabId !== 'number' || !PROMPT_ACTIONS.includes(msg.action)) return true;
      if (msg.action !== 'dismiss') await storeFeedback(msg.id, msg.action);
      await afterAction(msg.id, msg.action, msg.reason, await browser.tabs.get(msg.tabId).then((t) => t?.url ?? '', () => ''), msg.tabId);
      await sendToTab(msg.tabId, { type: 'bg:prompt-action', id: msg.id, action: msg.action });
      return true;
    case 'ui:tab-prompts': {
      const frames = tabPrompts.get(msg.tabId);
      if (frames) return [...new Set([...frames.values()].flat())];
      return tabPromptsItem(msg.tabId)
        .getValue()
        .then((v) => v.ids)
        .catch(() => []);
    }
    case 'ui:site': {
      const origin = normaliseOrigin(msg.origin);
      if (!origin) return { ok: false, error: 'not a web address' };
      const errors = await updateSettings((s) => {
        const sites = new Set(s.sites);
        const paused = new Set(s.pausedSites);
        if (msg.action === 'on' || msg.action === 'off') paused.delete(origin);
        if (msg.action === 'on') sites.add(origin);
        if (msg.action === 'off') sites.delete(origin);
        if (msg.action === 'pause') paused.add(origin);
        if (msg.action === 'resume') paused.delete(origin);
        return { ...s, sites: [...sites], pausedSites: [...paused] };
      });
      await resync();
      return errors.length ? { ok: false, error: errors.join('; ') } : { ok: true };
    }
    case 'ui:pause-everywhere':
      await updateSettings((s) => ({ ...s, pausedEverywhere: msg.paused }));
      return true;
  }
}

/** Snooze (quiet item) or "not relevant" (settings), as chosen in the page or the side panel. */
async function storeFeedback(id: string, action: FeedbackAction): Promise<void> {
  const now = Date.now();
  if (action === 'snooze-hour') await setQuiet(id, now + 60 * 60 * 1000);
  else if (action === 'snooze-today') {
    const end = new Date(now);
    end.setHours(23, 59, 59, 999);
    await setQuiet(id, end.getTime());
  } else if (action === 'not-relevant') {
    await updateSettings((s) => ({ ...s, notRelevant: { ...s.notRelevant, [id]: (s.notRelevant[id] ?? 0) + 1 } }));
  }
}

/** The page sets now (for the counts' set versions). */
const pageSetsOf = async () => pageSets(await readEffective());

/** The set-qualified trigger ids that fired for a prompt in a tab (any frame), as last reported (after a restart: as stored). */
async function triggersInTab(tabId: number | undefined, id: string): Promise<string[]> {
  if (tabId === undefined) return [];
  const known = lastTriggers.get(tabId)?.get(id);
  if (known) return known;
  return tabPromptsItem(tabId)
    .getValue()
    .then((v) => v.triggers[id] ?? [])
    .catch(() => []);
}

/**
 * After a choice on a prompt (in the page or the side panel): counted, and a dismiss or "not relevant"
 * keeps it quiet on the record the tab shows (read from the tab's address here; the id goes no further).
 */
async function afterAction(id: string, action: PromptAction, reason: unknown, url: string, tabId: number | undefined): Promise<void> {
  await countFor(USAGE_EVENT_OF[action], [{ id, triggers: await triggersInTab(tabId, id) }], pageSetsOf, action === 'not-relevant' ? cleanReason(reason) : undefined);
  if (action === 'dismiss' || action === 'not-relevant') await recordFor(url, (await readEffective()).settings, id);
}

/** Only trigger ids for the prompts on show, shaped "setId/triggerId", a few per prompt. */
function cleanTriggers(ids: readonly string[], raw: unknown): PromptTriggers {
  const out: PromptTriggers = {};
  const given = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  for (const id of ids) {
    const list = Object.prototype.hasOwnProperty.call(given, id) ? given[id] : undefined;
    out[id] = Array.isArray(list) ? list.filter((q): q is string => typeof q === 'string' && QUALIFIED_TRIGGER.test(q)).slice(0, 10) : [];
  }
  return out;
}
const QUALIFIED_TRIGGER = /^[a-z0-9][a-z0-9._-]{0,79}\/[a-z0-9][a-z0-9._-]{0,79}$/;

const PROMPT_ACTIONS: readonly string[] = ['dismiss', 'snooze-hour', 'snooze-today', 'not-relevant'] satisfies PromptAction[];

/** Writes to today's list, one after another (reports from several tabs and frames arrive together). */
let seenQueue: Promise<void> = Promise.resolve();
/** Add prompt ids to today's list (ids only, at most 50, oldest dropped first; a new day starts a new list). */
function noteSeenToday(ids: readonly string[]): Promise<void> {
  if (!ids.length) return seenQueue;
  seenQueue = seenQueue.then(async () => {
    const day = dayKey();
    const seen = await seenTodayItem.getValue().catch(() => seenTodayItem.fallback);
    const before = seen.day === day ? seen.ids : [];
    const next = [...before, ...ids.filter((id) => !before.includes(id))].slice(-50);
    if (seen.day !== day || next.join(',') !== before.join(',')) await seenTodayItem.setValue({ day, ids: next }).catch(() => {});
  });
  return seenQueue;
}

async function updateBadge(tabId: number, frames: Map<number, string[]>): Promise<void> {
  const n = new Set([...frames.values()].flat()).size;
  await browser.action?.setBadgeText({ tabId, text: n ? String(n) : '' }).catch(() => {});
  await browser.action?.setBadgeBackgroundColor?.({ tabId, color: '#35527a' }).catch(() => {});
}
