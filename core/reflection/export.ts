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
