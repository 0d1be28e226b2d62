/**
 * The reflection page, `reflect.html#lp/<id>`: a reflection on one learning point (or wider message),
 * stored by platform/reflections.ts in storage.local only.
 */
import { render } from 'preact';
import { ReflectPage, type ReflectPoint } from '../../components/ReflectPage.tsx';
import { catalogue, entryOf } from '../../content/library/catalogue.ts';
import { sections } from '../../content/library/index.ts';
import { phraseWords } from '../../core/reflection/identifying.ts';
import { cpdCounts, cpdYearOf, describeCounts, localIsoDate } from '../../core/reflection/cpd-year.ts';
import { loadReflections, saveReflection, watchReflections } from '../../platform/reflections.ts';

const knownWords = phraseWords([...catalogue.map((e) => e.item.title), ...sections.map((s) => s.title)]);

/** `#lp/<learning point id>` (a new reflection) or `#r/<reflection id>` (editing one). */
function fromHash(): { kind: 'lp' | 'r'; id: string } {
  const m = /^#(lp|r)\/(.+)$/.exec(location.hash);
  if (!m) return { kind: 'lp', id: '' };
  let id = m[2]!;
  try {
    id = decodeURIComponent(id);
  } catch {
    /* keep as written */
  }
  return { kind: m[1] as 'lp' | 'r', id };
}

function pointOf(id: string): ReflectPoint | undefined {
  const e = entryOf(id);
  if (!e) return undefined;
  return { id, title: e.item.title, section: e.section.title, page: e.item.page, questions: e.item.questions, href: e.link };
}

const root = document.getElementById('app')!;

let painted = '';

async function paint(): Promise<void> {
  const h = fromHash();
  const { reflections } = await loadReflections();
  const existing = h.kind === 'r' ? reflections.find((r) => r.id === h.id) : undefined;
  const lpId = existing ? existing.learningPointId : h.kind === 'lp' ? h.id : '';
  const point = pointOf(lpId);
  const today = localIsoDate(new Date());
  if (point) document.title = `Reflect: ${point.title} — Practice Prompts`;
  // a new address starts a new form; a save (storage change) only refreshes the list below it
  const key = location.hash;
  painted = key;
  render(
    <ReflectPage
      key={painted}
      point={point}
      requestedId={h.kind === 'r' && !existing ? `reflection ${h.id}` : lpId}
      today={today}
      knownWords={knownWords}
      saved={reflections.filter((r) => r.learningPointId === lpId)}
      countsText={describeCounts(cpdCounts(reflections, cpdYearOf(today)))}
      logHref="/reflections.html"
      {...(existing ? { existing } : {})}
      onSave={async (r) => {
        await saveReflection(r);
      }}
    />,
    root,
  );
}

void paint();
window.addEventListener('hashchange', () => void paint());
watchReflections(() => void paint());
