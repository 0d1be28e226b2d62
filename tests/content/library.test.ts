// @vitest-environment happy-dom
/**
 * The learning library as data: every file validates against its schema, counts per section are exactly
 * the briefing's learning points, ids are unique, section titles and pages are the briefing's contents
 * list, citations resolve both ways, and every deep link `library.html#lp/<id>` has a rendered target.
 */
import { describe, it, expect, afterEach } from 'vitest';
import * as z from 'zod/mini';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { h } from 'preact';
import { render, cleanup, act } from '@testing-library/preact';
import {
  ContextPageSchema,
  KeyDataSchema,
  LearningPointSchema,
  ReferenceSchema,
  SECTION_IDS,
  SectionSchema,
  ThemeSchema,
  WiderMessageSchema,
} from '../../core/schema/library.ts';
import * as lib from '../../content/library/index.ts';
import { LibraryPage, LibraryView, chartFor, citeLabel, type LibraryData } from '../../components/LibraryView.tsx';
import { ROOT, bodyHeading, loadBriefing, noStop } from './briefing.ts';

const LIB = join(ROOT, 'content', 'library');
/** The briefing text, or its committed fingerprint on a clone without ../shared (see ./briefing.ts); test names say which. */
const briefing = loadBriefing();
const readJson = (rel: string): unknown => JSON.parse(readFileSync(join(LIB, rel), 'utf8'));
/** "Title - page N" in the briefing's contents list (page 1). */
const contentsPage = (title: string): number | null => briefing.contentsPage(title);

const EXPECTED_SECTIONS: [string, string, number][] = [
  ['neglect', 'Normalisation of neglect in areas of high deprivation and poverty', 15],
  ['daily-life', "Understanding the child's daily life", 16],
  ['behaviour', 'Being alert to behavioural indicators', 18],
  ['disclosure', 'Lack of action following disclosure of sexual abuse', 20],
  ['abe', 'Achieving best evidence (ABE) interviews', 21],
  ['older', 'The experiences and behaviour of older children', 22],
  ['engaging', 'Engaging parents, resistance and effective challenge', 23],
  ['info', 'Information sharing and effective communication', 25],
  ['escalation', 'Professional disagreement and escalation of concerns', 27],
  ['system', 'A system-wide response', 29],
];
const EXPECTED_COUNTS: Record<string, number> = {
  neglect: 6,
  'daily-life': 5,
  behaviour: 3,
  disclosure: 3,
  abe: 1,
  older: 4,
  engaging: 6,
  info: 6,
  escalation: 6,
};

const data: LibraryData = {
  sections: lib.sections,
  learningPoints: lib.learningPoints,
  widerMessages: lib.widerMessages,
  themes: lib.enduringThemes,
  contextPages: lib.contextPages,
  keyData: lib.keyData,
  references: lib.references,
  attribution: lib.attribution,
};

afterEach(() => {
  cleanup();
  history.replaceState(null, '', location.pathname);
});

