/**
 * The learning library: browse by section, deep links `#lp/<id>` (scrolled to and focused, on load and on
 * every later hash change), key data as tables and accessible SVG charts, attribution and references.
 * Text only: every string is rendered as a text node, never as HTML.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ContextPage, KeyData, KeyTable, LearningPoint, Reference, Section, Theme, WiderMessage } from '../core/schema/library.ts';
import { lpAnchor, targetFromHash } from '../core/cards.ts';
import { BarChart, type BarChartProps, type Series } from './BarChart.tsx';

export interface Attribution {
  briefing: { title: string; publisher: string; year: number; authors: string[]; url: string };
  analysis: { citation: string; title: string; publisher: string };
  notice: string;
  /** The briefing's balancing message: hindsight, hard cases, a system that works most of the time. */
  balance: string;
  copyright: string;
}

export interface LibraryData {
  sections: Section[];
  learningPoints: LearningPoint[];
  widerMessages: WiderMessage[];
  themes: Theme[];
  contextPages: ContextPage[];
  keyData: KeyData;
  references: Reference[];
  attribution: Attribution;
}

/** Which edition the page shows: the extension's version and the content's date (YYYY-MM-DD). */
export interface Edition {
  version: string;
  date: string;
}

export interface LibraryProps extends LibraryData {
  /** Id from the location hash (e.g. `lp/<id>`), focused and scrolled to. */
  target: string | null;
  edition?: Edition;
  /** The time shown as "printed on" (default: now, renewed just before each print). */
  now?: Date;
}

