/**
 * The side panel: the prompts on show in the current tab, updated as they change (the background keeps
 * them in a session storage item; the panel follows it through storage.onChanged, no polling), and the
 * library search, from the same prebuilt index as the popup.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { indexJson, sections } from 'virtual:search-index';
import cards from 'virtual:prompt-cards';
import { loadIndex, search } from '../../core/search/search.ts';
import type { PromptCard } from '../../core/cards.ts';
import { SearchBox } from '../../components/SearchBox.tsx';
import { libraryUrl, openLearningPoint, pushRecent } from '../../platform/navigation.ts';
import { tabPromptsItem } from '../../platform/storage-items.ts';

const index = loadIndex(indexJson);
/** The catalogue's cards (built from content/library/catalogue.ts at build time), by id. */
const cardById = new Map(cards.map((c) => [c.id, c]));

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

/** The prompt ids on show in a tab: read once, then followed on every change. */
function useTabPrompts(tabId: number | undefined): string[] {
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => {
    setIds([]);
    if (tabId === undefined) return;
    const item = tabPromptsItem(tabId);
    let changed = false;
    const off = item.watch((v) => {
      changed = true;
      setIds(v);
    });
    void item.getValue().then((v) => {
      if (!changed) setIds(v); // a change seen meanwhile is newer than this read
    });
    return off;
  }, [tabId]);
  return ids;
}

function Panel() {
  const tabId = useActiveTab();
  const shown = useTabPrompts(tabId)
    .map((id) => cardById.get(id))
    .filter((c): c is PromptCard => !!c);
  return (
    <main class="panel">
      <section aria-labelledby="h-tab">
        <h1 id="h-tab">Prompts for this page</h1>
        {shown.length === 0 && <p class="count">No prompts for this page right now.</p>}
        {shown.map((c) => (
          <article class="card" key={c.id} aria-labelledby={`c-${c.id}`}>
            <p class="sec">{c.section}</p>
            <h3 id={`c-${c.id}`}>{c.title}</h3>
            <p>{c.summary}</p>
            {c.question && (
              <p>
                <em>{c.question}</em>
              </p>
            )}
            <a href={libraryUrl(c.id)} target="_blank" onClick={() => void pushRecent(c.id)}>
              Open learning point<span class="sr">: {c.title}</span>
            </a>
          </article>
        ))}
      </section>
      <SearchBox
        run={(q, s) => search(index, q, { section: s || undefined })}
        sections={sections}
        tabPrompts={[]}
        recent={[]}
        onOpen={async (id) => {
          await pushRecent(id);
          await openLearningPoint(id);
        }}
        onClose={() => {}}
      />
    </main>
  );
}

render(<Panel />, document.getElementById('app')!);
