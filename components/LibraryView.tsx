/** The learning library: browse by section, deep links `#lp/<id>`, key data as tables and charts. */
import { useEffect } from 'preact/hooks';
import type { ContextPage, KeyData, LearningPoint, Reference, Section, Theme, WiderMessage } from '../core/schema/library.ts';
import { BarChart } from './BarChart.tsx';

export interface LibraryProps {
  sections: Section[];
  learningPoints: LearningPoint[];
  widerMessages: WiderMessage[];
  themes: Theme[];
  contextPages: ContextPage[];
  keyData: KeyData;
  references: Reference[];
  attribution: { briefing: { title: string; publisher: string; year: number; authors: string[]; url: string }; analysis: { citation: string; title: string; publisher: string }; notice: string };
  /** Id from the location hash (`lp/<id>`), focused and scrolled to. */
  target: string | null;
}

export const lpAnchor = (id: string) => `lp/${id}`;

export function LibraryView(p: LibraryProps) {
  useEffect(() => {
    if (!p.target) return;
    const el = document.getElementById(p.target);
    if (el) {
      el.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
    }
  }, [p.target]);
  const refsById = new Map(p.references.map((r) => [r.id, r]));
  const a = p.attribution;
  return (
    <div class="library">
      <header class="lib-header">
        <h1>Learning from serious case reviews 2017–19</h1>
        <p class="attribution">
          Summaries in our own words of <cite>{a.briefing.title}</cite> ({a.briefing.publisher}, {a.briefing.year}; {a.briefing.authors.join(' and ')}), based on{' '}
          <cite>{a.analysis.title}</cite> ({a.analysis.citation}, {a.analysis.publisher}). Read the briefing at{' '}
          <a href={a.briefing.url} target="_blank" rel="noopener noreferrer">
            {a.briefing.url.replace('https://', '')}
          </a>
          . {a.notice}
        </p>
        <nav aria-label="Sections">
          <ul class="toc">
            {p.sections.map((s) => (
              <li key={s.id}>
                <a href={`#section/${s.id}`}>{s.title}</a> <span class="page">p. {s.page}</span>
              </li>
            ))}
            <li>
              <a href="#key-data">Key data</a>
            </li>
            <li>
              <a href="#themes">Themes and trends across SCRs 1998-2019</a>
            </li>
            <li>
              <a href="#references">References</a>
            </li>
          </ul>
        </nav>
      </header>
      <main>
        {p.sections.map((s) => (
          <section key={s.id} id={`section/${s.id}`} aria-labelledby={`h-${s.id}`} class="lib-section">
            <h2 id={`h-${s.id}`}>{s.title}</h2>
            <p class="cite">Briefing, page {s.page}</p>
            <p>{s.intro}</p>
            {s.id === 'system'
              ? p.widerMessages.map((w) => (
                  <article key={w.id} id={lpAnchor(w.id)} tabIndex={-1} class="lp" aria-labelledby={`t-${w.id}`}>
                    <h3 id={`t-${w.id}`}>{w.title}</h3>
                    <p class="summary">{w.summary}</p>
                    <Questions qs={w.questions} />
                    <p class="cite">
                      {s.title}, page {w.page}
                    </p>
                  </article>
                ))
              : p.learningPoints
                  .filter((lp) => lp.section === s.id)
                  .map((lp) => (
                    <article key={lp.id} id={lpAnchor(lp.id)} tabIndex={-1} class="lp" aria-labelledby={`t-${lp.id}`}>
                      <h3 id={`t-${lp.id}`}>{lp.title}</h3>
                      <p class="summary">{lp.summary}</p>
                      <p>{lp.explanation}</p>
                      <Questions qs={lp.questions} />
                      {lp.figures.length > 0 && (
                        <ul class="figures" aria-label="Key figures">
                          {lp.figures.map((f) => (
                            <li key={f.label}>
                              <strong>
                                {f.value}
                                {f.outOf ? ` of ${f.outOf}` : ''}
                                {f.percent !== undefined && f.outOf ? ` (${f.percent}%)` : ''}
                              </strong>{' '}
                              {f.label} <span class="page">(p. {f.page})</span>
                            </li>
                          ))}
                        </ul>
                      )}
                      <p class="cite">
                        {s.title}, page {lp.page}
                        {lp.cites.length > 0 && (
                          <>
                            {' · Cites: '}
                            {lp.cites.map((c, i) => {
                              const r = refsById.get(c);
                              return (
                                <span key={c}>
                                  {i ? '; ' : ''}
                                  <a href={`#ref/${c}`}>{r ? `${r.authors.split(',')[0]} (${r.year})` : c}</a>
                                </span>
                              );
                            })}
                          </>
                        )}
                      </p>
                      <p class="tags">
                        <span class="sr">Topics: </span>
                        {lp.tags.join(' · ')}
                      </p>
                    </article>
                  ))}
          </section>
        ))}
        <KeyDataView data={p.keyData} />
        <section id="themes" aria-labelledby="h-themes" class="lib-section">
          <h2 id="h-themes">Themes and trends across SCRs 1998-2019</h2>
          {p.themes.map((t) => (
            <article key={t.id} id={`theme/${t.id}`} class="lp">
              <h3>{t.title}</h3>
              <p>{t.summary}</p>
              <p class="cite">Briefing, page {t.page}</p>
            </article>
          ))}
        </section>
        <section id="context" aria-labelledby="h-context" class="lib-section">
          <h2 id="h-context">About serious case reviews</h2>
          {p.contextPages.map((c) => (
            <article key={c.id} id={`context/${c.id}`} class="lp">
              <h3>{c.title}</h3>
              {c.paragraphs.map((x, i) => (
                <p key={i}>{x}</p>
              ))}
              <p class="cite">Briefing, page {c.page}</p>
            </article>
          ))}
        </section>
        <section id="references" aria-labelledby="h-refs" class="lib-section">
          <h2 id="h-refs">References</h2>
          <ul class="refs">
            {p.references.map((r) => (
              <li key={r.id} id={`ref/${r.id}`}>
                {r.authors} ({r.year}). <cite>{r.title}</cite>
                {r.source ? `. ${r.source}` : ''}
                {r.url && (
                  <>
                    {' '}
                    <a href={r.url} target="_blank" rel="noopener noreferrer">
                      {r.url}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      </main>
    </div>
  );
}

function Questions({ qs }: { qs: string[] }) {
  return (
    <div class="questions">
      <h4>To reflect on</h4>
      <ul>
        {qs.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ul>
    </div>
  );
}

function KeyDataView({ data }: { data: KeyData }) {
  return (
    <section id="key-data" aria-labelledby="h-key" class="lib-section">
      <h2 id="h-key">Key data from the 2017-19 SCRs</h2>
      <p class="cite">Briefing, pages {data.page}–14</p>
      {data.tables.map((t) => {
        const last = t.columns.length - 2; // the latest / total column
        const bars = t.rows.filter((r) => typeof r.values[last] === 'number').map((r) => ({ label: r.label, value: r.values[last] as number }));
        return (
          <div key={t.id} class="table-block" id={`data/${t.id}`}>
            <h3>{t.caption}</h3>
            <BarChart title={`${t.caption} — ${t.columns[last + 1]}`} bars={bars} />
            <div class="table-scroll">
              <table>
                <caption class="sr">{t.caption}</caption>
                <thead>
                  <tr>
                    {t.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {t.rows.map((r) => (
                    <tr key={r.label}>
                      <th scope="row">{r.label}</th>
                      {r.values.map((v, i) => (
                        <td key={i}>
                          {v === null ? '–' : v}
                          {r.percents?.[i] != null ? ` (${r.percents[i]}%)` : ''}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {t.note && <p class="note">{t.note}</p>}
            <p class="cite">Briefing, page {t.page}</p>
          </div>
        );
      })}
      <h3>Other key figures</h3>
      <ul class="facts">
        {data.facts.map((f) => (
          <li key={f.id}>
            <strong>
              {f.value}
              {f.unit === '%' ? '%' : f.outOf ? ` of ${f.outOf}` : ''}
              {f.percent !== undefined && f.unit !== '%' ? ` (${f.percent}%)` : ''}
            </strong>{' '}
            {f.label} <span class="page">({f.topic}, p. {f.page})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
