import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { buildIndex, search } from '../../core/search/search.ts';
import { searchDocs } from '../../content/library/search-docs.ts';
import { learningPoints, sections, widerMessages } from '../../content/library/index.ts';
import { SearchBox } from '../../components/SearchBox.tsx';
import { sendToBackground } from '../../platform/messages.ts';
import { openLearningPoint, pushRecent } from '../../platform/navigation.ts';

const docs = searchDocs();
const sectionTitle = (id: string) => sections.find((s) => s.id === id)?.title ?? '';
const card = (id: string) => {
  const lp = learningPoints.find((l) => l.id === id);
  if (lp) return { id, section: sectionTitle(lp.section), title: lp.title, summary: lp.summary, question: lp.questions[0] };
  const w = widerMessages.find((x) => x.id === id);
  return w ? { id, section: sectionTitle('system'), title: w.title, summary: w.summary, question: w.questions[0] } : null;
};

function Panel() {
  const index = useMemo(() => buildIndex(docs), []);
  const [ids, setIds] = useState<string[]>([]);
  const refresh = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) setIds(await sendToBackground({ type: 'ui:tab-prompts', tabId: tab.id }));
  };
  useEffect(() => {
    void refresh();
    const t = setInterval(refresh, 2000);
    const onTab = () => void refresh();
    browser.tabs.onActivated.addListener(onTab);
    return () => {
      clearInterval(t);
      browser.tabs.onActivated.removeListener(onTab);
    };
  }, []);
  const cards = ids.map(card).filter((c): c is NonNullable<ReturnType<typeof card>> => !!c);
  return (
    <main class="popup">
      <section aria-labelledby="h-tab">
        <h1 id="h-tab" style="font-size:16px;margin:0 0 6px">Prompts for this page</h1>
        {cards.length === 0 && <p class="count">No prompts for this page right now.</p>}
        {cards.map((c) => (
          <article class="card" key={c.id} aria-labelledby={`c-${c.id}`}>
            <p class="sec">{c.section}</p>
            <h3 id={`c-${c.id}`}>{c.title}</h3>
            <p>{c.summary}</p>
            {c.question && <p><em>{c.question}</em></p>}
            <a href={browser.runtime.getURL(`/library.html#lp/${c.id}`)} target="_blank" onClick={() => void pushRecent(c.id)}>
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
