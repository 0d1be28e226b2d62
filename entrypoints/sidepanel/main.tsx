/**
 * The side panel, a full prompt surface at parity with the in-page dock: the current tab's prompts as
 * full cards, updated as they change (the background keeps them, with the trigger ids that fired, in a
 * session storage item; the panel follows it through storage.onChanged, no polling); why each appeared,
 * told from the prompt sets (never from the note); dismiss, snooze and "not relevant" passed through the
 * background to the tab, so the dock agrees; the prompts seen today (ids only, stored); the library's
 * sections; and the popup's search.
 */
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import cards from 'virtual:prompt-cards';
import { storedDoc } from '../../core/search/search.ts';
import { preloadFullIndex, searchLoaded, sections, wordIndex } from '../../platform/search-index.ts';
import type { PromptCard } from '../../core/cards.ts';
import { explainTrigger, type SetForWhy } from '../../core/prompt-sets/trigger-why.ts';
import { SearchBox, type Suggestion } from '../../components/SearchBox.tsx';
import { PanelPrompts, SectionLinks, SeenToday, type PanelPrompt } from '../../components/PanelPrompts.tsx';
import { libraryUrl, openLearningPoint, openReflection, pushRecent, readRecent } from '../../platform/navigation.ts';
import { reflectUrl, sectionUrl } from '../../platform/links.ts';
import { sendToBackground } from '../../platform/messages.ts';
import { dayKey, recentItem, seenTodayItem, tabPromptsItem, type StoredItem, type TabPrompts } from '../../platform/storage-items.ts';

/** The catalogue's cards (built from content/library/catalogue.ts at build time), by id. */
const libraryCards = new Map(cards.map((c) => [c.id, c]));

/** The active tab of the panel's window, followed as the user switches tabs. */
function useActiveTab(): number | undefined {
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  useEffect(() => {
    let windowId: number | undefined;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      windowId = tab?.windowId;
      setTabId(tab?.id);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);
  return tabId;
}

/** A stored item's value: read once, then followed on every change (a change seen meanwhile is newer than the read). */
function useStored<T>(item: StoredItem<T> | null): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    setValue(item ? item.fallback : null);
    if (!item) return;
    let changed = false;
    const off = item.watch((v) => {
      changed = true;
      setValue(v);
    });
    void item.getValue().then((v) => {
      if (!changed) setValue(v);
    });
    return off;
  }, [item?.key]);
  return value;
}

/**
 * The prompt sets in force (to tell why a prompt appeared) and the cards of local and organisation
 * prompts: the built-in set from the package, the others from the settings and the policy. Loaded
 * after first paint, and again when settings change.
 */
function useSets(): { sets: SetForWhy[]; localCards: PromptCard[] } {
  const [state, setState] = useState<{ sets: SetForWhy[]; localCards: PromptCard[] }>({ sets: [], localCards: [] });
  useEffect(() => {
    let live = true;
    let off: (() => void) | undefined;
    const load = async () => {
      const [builtIn, store, pageSets] = await Promise.all([
        import('../../content/prompt-sets/default.json'),
        import('../../platform/settings-store.ts'),
        import('../../platform/page-sets.ts'),
      ]);
      const eff = await store.readEffective();
      const others = [...eff.managedSets, ...eff.settings.localSets];
      if (live) setState({ sets: [builtIn.default as SetForWhy, ...others], localCards: pageSets.localCards(others) });
      off ??= store.onSettingsChanged(() => void load().catch(() => {}));
    };
    void load().catch(() => {});
    return () => {
      live = false;
      off?.();
    };
  }, []);
  return state;
}

const toSuggestion = (id: string): Suggestion | null => {
  const d = storedDoc(wordIndex(), id);
  return d ? { id, title: d.title, section: d.section } : null;
};
const open = (id: string) => void pushRecent(id);

function Panel() {
  const tabId = useActiveTab();
  const tab = useStored<TabPrompts>(tabId === undefined ? null : tabPromptsItem(tabId));
  const seen = useStored(seenTodayItem);
  const recentIds = useStored(recentItem);
  const [recent, setRecent] = useState<Suggestion[]>([]);
  useEffect(() => void readRecent().then((ids) => setRecent(ids.map(toSuggestion).filter((s): s is Suggestion => !!s))), [recentIds]);
  const { sets, localCards } = useSets();
  // the phrase index (multi-word queries) loads when the panel is idle, or when a query first needs it
  const [phrases, setPhrases] = useState(false);
  useEffect(() => void preloadFullIndex().then(() => setPhrases(true)), []);
  const run = useCallback((q: string, s: string) => searchLoaded(q, { section: s || undefined }, () => setPhrases(true)) ?? [], [phrases]);
  const cardOf = (id: string) => libraryCards.get(id) ?? localCards.find((c) => c.id === id);

  const shown: PanelPrompt[] = (tab?.ids ?? []).flatMap((id) => {
    const card = cardOf(id);
    if (!card) return [];
    const why = (tab?.triggers[id] ?? []).map((q) => explainTrigger(sets, q)).filter((w) => !!w);
    return [{ card, why }];
  });
  const seenCards = seen && seen.day === dayKey() ? seen.ids.map(cardOf).filter((c): c is PromptCard => !!c) : [];

  return (
    <main class="panel">
      <PanelPrompts
        key={tabId}
        prompts={shown}
        libraryHref={libraryUrl}
        reflectHref={reflectUrl}
        onOpen={open}
        onAction={(id, action, reason) => {
          if (tabId !== undefined) void sendToBackground({ type: 'ui:prompt-action', tabId, id, action, ...(reason ? { reason } : {}) }).catch(() => {});
        }}
      />
      <section aria-label="Search the library" class="panel-search">
        <SearchBox
          run={run}
          sections={sections}
          tabPrompts={shown.filter((p) => p.card.sectionId !== 'local').map((p) => ({ id: p.card.id, title: p.card.title, section: p.card.section }))}
          recent={recent}
          onOpen={async (id) => {
            await pushRecent(id);
            await openLearningPoint(id);
          }}
          onClose={() => {}}
          canReflect={(_id, kind) => kind === undefined || kind === 'learning-point' || kind === 'wider-message'}
          onReflect={(id) => void openReflection(id)}
        />
      </section>
      <SeenToday cards={seenCards} libraryHref={libraryUrl} onOpen={open} />
      <SectionLinks sections={sections} sectionHref={sectionUrl} />
    </main>
  );
}

render(<Panel />, document.getElementById('app')!);
