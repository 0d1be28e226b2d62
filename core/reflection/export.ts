/**
 * Reflections out: plain text, Markdown, a print-ready HTML page (for supervision) and CPD-shaped text
 * (one entry per piece, in the order the registration form asks). Pure: the learning point's own
 * words come from `lookup`, so core never reads the library. Every line ends "\n"; output is
 * deterministic (golden files in tests/unit/core/reflection/golden/).
 */
import { longDate } from './cpd-year.ts';
import { ROLE_LABEL, type Reflection } from './record.ts';

/** What a reflection shows about its learning point. */
export interface PointInfo {
  title: string;
  section: string;
  page: number;
  questions: readonly string[];
}
export type PointLookup = (learningPointId: string) => PointInfo | undefined;

const FIELDS = [
  ['learned', 'What I learned'],
  ['applies', 'How it applies to my practice'],
  ['differently', 'What I will do differently'],
] as const;

function pointOf(r: Reflection, lookup: PointLookup): PointInfo {
  return lookup(r.learningPointId) ?? { title: `Learning point "${r.learningPointId}" (not in this edition of the library)`, section: '', page: 0, questions: [] };
}

function whereLine(p: PointInfo): string {
  return [p.section, p.page > 0 ? `briefing page ${p.page}` : ''].filter(Boolean).join(', ');
}

export function discussionLine(r: Reflection): string {
  if (!r.discussion) return 'Not yet discussed with a peer or in supervision.';
  return `Discussed with: ${ROLE_LABEL[r.discussion.role]}, on ${longDate(r.discussion.date)}.`;
}

/** Text as written, with line endings made "\n" and blank text said so. */
function body(s: string): string {
  const t = s.replace(/\r\n?/g, '\n').trim();
  return t === '' ? '(not written)' : t;
}

export function toPlainText(list: readonly Reflection[], lookup: PointLookup): string {
  return list
    .map((r) => {
      const p = pointOf(r, lookup);
      const where = whereLine(p);
      const lines = [`Reflection, ${longDate(r.date)}`, `Learning point: ${p.title}${where ? ` (${where})` : ''}`, `Activity: ${body(r.activity)}`, ''];
      for (const [k, label] of FIELDS) lines.push(`${label}:`, body(r[k]), '');
      lines.push(discussionLine(r));
      return lines.join('\n') + '\n';
    })
    .join('\n' + '-'.repeat(40) + '\n\n');
}

/** Markdown: the worker's text is escaped so it shows as written (no accidental headings or links). */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+]|\d+\.)(\s)/gm, (_m, a: string, b: string, c: string) => `${a}${b.replace(/([-+.])/, '\\$1')}${c}`);
}

