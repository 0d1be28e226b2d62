/**
 * The reflective log, `reflections.html`: every reflection (platform/reflections.ts, storage.local
 * only), with filters, edit, delete, "discussed", export and import.
 */
import { render } from 'preact';
import { ReflectionLog, type ExportKind, type LogPoint } from '../../components/ReflectionLog.tsx';
import { entryOf } from '../../content/library/catalogue.ts';
import { sections } from '../../content/library/index.ts';
import { cpdCounts, cpdYearOf, describeCounts, localIsoDate } from '../../core/reflection/cpd-year.ts';
import { toCpdText, toMarkdown, toPlainText, toPrintHtml, type PointInfo } from '../../core/reflection/export.ts';
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
  const url = URL.createObjectURL(new Blob([f.make(list)], { type: `${f.type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `reflections-${localIsoDate(new Date())}${kind === 'cpd' ? '-cpd' : ''}.${f.ext}`;
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
