/**
 * The reflective log, `reflections.html`: every reflection (platform/reflections.ts, storage.local
 * only), with filters, edit, delete, "discussed", export and import.
 */
import { render } from 'preact';
import { ReflectionLog, type ExportKind, type LogPoint, type PackKind, type PackPeriod } from '../../components/ReflectionLog.tsx';
import { entryOf } from '../../content/library/catalogue.ts';
import { attribution, sections } from '../../content/library/index.ts';
import { cpdCounts, cpdYearOf, describeCounts, localIsoDate } from '../../core/reflection/cpd-year.ts';
import { toCpdText, toMarkdown, toPlainText, toPrintHtml, toSupervisionPackHtml, toSupervisionPackText, type PointInfo } from '../../core/reflection/export.ts';
import { exportReflectionsJson } from '../../core/reflection/io.ts';
import type { Reflection } from '../../core/reflection/record.ts';
import { canUndoImport, deleteReflection, importReflections, loadReflections, saveReflection, undoImport, watchReflections } from '../../platform/reflections.ts';

const pointOf = (id: string): LogPoint | undefined => {
  const e = entryOf(id);
  return e ? { title: e.item.title, sectionId: e.section.id } : undefined;
};
const lookup = (id: string): PointInfo | undefined => {
  const e = entryOf(id);
  return e ? { title: e.item.title, section: e.section.title, page: e.item.page, questions: e.item.questions } : undefined;
};

const FILES: Record<ExportKind, { ext: string; type: string; make: (l: readonly Reflection[]) => string }> = {
  text: { ext: 'txt', type: 'text/plain', make: (l) => toPlainText(l, lookup) },
  markdown: { ext: 'md', type: 'text/markdown', make: (l) => toMarkdown(l, lookup) },
  html: { ext: 'html', type: 'text/html', make: (l) => toPrintHtml(l, lookup) },
  cpd: { ext: 'txt', type: 'text/plain', make: (l) => toCpdText(l, lookup) },
  json: { ext: 'json', type: 'application/json', make: (l) => exportReflectionsJson(l) },
};

/** Save as a file on this machine: a Blob URL and an <a download>. Nothing is sent anywhere. */
function download(kind: ExportKind, list: readonly Reflection[]): void {
  const f = FILES[kind];
  saveFile(f.make(list), f.type, `reflections-${localIsoDate(new Date())}${kind === 'cpd' ? '-cpd' : ''}.${f.ext}`);
}

/** The briefing the learning points cite, once at the top of a supervision pack. */
const SOURCE = `${attribution.briefing.title} (${attribution.briefing.publisher}, ${attribution.briefing.year})`;

/** A supervision pack: printed from a frame of this page (no new window, nothing sent), or saved. */
function pack(kind: PackKind, list: readonly Reflection[], period: PackPeriod): void {
  const opts = { ...period, source: SOURCE };
  const name = `supervision-pack-${period.from ?? 'start'}-to-${period.to ?? localIsoDate(new Date())}`;
  if (kind === 'text') return saveFile(toSupervisionPackText(list, lookup, opts), 'text/plain', `${name}.txt`);
  const html = toSupervisionPackHtml(list, lookup, opts);
  if (kind === 'html') return saveFile(html, 'text/html', `${name}.html`);
  document.getElementById('print-frame')?.remove();
  const frame = document.createElement('iframe');
  frame.id = 'print-frame';
  frame.title = 'Supervision pack (for printing)';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position: fixed; width: 0; height: 0; border: 0; right: 0; bottom: 0;';
  frame.addEventListener(
    'load',
    () => {
      try {
        frame.contentWindow!.print();
      } catch {
        // Firefox: an about:srcdoc frame is cross-origin to an extension page, so its print() is refused
        printHere(html);
      }
    },
    { once: true },
  );
  frame.srcdoc = html;
  document.body.append(frame);
}

/** Prints the pack from this page itself: shown only in print, in a shadow root (its styles stay its own). */
function printHere(html: string): void {
  document.getElementById('print-pack')?.remove();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const host = document.createElement('div');
  host.id = 'print-pack';
  const root = host.attachShadow({ mode: 'open' });
  // our own extension page's stylesheet (print only the pack), never a web page or a field in one
  const style = document.createElement('style');
  style.textContent = '#print-pack { display: none; } @media print { body > :not(#print-pack) { display: none !important; } #print-pack { display: block; } }'; // our own page's print stylesheet (never a page field)
  root.append(...Array.from(doc.head.querySelectorAll('style')), ...Array.from(doc.body.childNodes));
  document.head.append(style);
  document.body.append(host);
  window.addEventListener(
    'afterprint',
    () => {
      host.remove();
      style.remove();
    },
    { once: true },
  );
  window.print();
}

function saveFile(text: string, type: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const root = document.getElementById('app')!;

async function paint(): Promise<void> {
  const today = localIsoDate(new Date());
  const { reflections, unreadable } = await loadReflections();
  render(
    <ReflectionLog
      reflections={reflections}
      unreadable={unreadable}
      sections={sections}
      pointOf={pointOf}
      today={today}
      countsText={describeCounts(cpdCounts(reflections, cpdYearOf(today)))}
      editHref={(id) => `/reflect.html#r/${encodeURIComponent(id)}`}
      canUndoImport={await canUndoImport()}
      onSave={async (r) => {
        await saveReflection(r);
      }}
      onDelete={async (id) => {
        await deleteReflection(id);
      }}
      onExport={download}
      onPack={pack}
      onImport={async (file) => {
        await importReflections(file);
      }}
      onUndoImport={async () => {
        await undoImport();
      }}
    />,
    root,
  );
}

void paint();
watchReflections(() => void paint());