export function toMarkdown(list: readonly Reflection[], lookup: PointLookup): string {
  const out = ['# Reflections', ''];
  for (const r of list) {
    const p = pointOf(r, lookup);
    const where = whereLine(p);
    out.push(`## ${escapeMarkdown(p.title)}, ${longDate(r.date)}`, '');
    if (where) out.push(`*${escapeMarkdown(where)}*`, '');
    out.push(`**Activity:** ${escapeMarkdown(body(r.activity))}`, '');
    for (const [k, label] of FIELDS) out.push(`### ${label}`, '', escapeMarkdown(body(r[k])), '');
    out.push(`*${discussionLine(r)}*`, '');
  }
  return out.join('\n');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const PRINT_CSS = `body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #000; background: #fff; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 1.6em; } h3 { font-size: 11.5pt; margin: 1em 0 .2em; }
.where, .discussion, .note { color: #333; font-size: 10pt; } .questions { font-style: italic; }
article { border-top: 1px solid #888; padding-top: .4em; } p.text { white-space: pre-wrap; margin: 0; }
@media print { @page { margin: 18mm 16mm; } body { margin: 0; max-width: none; } article { break-inside: avoid; page-break-inside: avoid; } h2, h3 { break-after: avoid; page-break-after: avoid; } }`;

/** A whole HTML page, with a print stylesheet: for a supervision session. Everything written is escaped. */
export function toPrintHtml(list: readonly Reflection[], lookup: PointLookup, title = 'Reflections for supervision'): string {
  const e = escapeHtml;
  const out = [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${e(title)}</title>`,
    `<style>\n${PRINT_CSS}\n</style>`,
    '</head>',
    '<body>',
    `<h1>${e(title)}</h1>`,
    '<p class="note">Private to the worker: written to support reflection and supervision.</p>',
  ];
  for (const r of list) {
    const p = pointOf(r, lookup);
    const where = whereLine(p);
    out.push('<article>', `<h2>${e(p.title)}, ${e(longDate(r.date))}</h2>`);
    if (where) out.push(`<p class="where">${e(where)}</p>`);
    if (p.questions.length) out.push('<h3>Questions to reflect on</h3>', '<ul class="questions">', ...p.questions.map((q) => `<li>${e(q)}</li>`), '</ul>');
    out.push('<h3>Activity</h3>', `<p class="text">${e(body(r.activity))}</p>`);
    for (const [k, label] of FIELDS) out.push(`<h3>${e(label)}</h3>`, `<p class="text">${e(body(r[k]))}</p>`);
    out.push(`<p class="discussion">${e(discussionLine(r))}</p>`, '</article>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

/** CPD-shaped text: one entry per piece, ready to paste field by field into the registration form. */
export function toCpdText(list: readonly Reflection[], lookup: PointLookup): string {
  return list
    .map((r, i) => {
      const p = pointOf(r, lookup);
      const where = whereLine(p);
      return (
        [
          `CPD entry ${i + 1} of ${list.length}`,
          `Title: Reflection on "${p.title}"`,
          `Date: ${longDate(r.date)}`,
          `Description of the activity: ${body(r.activity)}${where ? ` (learning point from ${where})` : ''}`,
          `What I learned: ${body(r.learned)}`,
          `How it applies to my practice: ${body(r.applies)}`,
          `What I will do differently: ${body(r.differently)}`,
          `Peer reflection: ${r.discussion ? `discussed with ${ROLE_LABEL[r.discussion.role].toLowerCase()}, on ${longDate(r.discussion.date)}.` : 'not yet discussed.'}`,
        ].join('\n') + '\n'
      );
    })
    .join('\n');
}

// ------------------------------------------------------------------------------ supervision pack

/** What a supervision pack covers and cites. */
export interface PackOptions {
  /** The period chosen, `YYYY-MM-DD` each (either may be left open). */
  from?: string;
  to?: string;
  /** The briefing the learning points come from, cited once at the top (e.g. its title, publisher and year). */
  source?: string;
}

/** One learning point in a pack: its own words, and the reflections on it, oldest first. */
export interface PackGroup {
  learningPointId: string;
  point: PointInfo;
  reflections: Reflection[];
}

/** The period in words: "1 December 2025 to 30 November 2026", "from …", "up to …" or "all dates". */
export function describePeriod(from?: string, to?: string): string {
  if (from && to) return `${longDate(from)} to ${longDate(to)}`;
  if (from) return `from ${longDate(from)}`;
  if (to) return `up to ${longDate(to)}`;
  return 'all dates';
}

/** Where the briefing says it: "Briefing: <section>, page <n>" (the page left out when unknown). */
export function citationLine(p: PointInfo): string {
  const where = [p.section, p.page > 0 ? `page ${p.page}` : ''].filter(Boolean).join(', ');
  return where ? `Briefing: ${where}` : 'Briefing: (no section or page for this learning point)';
}

/**
 * The pack's shape: reflections grouped by learning point, each group once with its own questions and
 * citation; groups in the order their first reflection was made, reflections oldest first. Pure, stable.
 */
export function packGroups(list: readonly Reflection[], lookup: PointLookup): PackGroup[] {
  const byDate = [...list].sort((a, b) => a.date.localeCompare(b.date) || a.created - b.created || a.id.localeCompare(b.id));
  const groups = new Map<string, PackGroup>();
  for (const r of byDate) {
    let g = groups.get(r.learningPointId);
    if (!g) groups.set(r.learningPointId, (g = { learningPointId: r.learningPointId, point: pointOf(r, lookup), reflections: [] }));
    g.reflections.push(r);
  }
  return [...groups.values()];
}

function packSummary(list: readonly Reflection[], groups: readonly PackGroup[]): string {
  const n = list.length;
  const discussed = list.filter((r) => r.discussion).length;
  return `${n} ${n === 1 ? 'reflection' : 'reflections'} on ${groups.length} ${groups.length === 1 ? 'learning point' : 'learning points'}; ${discussed} already discussed with a peer or in supervision.`;
}

const PACK_NOTE = 'Brought to supervision by the worker. Private reflections: no names or identifying details.';

/** The supervision pack as plain text: one block per learning point, its questions and citation, then each reflection. */
export function toSupervisionPackText(list: readonly Reflection[], lookup: PointLookup, opts: PackOptions = {}): string {
  const groups = packGroups(list, lookup);
  const out = ['SUPERVISION PACK', `Period: ${describePeriod(opts.from, opts.to)}`, packSummary(list, groups), PACK_NOTE];
  if (opts.source) out.push(`Learning points from: ${opts.source}`);
  groups.forEach((g, i) => {
    out.push('', '='.repeat(40), `Learning point ${i + 1} of ${groups.length}: ${g.point.title}`, citationLine(g.point));
    if (g.point.questions.length) out.push('', 'Questions to reflect on:', ...g.point.questions.map((q) => `  - ${q}`));
    for (const r of g.reflections) {
      out.push('', `Reflection, ${longDate(r.date)}`, `Activity: ${body(r.activity)}`);
      for (const [k, label] of FIELDS) out.push(`${label}:`, body(r[k]));
      out.push(discussionLine(r));
    }
    out.push('', 'Notes from the supervision discussion:', '', '');
  });
  return out.join('\n') + '\n';
}

const PACK_CSS = `${PRINT_CSS}
.period, .summary, .source, .cite { margin: .2em 0; } .cite { font-weight: bold; }
section.point { border-top: 2px solid #000; margin-top: 1.4em; padding-top: .2em; }
section.point article { border-top: 1px solid #888; } h4 { font-size: 10.5pt; margin: .8em 0 .1em; }
.notes { border: 1px solid #888; min-height: 7em; padding: .3em .5em; color: #333; font-size: 10pt; }
@media print { section.point { break-before: auto; } .notes { break-inside: avoid; page-break-inside: avoid; } }`;

/** The supervision pack as a whole HTML page with a print stylesheet. Everything written is escaped. */
export function toSupervisionPackHtml(list: readonly Reflection[], lookup: PointLookup, opts: PackOptions = {}): string {
  const e = escapeHtml;
  const groups = packGroups(list, lookup);
  const period = describePeriod(opts.from, opts.to);
  const out = [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${e(`Supervision pack: ${period}`)}</title>`,
    `<style>\n${PACK_CSS}\n</style>`,
    '</head>',
    '<body>',
    '<h1>Supervision pack</h1>',
    `<p class="period">Period: ${e(period)}</p>`,
    `<p class="summary">${e(packSummary(list, groups))}</p>`,
    `<p class="note">${e(PACK_NOTE)}</p>`,
  ];
  if (opts.source) out.push(`<p class="source">Learning points from: ${e(opts.source)}</p>`);
  for (const g of groups) {
    out.push('<section class="point">', `<h2>${e(g.point.title)}</h2>`, `<p class="cite">${e(citationLine(g.point))}</p>`);
    if (g.point.questions.length) out.push('<h3>Questions to reflect on</h3>', '<ul class="questions">', ...g.point.questions.map((q) => `<li>${e(q)}</li>`), '</ul>');
    for (const r of g.reflections) {
      out.push('<article>', `<h3>Reflection, ${e(longDate(r.date))}</h3>`, '<h4>Activity</h4>', `<p class="text">${e(body(r.activity))}</p>`);
      for (const [k, label] of FIELDS) out.push(`<h4>${e(label)}</h4>`, `<p class="text">${e(body(r[k]))}</p>`);
      out.push(`<p class="discussion">${e(discussionLine(r))}</p>`, '</article>');
    }
    out.push('<h3>Notes from the supervision discussion</h3>', '<div class="notes"></div>', '</section>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
