/**
 * The reflective log: every reflection, filtered by date range, section, learning point and words;
 * edit, delete, mark "discussed" (role and date only); export what is shown; import from a JSON export
 * (preview, then applied whole, with undo). Props in, callbacks out (entrypoints/reflections/ wires
 * storage and downloads). The counts are informative, never nagging.
 */
import { useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { cpdYearOf, longDate } from '../core/reflection/cpd-year.ts';
import { DISCUSSION_ROLES, filterReflections, ROLE_LABEL, type DiscussionRole, type Reflection, type ReflectionFilter } from '../core/reflection/record.ts';
import { describePreview, parseReflections, previewReflectionsImport, type ReflectionsFile } from '../core/reflection/io.ts';

export type ExportKind = 'text' | 'markdown' | 'html' | 'cpd' | 'json';
export const EXPORT_LABEL: Record<ExportKind, string> = {
  text: 'Plain text',
  markdown: 'Markdown',
  html: 'Print-ready page (HTML)',
  cpd: 'CPD text (one entry per piece)',
  json: 'JSON (to move to another computer)',
};

/** The supervision pack: printed, or saved as a page or as plain text. */
export type PackKind = 'print' | 'html' | 'text';
export const PACK_LABEL: Record<PackKind, string> = {
  print: 'Print the supervision pack',
  html: 'Save the pack as a page (HTML)',
  text: 'Save the pack as plain text',
};
export interface PackPeriod {
  from?: string;
  to?: string;
}

export interface LogPoint {
  title: string;
  sectionId: string;
}

export interface ReflectionLogProps {
  reflections: readonly Reflection[];
  /** How many stored entries could not be read (kept, not shown). */
  unreadable: number;
  sections: readonly { id: string; title: string }[];
  pointOf: (learningPointId: string) => LogPoint | undefined;
  today: string;
  countsText: string;
  editHref: (reflectionId: string) => string;
  canUndoImport: boolean;
  onSave: (r: Reflection) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  onExport: (kind: ExportKind, list: readonly Reflection[]) => void;
  onImport: (file: ReflectionsFile) => Promise<void>;
  onUndoImport: () => Promise<void>;
  /** Print or save a supervision pack of the chosen reflections, for the period chosen. */
  onPack?: (kind: PackKind, list: readonly Reflection[], period: PackPeriod) => void;
  now?: () => number;
}

export function ReflectionLog(p: ReflectionLogProps): JSX.Element {
  const [f, setF] = useState<ReflectionFilter>({});
  const [announce, setAnnounce] = useState('');
  const shown = useMemo(() => filterReflections(p.reflections, f, (id) => p.pointOf(id)?.sectionId), [p.reflections, f, p.pointOf]);
  const points = useMemo(() => [...new Set(p.reflections.map((r) => r.learningPointId))], [p.reflections]);
  const upd = (k: keyof ReflectionFilter) => (e: Event) => {
    const v = (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    setF((old) => ({ ...old, [k]: v || undefined }));
  };

  return (
    <main class="reflect log" aria-labelledby="log-title">
      <h1 id="log-title">Your reflections</h1>
      <p class="privacy">These stay on this computer: never synced, never sent, never seen by a policy or a manager. Deleting one deletes it.</p>
      <p class="counts">{p.countsText}</p>
      {p.unreadable > 0 && <p role="alert">{p.unreadable} stored reflection(s) could not be read; they are kept as they were and not shown.</p>}

      <div role="search">
        <form class="filters" aria-label="Filter reflections" onSubmit={(e) => e.preventDefault()}>
          <div class="field">
            <label for="l-from">From</label>
            <input id="l-from" type="date" value={f.from ?? ''} onInput={upd('from')} />
          </div>
          <div class="field">
            <label for="l-to">To</label>
            <input id="l-to" type="date" value={f.to ?? ''} onInput={upd('to')} />
          </div>
          <div class="field">
            <label for="l-section">Section</label>
            <select id="l-section" value={f.sectionId ?? ''} onChange={upd('sectionId')}>
              <option value="">All sections</option>
              {p.sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="l-point">Learning point</label>
            <select id="l-point" value={f.learningPointId ?? ''} onChange={upd('learningPointId')}>
              <option value="">All learning points</option>
              {points.map((id) => (
                <option key={id} value={id}>
                  {p.pointOf(id)?.title ?? id}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="l-text">Search</label>
            <input id="l-text" type="search" value={f.text ?? ''} onInput={upd('text')} />
          </div>
        </form>
      </div>
      <p role="status" class="status">
        Showing {shown.length} of {p.reflections.length} reflections. {announce}
      </p>

      <section aria-labelledby="export-title">
        <h2 id="export-title">Export the reflections shown</h2>
        <div class="buttons">
          {(Object.keys(EXPORT_LABEL) as ExportKind[]).map((k) => (
            <button key={k} type="button" disabled={shown.length === 0} onClick={() => p.onExport(k, shown)}>
              {EXPORT_LABEL[k]}
            </button>
          ))}
        </div>
      </section>

      {p.onPack && <PackBox p={p} onPack={p.onPack} />}

      <ul class="log-list" aria-label="Reflections">
        {shown.map((r) => (
          <Entry key={r.id} r={r} p={p} onDone={setAnnounce} />
        ))}
      </ul>

      <ImportBox p={p} onDone={setAnnounce} />
    </main>
  );
}

function Entry({ r, p, onDone }: { r: Reflection; p: ReflectionLogProps; onDone: (s: string) => void }): JSX.Element {
  const [confirming, setConfirming] = useState(false);
  const [role, setRole] = useState<DiscussionRole>(r.discussion?.role ?? 'supervisor');
  const [on, setOn] = useState(r.discussion?.date ?? p.today);
  const title = p.pointOf(r.learningPointId)?.title ?? r.learningPointId;
  const hid = `e-${r.id}`;
  return (
    <li class="entry" aria-labelledby={hid}>
      <h2 id={hid}>
        {title}, {longDate(r.date)}
      </h2>
      <dl>
        <dt>Activity</dt>
        <dd>{r.activity || '(not written)'}</dd>
        <dt>What I learned</dt>
        <dd>{r.learned || '(not written)'}</dd>
        <dt>How it applies to my practice</dt>
        <dd>{r.applies || '(not written)'}</dd>
        <dt>What I will do differently</dt>
        <dd>{r.differently || '(not written)'}</dd>
        <dt>Discussion</dt>
        <dd>{r.discussion ? `With ${ROLE_LABEL[r.discussion.role].toLowerCase()}, on ${longDate(r.discussion.date)}` : 'Not yet discussed'}</dd>
      </dl>
      <div class="entry-actions">
        <a href={p.editHref(r.id)}>
          Edit<span class="sr">: {title}, {longDate(r.date)}</span>
        </a>
        <fieldset class="discussed">
          <legend>Discussed in supervision or with a peer</legend>
          <label for={`${hid}-role`}>With</label>
          <select id={`${hid}-role`} value={role} onChange={(e) => setRole(e.currentTarget.value as DiscussionRole)}>
            {DISCUSSION_ROLES.map((x) => (
              <option key={x} value={x}>
                {ROLE_LABEL[x]}
              </option>
            ))}
          </select>
          <label for={`${hid}-on`}>On</label>
          <input id={`${hid}-on`} type="date" value={on} onInput={(e) => setOn(e.currentTarget.value || p.today)} />
          <button
            type="button"
            onClick={() =>
              void p.onSave({ ...r, discussion: { role, date: on }, updated: (p.now ?? Date.now)() }).then(() => onDone(`Marked as discussed on ${longDate(on)}.`))
            }
          >
            Mark discussed
          </button>
        </fieldset>
        {confirming ? (
          <>
            <button type="button" class="danger" onClick={() => void p.onDelete(r.id).then(() => onDone('Reflection deleted.'))}>
              Delete for good
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Delete<span class="sr">: {title}, {longDate(r.date)}</span>
          </button>
        )}
      </div>
    </li>
  );
}

/**
 * The supervision pack: a period (this registration year to start with), the reflections in it each
 * ticked to go in (untick to leave one out), then print or save. The pack itself (core/reflection/export.ts)
 * adds each learning point's own questions and its briefing citation (section and page).
 */
function PackBox({ p, onPack }: { p: ReflectionLogProps; onPack: NonNullable<ReflectionLogProps['onPack']> }): JSX.Element {
  const year = useMemo(() => cpdYearOf(p.today), [p.today]);
  const [from, setFrom] = useState(year.start);
  const [to, setTo] = useState(year.end);
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const inPeriod = useMemo(() => filterReflections(p.reflections, { from: from || undefined, to: to || undefined }, () => undefined), [p.reflections, from, to]);
  const chosen = inPeriod.filter((r) => !left.has(r.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(left);
    if (on) next.delete(id);
    else next.add(id);
    setLeft(next);
  };
  const period: PackPeriod = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  return (
    <section aria-labelledby="pack-title" class="pack">
      <h2 id="pack-title">Supervision pack</h2>
      <p>
        Choose a period and the reflections to take to supervision. The pack gives each learning point’s own questions and where the
        briefing says it (section and page), with room for notes from the discussion.
      </p>
      <div class="filters">
        <div class="field">
          <label for="p-from">Start of the period</label>
          <input id="p-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="p-to">End of the period</label>
          <input id="p-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </div>
      </div>
      {inPeriod.length === 0 ? (
        <p>No reflections in this period.</p>
      ) : (
        <fieldset class="pack-list">
          <legend>
            Reflections in this period: {chosen.length} of {inPeriod.length} chosen
          </legend>
          <ul>
            {inPeriod.map((r) => (
              <li key={r.id}>
                <input type="checkbox" id={`pk-${r.id}`} checked={!left.has(r.id)} onChange={(e) => toggle(r.id, e.currentTarget.checked)} />{' '}
                <label for={`pk-${r.id}`}>
                  {p.pointOf(r.learningPointId)?.title ?? r.learningPointId}, {longDate(r.date)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div class="buttons">
        {(Object.keys(PACK_LABEL) as PackKind[]).map((k) => (
          <button key={k} type="button" disabled={chosen.length === 0} onClick={() => onPack(k, chosen, period)}>
            {PACK_LABEL[k]}
          </button>
        ))}
      </div>
    </section>
  );
}

function ImportBox({ p, onDone }: { p: ReflectionLogProps; onDone: (s: string) => void }): JSX.Element {
  const [problems, setProblems] = useState<string[]>([]);
  const [pending, setPending] = useState<ReflectionsFile | null>(null);
  async function read(e: Event): Promise<void> {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    setPending(null);
    setProblems([]);
    if (!file) return;
    const r = parseReflections(await file.text());
    if (r.ok) setPending(r.file);
    else setProblems(r.problems);
  }
  return (
    <section aria-labelledby="import-title" class="import">
      <h2 id="import-title">Import reflections</h2>
      <div class="field">
        <label for="l-import">A JSON export of reflections</label>
        <input id="l-import" type="file" accept=".json,application/json" onChange={(e) => void read(e)} />
      </div>
      {problems.length > 0 && (
        <div role="alert">
          <p>This file cannot be imported; nothing has changed.</p>
          <ul>
            {problems.slice(0, 20).map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </div>
      )}
      {pending && (
        <div class="preview">
          <p>{describePreview(previewReflectionsImport(p.reflections, pending))}</p>
          <button type="button" onClick={() => void p.onImport(pending).then(() => (setPending(null), onDone('Imported.')))}>
            Import
          </button>
          <button type="button" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      )}
      {p.canUndoImport && (
        <button type="button" onClick={() => void p.onUndoImport().then(() => onDone('The last import was undone.'))}>
          Undo the last import
        </button>
      )}
    </section>
  );
}