/** "7 December 2026" (a YYYY-MM-DD date, or a Date in local time). */
export function longDate(d: string | Date): string {
  const date = typeof d === 'string' ? new Date(`${d}T12:00:00`) : d;
  if (Number.isNaN(date.getTime())) return String(d);
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** The line every printed page carries: printed copies go stale, so say when and which edition. */
export function printStamp(edition: Edition, printed: Date): string {
  return `Printed on ${longDate(printed)} from Practice Prompts version ${edition.version} (library content of ${longDate(edition.date)}). Printed copies go out of date: check the library for the current version and discard older copies.`;
}

/** The current time, renewed just before the page is printed (a page may stay open for days). */
function usePrintTime(fixed?: Date): Date {
  const [now, setNow] = useState(() => fixed ?? new Date());
  useEffect(() => {
    if (fixed) return;
    const on = () => setNow(new Date());
    window.addEventListener('beforeprint', on);
    return () => window.removeEventListener('beforeprint', on);
  }, [fixed]);
  return fixed ?? now;
}

const cssString = (s: string) => `"${s.replace(/[\\"]/g, '\\$&').replace(/[\n\r]/g, ' ')}"`;

/** Follows `location.hash`: the current target, updated on every `hashchange`. */
export function useHashTarget(): string | null {
  const [target, setTarget] = useState(() => targetFromHash(location.hash));
  useEffect(() => {
    const on = () => setTarget(targetFromHash(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return target;
}

/** The library page as mounted by entrypoints/library: follows the hash itself. */
export function LibraryPage(p: LibraryData & { edition?: Edition }) {
  const target = useHashTarget();
  return <LibraryView {...p} target={target} />;
}

/** Scroll to and focus the element with this id (articles and sections carry tabIndex -1). */
export function focusTarget(id: string | null): boolean {
  if (!id) return false;
  const el = document.getElementById(id);
  if (!el) return false;
  el.scrollIntoView?.({ block: 'start' });
  el.focus({ preventScroll: true });
  return true;
}

/** "Brandon et al. (2020)", "Smithson & Gibson (2017)", "Glaser (2002)". */
export function citeLabel(r: Reference): string {
  const people = [...r.authors.matchAll(/([A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+)*), (?:[A-Z]\. ?)+/g)].map((m) => m[1] as string);
  const names = people.length ? people : r.authors.split(/,\s*(?:&\s*)?/).map((s) => s.trim()).filter(Boolean);
  const who = names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} & ${names[1]}` : `${names[0]} et al.`;
  return `${who} (${r.year})`;
}

export function LibraryView(p: LibraryProps) {
  useEffect(() => {
    focusTarget(p.target);
  }, [p.target]);
  const refsById = new Map(p.references.map((r) => [r.id, r]));
  const a = p.attribution;
  const printed = usePrintTime(p.now);
  const stamp = p.edition ? printStamp(p.edition, printed) : null;
  return (
    <div class="library">
      {/* every printed page, where the browser supports page margin boxes (Chromium); the paragraphs below print everywhere */}
      {stamp && <style>{`@media print { @page { @bottom-center { content: ${cssString(stamp)}; font: 7pt Georgia, serif; color: #333; } } }`}</style>}
      <a class="skip" href="#main">
        Skip to the library
      </a>
      <header class="lib-header">
        <h1>Learning from serious case reviews 2017–19</h1>
        <p class="attribution" id="attribution">
          Summaries in our own words of <cite>{a.briefing.title}</cite> ({a.briefing.publisher}, {a.briefing.year}), by {a.briefing.authors.join(' and ')}, based on{' '}
          <cite>{a.analysis.title}</cite> ({a.analysis.citation}; {a.analysis.publisher}). Read the briefing and the full reports at{' '}
          <a href={a.briefing.url} target="_blank" rel="noopener noreferrer">
            {a.briefing.url}
          </a>
          .
        </p>
        <p class="notice">{a.notice}</p>
        <p class="balance">{a.balance}</p>
        <p class="copyright">{a.copyright}</p>
        {p.edition && (
          <p class="edition" id="edition">
            Practice Prompts version {p.edition.version}; library content of {longDate(p.edition.date)}.
          </p>
        )}
        {stamp && <p class="print-stamp">{stamp}</p>}
        <nav aria-label="Contents" id="contents" tabIndex={-1}>
          <h2 class="toc-heading">Contents</h2>
          <ul class="toc">
            {p.sections.map((s) => (
              <li key={s.id}>
                <a href={`#section/${s.id}`}>{s.title}</a> <span class="page">p. {s.page}</span>
              </li>
            ))}
            <li>
              <a href="#key-data">Key data from the 2017-19 SCRs</a>
            </li>
            <li>
              <a href="#themes">Themes and trends across SCRs 1998-2019</a>
            </li>
            <li>
              <a href="#context">About serious case reviews</a>
            </li>
            <li>
              <a href="#references">References</a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {p.sections.map((s) => (
          <section key={s.id} id={`section/${s.id}`} tabIndex={-1} aria-labelledby={`h-${s.id}`} class="lib-section">
            <h2 id={`h-${s.id}`}>{s.title}</h2>
            <p class="cite">Briefing, page {s.page}</p>
            <p class="intro">{s.intro}</p>
            {s.id === 'system'
              ? p.widerMessages.map((w) => (
                  <article key={w.id} id={lpAnchor(w.id)} tabIndex={-1} class="lp" aria-labelledby={`t-${w.id}`}>
                    <h3 id={`t-${w.id}`}>{w.title}</h3>
                    <p class="summary">{w.summary}</p>
                    <Questions qs={w.questions} />
                    <ReflectLink id={w.id} title={w.title} />
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
                      <ReflectLink id={lp.id} title={lp.title} />
                      {lp.figures.length > 0 && (
                        <ul class="figures" aria-label="Key figures">
                          {lp.figures.map((f, i) => (
                            <li key={i}>
                              <strong>
                                {f.value}
                                {f.outOf ? ` of ${f.outOf}` : f.percent !== undefined ? '%' : ''}
                                {f.percent !== undefined && f.outOf ? ` (${f.percent}%)` : ''}
                              </strong>{' '}
                              {f.label} <span class="page">(briefing p. {f.page})</span>
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
                                  <a href={`#ref/${c}`}>{r ? citeLabel(r) : c}</a>
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
            <BackToContents />
          </section>
        ))}
        <KeyDataView data={p.keyData} />
        <section id="themes" tabIndex={-1} aria-labelledby="h-themes" class="lib-section">
          <h2 id="h-themes">Themes and trends across SCRs 1998-2019</h2>
          {p.themes.map((t) => (
            <article key={t.id} id={`theme/${t.id}`} tabIndex={-1} class="lp" aria-labelledby={`t-theme-${t.id}`}>
              <h3 id={`t-theme-${t.id}`}>{t.title}</h3>
              <p>{t.summary}</p>
              <p class="cite">Briefing, page {t.page}</p>
            </article>
          ))}
          <BackToContents />
        </section>
        <section id="context" tabIndex={-1} aria-labelledby="h-context" class="lib-section">
          <h2 id="h-context">About serious case reviews</h2>
          {p.contextPages.map((c) => (
            <article key={c.id} id={`context/${c.id}`} tabIndex={-1} class="lp" aria-labelledby={`t-context-${c.id}`}>
              <h3 id={`t-context-${c.id}`}>{c.title}</h3>
              {c.paragraphs.map((x, i) => (
                <p key={i}>{x}</p>
              ))}
              <p class="cite">Briefing, page {c.page}</p>
            </article>
          ))}
          <BackToContents />
        </section>
        <section id="references" tabIndex={-1} aria-labelledby="h-refs" class="lib-section">
          <h2 id="h-refs">References</h2>
          <p class="cite">Briefing, page 30</p>
          <ul class="refs">
            {p.references.map((r) => (
              <li key={r.id} id={`ref/${r.id}`} tabIndex={-1}>
                {r.authors} ({r.year}). <cite>{r.title}</cite>
                {r.source ? `. ${r.source}.` : '.'}
                {r.url && (
                  <>
                    {' '}
                    <a href={r.url} target="_blank" rel="noopener noreferrer" class="url">
                      {r.url}
                    </a>
                  </>
                )}
                {r.note && <span class="ref-note"> {r.note}</span>}
              </li>
            ))}
          </ul>
          <BackToContents />
        </section>
      </main>
      <footer class="lib-footer">
        <p>
          Source: <cite>{a.briefing.title}</cite>. {a.briefing.publisher}, {a.briefing.year}. Authors: {a.briefing.authors.join(' and ')}. Based on {a.analysis.citation}.{' '}
          <span class="print-url">{a.briefing.url}</span>
        </p>
        {stamp && <p class="print-stamp">{stamp}</p>}
      </footer>
    </div>
  );
}

function BackToContents() {
  return (
    <p class="back">
      <a href="#contents">Back to contents</a>
    </p>
  );
}

/** Opens the reflection page (entrypoints/reflect/) on this learning point. Hidden in print. */
function ReflectLink({ id, title }: { id: string; title: string }) {
  return (
    <p class="back reflect-link">
      <a href={`/reflect.html#lp/${encodeURIComponent(id)}`} aria-label={`Reflect on this: ${title}`}>
        Reflect on this
      </a>
    </p>
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

/** "Number of deaths 2014-17 (%) n=206" → "2014-17 (n=206)"; "Father*" → "Father". */
export function seriesName(column: string): string {
  const period = /(\d{4}-\d{2})/.exec(column)?.[1];
  const n = /n=(\d+)/.exec(column)?.[1];
  if (period) return n ? `${period} (n=${n})` : period;
  return column.replace(/\*+/g, '').replace(/\/\s+/g, '/').trim();
}

/** The percentage for a cell: as printed, or "<1" worked out from n when the briefing printed "<1%". */
export function cellPercent(t: KeyTable, row: KeyTable['rows'][number], col: number): { value: number; label: string } | null {
  const printed = row.percents?.[col];
  if (printed != null) return { value: printed, label: `${printed}%` };
  const v = row.values[col];
  const n = t.n?.[col];
  if (v == null || n == null) return null;
  const x = (100 * v) / n;
  if (v > 0 && x < 1) return { value: x, label: '<1%' };
  return null;
}

/** How a key-data table is best drawn: stacked when the last column totals the others, grouped otherwise. */
export function chartFor(t: KeyTable): BarChartProps {
  const cols = t.columns.length - 1;
  const categories = t.rows.map((r) => r.label);
  const base = { id: `chart-${t.id}`, title: `${t.caption} (chart)`, categories };
  const cell = (r: KeyTable['rows'][number], c: number) => {
    const v = r.values[c];
    const pc = cellPercent(t, r, c);
    return v == null ? null : pc ? `${v} (${pc.label})` : `${v}`;
  };
  if (cols === 1) {
    return {
      ...base,
      measure: `Number of SCRs for each characteristic (out of ${t.n?.[0] ?? 'all'}), with the percentage.`,
      series: [{ name: seriesName(t.columns[1] ?? ''), values: t.rows.map((r) => r.values[0] ?? null), labels: t.rows.map((r) => cell(r, 0)) }],
    };
  }
  const isTotal = t.rows.every((r) => r.values[cols - 1] != null && r.values.slice(0, cols - 1).reduce<number>((s, v) => s + (v ?? 0), 0) === r.values[cols - 1]);
  if (isTotal) {
    const parts = t.columns.slice(1, cols).map(seriesName);
    return {
      ...base,
      mode: 'stacked',
      measure: `Number of SCRs for each characteristic, split by ${parts.join(', ')}; the total (out of ${t.n?.[cols - 1] ?? 'all'}) is at the end of each bar.`,
      series: parts.map((name, k) => ({ name, values: t.rows.map((r) => r.values[k] ?? null) })),
      totals: t.rows.map((r) => cell(r, cols - 1)),
    };
  }
  const series: Series[] = t.columns.slice(1).map((c, k) => {
    // a printed count of 0 with no percentage is drawn as 0%; a cell with no figure ("-", "n/a") as "no figure"
    const pcs = t.rows.map((r) => cellPercent(t, r, k) ?? (r.values[k] === 0 ? { value: 0, label: '0%' } : null));
    return { name: seriesName(c), values: pcs.map((x) => (x ? x.value : null)), labels: pcs.map((x, i) => (x ? x.label : t.rows[i]?.values[k] == null ? 'no figure' : `${t.rows[i]?.values[k]}`)) };
  });
  return {
    ...base,
    mode: 'grouped',
    unit: '%',
    measure: `Percentage of cases in each review period (group sizes differ: ${series.map((s) => s.name).join(', ')}).`,
    series,
  };
}

function KeyDataView({ data }: { data: KeyData }) {
  const lastPage = Math.max(data.page, ...data.tables.map((t) => t.page), ...data.facts.map((f) => f.page));
  return (
    <section id="key-data" tabIndex={-1} aria-labelledby="h-key" class="lib-section">
      <h2 id="h-key">Key data from the 2017-19 SCRs</h2>
      <p class="cite">
        Briefing, pages {data.page}–{lastPage}
      </p>
      {data.tables.map((t) => (
        <div key={t.id} class="table-block" id={`data/${t.id}`} tabIndex={-1}>
          <h3 id={`h-${t.id}`}>{t.caption}</h3>
          <BarChart {...chartFor(t)} />
          <div class="table-scroll" role="region" aria-labelledby={`h-${t.id}`} tabIndex={0}>
            <table>
              <caption class="sr">{t.caption}</caption>
              <thead>
                <tr>
                  {t.columns.map((c, i) => (
                    <th key={i} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {t.rows.map((r) => (
                  <tr key={r.label}>
                    <th scope="row">{r.label}</th>
                    {r.values.map((v, i) => {
                      const pc = cellPercent(t, r, i);
                      return (
                        <td key={i}>
                          {v === null ? (
                            <>
                              <span aria-hidden="true">–</span>
                              <span class="sr">no figure</span>
                            </>
                          ) : (
                            `${v}${pc ? ` (${pc.label})` : ''}`
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {t.note && <p class="note">{t.note}</p>}
          <p class="cite">Briefing, page {t.page}</p>
        </div>
      ))}
      <h3>Other key figures</h3>
      <ul class="facts">
        {data.facts.map((f) => (
          <li key={f.id} id={`fact/${f.id}`} tabIndex={-1}>
            <strong>
              {f.value}
              {f.unit === '%' ? '%' : f.outOf ? ` of ${f.outOf}` : ''}
              {f.percent !== undefined && f.unit !== '%' ? ` (${f.percent}%)` : ''}
            </strong>{' '}
            {f.label} <span class="page">({f.topic}, briefing p. {f.page})</span>
          </li>
        ))}
      </ul>
      <BackToContents />
    </section>
  );
}
