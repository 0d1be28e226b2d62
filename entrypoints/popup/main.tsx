import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { EXAMPLE_SEARCHES, storedDoc } from '../../core/search/search.ts';
import { isPromptId } from '../../core/cards.ts';
import { preloadFullIndex, searchLoaded, sections, wordIndex } from '../../platform/search-index.ts';
import { SearchBox, type Suggestion } from '../../components/SearchBox.tsx';
import { SiteSwitch } from '../../components/SiteSwitch.tsx';
import type { siteState } from '../../core/settings/settings.ts';
import type { changeSite } from '../../platform/sites.ts';

// what the first paint does not need (the extension APIs, messaging, recent items and their storage,
// site access) is imported after it: fewer scripts to fetch before the first results
const ext = () => import('wxt/browser').then((m) => m.browser);
const messages = () => import('../../platform/messages.ts');
const navigation = () => import('../../platform/navigation.ts');
const sites = () => import('../../platform/sites.ts');

const toSuggestion = (id: string): Suggestion | null => {
  const d = storedDoc(wordIndex(), id);
  return d ? { id, title: d.title, section: d.section } : null;
};

function Popup() {
  const [tabPrompts, setTabPrompts] = useState<Suggestion[]>([]);
  const [recent, setRecent] = useState<Suggestion[]>([]);
  const [site, setSite] = useState<{ origin: string; state: ReturnType<typeof siteState>; locked: boolean; change: typeof changeSite } | null>(null);
  // the word index (one-word queries, titles) loads on first use: a few milliseconds, so a query in the
  // address (?q=) has its results in the first paint; the phrase index loads when the page is next idle
  const [phrases, setPhrases] = useState(false);
  useEffect(() => void preloadFullIndex().then(() => setPhrases(true)), []);
  const run = useCallback((q: string, s: string) => searchLoaded(q, { section: s || undefined }, () => setPhrases(true)) ?? [], [phrases]);

  const load = async () => {
    // ?tab=N: the popup opened as a page for a given tab (keyboard users, tests); else the active tab
    const forced = Number(new URLSearchParams(location.search).get('tab') ?? NaN);
    const browser = await ext();
    const tab = Number.isFinite(forced)
      ? await browser.tabs.get(forced).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    const tid = tab?.id;
    const [{ sendToBackground }, { readRecent }] = await Promise.all([messages(), navigation()]);
    if (tid !== undefined) {
      const ids = await sendToBackground({ type: 'ui:tab-prompts', tabId: tid });
      setTabPrompts(ids.map(toSuggestion).filter((s): s is Suggestion => !!s));
    }
    setRecent((await readRecent()).map(toSuggestion).filter((s): s is Suggestion => !!s));
    const url = tab?.url ?? '';
    if (/^https?:/.test(url)) {
      // settings (and their validation) load after the first results are on screen
      const [{ readEffective }, { siteState }, { changeSite }] = await Promise.all([import('../../platform/settings-store.ts'), import('../../core/settings/settings.ts'), sites()]);
      const eff = await readEffective();
      // changeSite is called straight from the click (its permission prompt needs the user's gesture)
      setSite({ origin: new URL(url).origin, state: siteState(url, eff.settings), locked: eff.locked.includes('sites') && eff.settings.sites.includes(new URL(url).origin), change: changeSite });
    }
  };
  useEffect(() => void load(), []);

  return (
    <main class="popup">
      <h1 class="sr">Practice Prompts</h1>
      <SearchBox
        initialQuery={new URLSearchParams(location.search).get('q') ?? ''}
        onResults={(n) => {
          if (n > 0 && !performance.getEntriesByName('pp:first-result').length) performance.mark('pp:first-result');
        }}
        run={run}
        sections={sections}
        tabPrompts={tabPrompts}
        recent={recent}
        examples={EXAMPLE_SEARCHES}
        onOpen={async (id) => {
          // recent items are learning points and wider messages; themes, context and key data open at their anchor
          const { openLearningPoint, pushRecent } = await navigation();
          if (isPromptId(id)) await pushRecent(id);
          await openLearningPoint(id);
          window.close();
        }}
        onClose={() => window.close()}
        // learning points and wider messages (not themes, context or key data): the reflection page, pre-filled, in a new tab
        canReflect={(id, kind) => isPromptId(id) && (kind === undefined || kind === 'learning-point' || kind === 'wider-message')}
        onReflect={async (id) => {
          const { openReflection } = await navigation();
          await openReflection(id);
          window.close();
        }}
      />
      {site && <SiteSwitch origin={site.origin} state={site.state} locked={site.locked} onAction={(a) => site.change(site.origin, a)} onChanged={load} />}
      {/* the extension's own pages, beside this one */}
      <nav class="links">
        <a href="/library.html" target="_blank">
          Learning library
        </a>
        <a href="/options.html" target="_blank">
          Settings and prompt sets
        </a>
        <a href="/welcome.html" target="_blank">
          Getting started
        </a>
      </nav>
    </main>
  );
}

// opened as a tab (keyboard users, ?tab=N) rather than as the toolbar popup: reflow with the window
void ext()
  .then((browser) => browser.tabs.getCurrent())
  .then((tab) => tab && document.documentElement.classList.add('in-tab'));

render(<Popup />, document.getElementById('app')!);