describe(`every library file validates against its schema ${briefing.label}`, () => {
  const files: [string, z.ZodMiniType][] = [
    ['sections.json', z.array(SectionSchema)],
    ['wider-messages.json', z.array(WiderMessageSchema)],
    ['enduring-themes.json', z.array(ThemeSchema)],
    ['context.json', z.array(ContextPageSchema)],
    ['key-data.json', KeyDataSchema],
    ['references.json', z.array(ReferenceSchema)],
  ];
  it.each(files)('%s', (file, schema) => {
    const r = schema.safeParse(readJson(file));
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  const lpFiles = readdirSync(join(LIB, 'learning-points')).filter((f) => f.endsWith('.json'));
  it('one learning-point file per section (bar the system-wide response)', () => {
    expect(lpFiles.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(Object.keys(EXPECTED_COUNTS).sort());
  });
  it.each(lpFiles)('learning-points/%s', (file) => {
    const r = z.array(LearningPointSchema).safeParse(readJson(join('learning-points', file)));
    expect(r.success ? [] : r.error.issues).toEqual([]);
    // each file holds only its own section's points
    for (const lp of readJson(join('learning-points', file)) as { section: string }[]) expect(lp.section).toBe(file.replace(/\.json$/, ''));
  });

  it('attribution.json names the briefing, publisher, year, authors, analysis and site', () => {
    const a = readJson('attribution.json');
    const r = z
      .object({
        briefing: z.object({ title: z.string(), publisher: z.literal('Research in Practice'), year: z.literal(2022), authors: z.array(z.string()), url: z.literal('https://scr.researchinpractice.org.uk') }),
        analysis: z.object({ citation: z.literal('Dickens et al., 2022a'), title: z.string(), publisher: z.string() }),
        notice: z.string(),
      })
      .safeParse(a);
    expect(r.success ? [] : r.error.issues).toEqual([]);
    expect(lib.attribution.briefing.authors).toEqual(['Steve Flood', 'Julie Wilkinson']);
    expect(briefing.ask('quoted', ['Authors: Steve Flood and\nJulie Wilkinson'])).toBe(true);
    expect(briefing.ask('quoted', ['© Research in Practice December 2022'])).toBe(true);
    // the title is the briefing's cover (its bold lines joined)
    const cover = briefing.compare('cover', [], lib.attribution.briefing.title);
    expect(cover.actual).toEqual(cover.expected);
    expect(briefing.ask('quoted', [`*${lib.attribution.analysis.title}* (${lib.attribution.analysis.citation})`])).toBe(true);
  });
});

describe(`counts ${briefing.label}`, () => {
  it.each(Object.entries(EXPECTED_COUNTS))('%s has %i learning points', (section, n) => {
    expect(lib.learningPoints.filter((lp) => lp.section === section)).toHaveLength(n);
  });
  it('40 learning points in all, 7 wider messages, 6 enduring themes', () => {
    expect(lib.learningPoints).toHaveLength(40);
    expect(Object.values(EXPECTED_COUNTS).reduce((a, b) => a + b, 0)).toBe(40);
    expect(lib.widerMessages).toHaveLength(7);
    expect(lib.enduringThemes).toHaveLength(6);
  });
  it('the counts are the briefing\'s own: one learning point per "- > " bullet under each section\'s "Learning points"', () => {
    // per section, in order; the wider messages: the seven bullets after "hardest to implement"; the enduring
    // themes: the six bullets under "Themes and trends across SCRs 1998-2019"
    const bullets = briefing.compare('bullets', [], {
      learningPoints: EXPECTED_SECTIONS.filter(([id]) => id !== 'system').map(([id]) => EXPECTED_COUNTS[id]),
      wider: 7,
      themes: 6,
    });
    expect(bullets.actual).toEqual(bullets.expected);
  });
});

describe('ids', () => {
  it('are unique across learning points and wider messages', () => {
    const ids = [...lib.learningPoints.map((x) => x.id), ...lib.widerMessages.map((x) => x.id)];
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
  it.each([
    ['sections', lib.sections.map((x) => x.id)],
    ['enduring themes', lib.enduringThemes.map((x) => x.id)],
    ['context pages', lib.contextPages.map((x) => x.id)],
    ['references', lib.references.map((x) => x.id)],
    ['key-data facts', lib.keyData.facts.map((x) => x.id)],
    ['key-data tables', lib.keyData.tables.map((x) => x.id)],
  ])('are unique among %s', (_name, ids) => {
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe(`sections ${briefing.label}`, () => {
  it('are exactly the briefing\'s Part 2 contents list, in order, with its page numbers', () => {
    expect(lib.sections.map((s) => [s.id, s.title, s.page])).toEqual(EXPECTED_SECTIONS);
    expect(lib.sections.map((s) => s.id)).toEqual([...SECTION_IDS]);
  });
  it.each(EXPECTED_SECTIONS)('%s: "%s" is in the contents list at page %i', (_id, title, page) => {
    expect(briefing.ask('quoted', [title])).toBe(true);
    expect(contentsPage(title)).toBe(page);
  });
  it('every learning point belongs to an existing section (not the system-wide response)', () => {
    const ids = new Set(lib.sections.map((s) => s.id));
    for (const lp of lib.learningPoints) {
      expect(ids.has(lp.section), lp.id).toBe(true);
      expect(lp.section, lp.id).not.toBe('system');
    }
  });
  it('every section except the system-wide response has learning points', () => {
    for (const s of lib.sections) if (s.id !== 'system') expect(lib.learningPoints.some((lp) => lp.section === s.id), s.id).toBe(true);
  });
});

describe(`page numbers ${briefing.label}`, () => {
  const sectionPage = new Map(lib.sections.map((s) => [s.id, s.page]));
  const all: [string, number][] = [
    ...lib.sections.map((s): [string, number] => [`section ${s.id}`, s.page]),
    ...lib.learningPoints.flatMap((lp): [string, number][] => [[`lp ${lp.id}`, lp.page], ...lp.figures.map((f): [string, number] => [`lp ${lp.id} figure "${f.label}"`, f.page])]),
    ...lib.widerMessages.map((w): [string, number] => [`wider ${w.id}`, w.page]),
    ...lib.enduringThemes.map((t): [string, number] => [`theme ${t.id}`, t.page]),
    ...lib.contextPages.map((c): [string, number] => [`context ${c.id}`, c.page]),
    ['key data', lib.keyData.page],
    ...lib.keyData.facts.map((f): [string, number] => [`fact ${f.id}`, f.page]),
    ...lib.keyData.tables.map((t): [string, number] => [`table ${t.id}`, t.page]),
  ];
  it('are all within the briefing (pages 1 to 30)', () => {
    expect(all.filter(([, p]) => !(Number.isInteger(p) && p >= 1 && p <= 30))).toEqual([]);
  });
  it('of every learning point equal its section\'s page', () => {
    expect(lib.learningPoints.filter((lp) => lp.page !== sectionPage.get(lp.section)).map((lp) => lp.id)).toEqual([]);
  });
  it('of every wider message is the system-wide response page; of themes, the themes page; of key data, page 7', () => {
    for (const w of lib.widerMessages) expect(w.page, w.id).toBe(sectionPage.get('system'));
    for (const t of lib.enduringThemes) expect(t.page, t.id).toBe(contentsPage('Themes and trends across SCRs 1998-2019'));
    expect(lib.keyData.page).toBe(contentsPage('Key data from the 2017-19 SCRs'));
  });
  it('of context pages are their contents-list pages, under their exact contents-list titles', () => {
    for (const c of lib.contextPages) expect(contentsPage(c.title), c.title).toBe(c.page);
  });
  it('of key-data tables fall within the key-data pages (7 to 14)', () => {
    const first = contentsPage('Key data from the 2017-19 SCRs')!;
    const last = contentsPage('Child characteristics')!;
    for (const t of lib.keyData.tables) expect(t.page >= first && t.page <= last, t.id).toBe(true);
    // tables 4-5 follow "Parental and family characteristics", table 6 "Child characteristics"
    expect(lib.keyData.tables.find((t) => t.id === 'table-4')?.page).toBe(contentsPage('Parental and family characteristics'));
    expect(lib.keyData.tables.find((t) => t.id === 'table-5')?.page).toBe(contentsPage('Parental and family characteristics'));
    expect(lib.keyData.tables.find((t) => t.id === 'table-6')?.page).toBe(last);
  });
});

describe(`references ${briefing.label}`, () => {
  const refIds = new Set(lib.references.map((r) => r.id));
  const cited = new Set(lib.learningPoints.flatMap((lp) => lp.cites));

  it('every cited reference id exists in references.json', () => {
    const missing = lib.learningPoints.flatMap((lp) => lp.cites.filter((c) => !refIds.has(c)).map((c) => `${lp.id} → ${c}`));
    expect(missing).toEqual([]);
  });
  it('the briefing\'s reference list has 29 entries and references.json holds each of them, in order', () => {
    expect(lib.references).toHaveLength(29);
    const list = briefing.compare('referenceList', [], lib.references.map((r) => [noStop(r.authors), r.year]));
    expect(list.actual).toEqual(list.expected);
  });
  it.each(lib.references.map((r) => [r.id, r] as const))('%s: authors, year and title as the briefing prints them', (_id, r) => {
    expect(briefing.ask('referenceListed', [r.authors, r.year, r.title])).toBe(true);
    // the briefing prints some addresses without the scheme ("www.gov.uk/…")
    if (r.url) expect(briefing.ask('referenceUrlListed', [r.url]), r.url).toBe(true);
  });
  it('every reference is cited by a learning point or is in the briefing\'s reference list; every cited one is cited in the briefing text', () => {
    for (const r of lib.references) {
      // in the list: "Authors. (year). Title" is printed there (and the list is exactly references.json, above)
      const inList = briefing.ask('referenceListed', [r.authors, r.year, r.title]);
      expect(inList || cited.has(r.id), r.id).toBe(true);
    }
    for (const id of cited) {
      const r = lib.references.find((x) => x.id === id)!;
      // its first author's surname (or "CSPRP"), then its year within 80 characters
      expect(briefing.ask('citedInText', [r.authors, r.year]), `${id} is cited in the briefing's text`).toBe(true);
    }
  });
  it('a learning point cites works its own briefing section cites, bar these documented cross-references', () => {
    // Cross-references kept on purpose: the daily-life section sends readers to 'Being alert to behavioural
    // indicators' for Franklin et al. (2022); relationship-based practice is a Dickens et al. (2022b) theme;
    // the "8 of the 10" SCRs come from the main analysis, Dickens et al. (2022a).
    const CROSS = new Set(['challenging-behaviour-learning-disability → franklin-2022', 'time-and-skills-for-relationships → dickens-2022b', 'neglect-masks-other-harm → dickens-2022a']);
    const headings = lib.sections.map(bodyHeading);
    expect(briefing.ask('headingsInOrder', headings)).toBe(true);
    const outside: string[] = [];
    for (const lp of lib.learningPoints) {
      const i = lib.sections.findIndex((s) => s.id === lp.section);
      for (const c of lp.cites) {
        const r = lib.references.find((x) => x.id === c)!;
        // the section's text (its heading to the next) names the first author, then the year within 80 characters
        if (!briefing.ask('citedInSection', [headings[i]!, headings[i + 1] ?? null, r.authors, r.year])) outside.push(`${lp.id} → ${c}`);
      }
    }
    expect(outside.filter((x) => !CROSS.has(x))).toEqual([]);
    expect([...CROSS].filter((x) => !outside.includes(x)), 'stale cross-reference exceptions').toEqual([]);
  });
  it('short citation labels read like the briefing\'s', () => {
    const by = (id: string) => citeLabel(lib.references.find((r) => r.id === id)!);
    expect(by('brandon-2020')).toBe('Brandon et al. (2020)');
    expect(by('smithson-2017')).toBe('Smithson & Gibson (2017)');
    expect(by('glaser-2002')).toBe('Glaser (2002)');
    expect(by('ofsted-2020')).toBe('Ofsted et al. (2020)');
    expect(by('moj-npcc-2022')).toBe("Ministry of Justice & National Police Chiefs' Council (2022)");
  });
});

describe('deep links library.html#lp/<id>', () => {
  it('every learning point and wider message has a rendered, focusable target id="lp/<id>"', () => {
    render(h(LibraryView, { ...data, target: null }));
    const ids = [...lib.learningPoints.map((x) => x.id), ...lib.widerMessages.map((x) => x.id)];
    expect(ids).toHaveLength(47);
    const missing = ids.filter((id) => {
      const el = document.getElementById(`lp/${id}`);
      return !el || el.tagName !== 'ARTICLE' || el.getAttribute('tabindex') !== '-1';
    });
    expect(missing).toEqual([]);
    expect(document.querySelectorAll('article[id^="lp/"]')).toHaveLength(47);
  });
  it('every prompt set\'s leadsTo target is a library deep link that exists', () => {
    const ids = new Set([...lib.learningPoints.map((x) => x.id), ...lib.widerMessages.map((x) => x.id)]);
    const dir = join(ROOT, 'content', 'prompt-sets');
    const sets = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
    expect(sets.length).toBeGreaterThan(0);
    for (const f of sets) {
      const set = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { triggers?: { id: string; leadsTo?: string[] }[] };
      for (const t of set.triggers ?? []) for (const id of t.leadsTo ?? []) expect(ids.has(id), `${f}: ${t.id} → #lp/${id}`).toBe(true);
    }
  });
  it('every in-page link (#section/…, #ref/…, #key-data …) has a target', () => {
    render(h(LibraryView, { ...data, target: null }));
    const broken = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1)).filter((id) => !document.getElementById(decodeURIComponent(id)));
    expect(broken).toEqual([]);
  });
  it('the target named by the hash is focused on load, and again after each hashchange', async () => {
    history.replaceState(null, '', '#lp/sexualised-behaviour-red-flag');
    render(h(LibraryPage, data));
    await act(async () => {});
    expect(document.activeElement?.id).toBe('lp/sexualised-behaviour-red-flag');
    await act(async () => {
      location.hash = '#lp/manageable-workloads';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(document.activeElement?.id).toBe('lp/manageable-workloads');
    await act(async () => {
      location.hash = '#lp/neglect-rarely-alone';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(document.activeElement?.id).toBe('lp/neglect-rarely-alone');
  });
});

describe(`library page ${briefing.label}`, () => {
  it('renders every section under its exact title, and every learning point, wider message and theme', () => {
    render(h(LibraryView, { ...data, target: null }));
    const h2 = [...document.querySelectorAll('section.lib-section > h2')].map((x) => x.textContent);
    for (const [, title] of EXPECTED_SECTIONS) expect(h2).toContain(title);
    for (const s of lib.sections) {
      const el = document.getElementById(`section/${s.id}`)!;
      const n = s.id === 'system' ? 7 : EXPECTED_COUNTS[s.id];
      expect(el.querySelectorAll('article'), s.id).toHaveLength(n!);
    }
    expect(document.querySelectorAll('[id^="theme/"]')).toHaveLength(6);
    expect(document.querySelectorAll('[id^="context/"]')).toHaveLength(lib.contextPages.length);
    expect(document.querySelectorAll('.refs li')).toHaveLength(lib.references.length);
  });
  it('shows the attribution: briefing title, Research in Practice 2022, the authors, Dickens et al. 2022a, and the site', () => {
    render(h(LibraryView, { ...data, target: null }));
    const text = document.querySelector('.attribution')!.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain(lib.attribution.briefing.title);
    expect(text).toMatch(/Research in Practice,? 2022/);
    expect(text).toContain('Steve Flood and Julie Wilkinson');
    expect(text).toMatch(/Dickens et al\.,? 2022a/);
    const link = document.querySelector<HTMLAnchorElement>('.attribution a[href="https://scr.researchinpractice.org.uk"]');
    expect(link).not.toBeNull();
    expect(link!.getAttribute('rel')).toContain('noopener');
  });
  it('draws every key-data table as a table and as an accessible SVG chart (role=img, named and described)', () => {
    render(h(LibraryView, { ...data, target: null }));
    expect(lib.keyData.tables.map((t) => t.id)).toEqual(['table-1', 'table-2', 'table-3', 'table-4', 'table-5', 'table-6']);
    for (const t of lib.keyData.tables) {
      const block = document.getElementById(`data/${t.id}`)!;
      const svg = block.querySelector('svg[role="img"]')!;
      expect(svg, t.id).not.toBeNull();
      const name = document.getElementById(svg.getAttribute('aria-labelledby')!)?.textContent ?? '';
      const desc = document.getElementById(svg.getAttribute('aria-describedby')!)?.textContent ?? '';
      expect(name).toContain(t.caption);
      for (const r of t.rows) expect(desc, `${t.id} ${r.label}`).toContain(r.label);
      expect(block.querySelectorAll('tbody tr')).toHaveLength(t.rows.length);
      expect(block.querySelector('.table-scroll')!.getAttribute('tabindex')).toBe('0');
    }
  });
  it('each rendered table row reads as the briefing prints it ("–" for "-" and "n/a"; Table 4\'s bracketed conviction counts are in its note)', () => {
    render(h(LibraryView, { ...data, target: null }));
    const mismatches: string[] = [];
    for (const t of lib.keyData.tables) {
      const trs = [...document.getElementById(`data/${t.id}`)!.querySelectorAll('tbody tr')];
      trs.forEach((tr, i) => {
        const cells = [...tr.children].map((c) => {
          const copy = c.cloneNode(true) as Element;
          copy.querySelectorAll('.sr').forEach((x) => x.remove());
          return copy.textContent!.trim();
        });
        const shown = cells.join('\t');
        // the first printed row with this label and as many cells, "–" for "-" and "n/a", conviction counts dropped
        const printed = briefing.compare('shownRow', [t.rows[i]!.label, cells.length], shown);
        if (JSON.stringify(printed.actual) !== JSON.stringify(printed.expected)) mismatches.push(`${t.id}: ${JSON.stringify(shown)} vs ${JSON.stringify(printed.actual)}`);
      });
    }
    expect(mismatches).toEqual([]);
  });
  it('Table 3 is charted across all four review periods; Tables 1-2 across both; Tables 4 and 6 stacked by group', () => {
    const byId = (id: string) => chartFor(lib.keyData.tables.find((t) => t.id === id)!);
    expect(byId('table-3').series.map((s) => s.name)).toEqual(['2009-11 (n=60)', '2011-14 (n=96)', '2014-17 (n=162)', '2017-19 (n=98)']);
    expect(byId('table-3').mode).toBe('grouped');
    expect(byId('table-1').series.map((s) => s.name)).toEqual(['2014-17 (n=206)', '2017-19 (n=131)']);
    expect(byId('table-2').series).toHaveLength(2);
    expect(byId('table-4').mode).toBe('stacked');
    expect(byId('table-4').series.map((s) => s.name)).toEqual(['Mother', 'Father', "Father figure/mother's partner", 'Both parents']);
    expect(byId('table-6').mode).toBe('stacked');
    expect(byId('table-5').series).toHaveLength(1);
    // the chart reproduces the printed "<1%" for Table 1 and "no figure" for "-" / "n/a"
    const t1 = byId('table-1');
    expect(t1.series[0]!.labels![t1.categories.indexOf('Extreme neglect')]).toBe('<1%');
    const t3 = byId('table-3');
    expect(t3.series[0]!.labels![t3.categories.indexOf('Child sexual abuse – child sexual exploitation')]).toBe('no figure');
  });
  it('renders text only: no innerHTML anywhere in the library page code', () => {
    for (const f of ['components/LibraryView.tsx', 'components/BarChart.tsx', 'entrypoints/library/main.tsx']) {
      expect(readFileSync(join(ROOT, f), 'utf8'), f).not.toMatch(/innerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|outerHTML/);
    }
  });
});
