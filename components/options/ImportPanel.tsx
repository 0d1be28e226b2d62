/**
 * Import from a file or pasted JSON: every problem listed with its path (nothing changes), or a
 * preview of what would be added, replaced and removed, then Apply or Cancel. Also "Export
 * everything" and "Undo last import". Props in, callbacks out: the caller does the writing.
 */
import { useState, useId } from 'preact/hooks';
import type { PromptSet } from '../../core/schema/prompt-set.ts';
import { LIMITS } from '../../core/schema/prompt-set.ts';
import type { Settings } from '../../core/settings/settings.ts';
import { megabytes, parseImport, previewImport, setsOf, TOO_LARGE, type ExportFile, type ImportOptions, type ImportPreview } from '../../core/prompt-sets/io.ts';

export interface ApplyOutcome {
  problems: string[];
  /** Settings changed since the preview: here is the new preview to confirm. */
  repreview?: ImportPreview;
}

export interface ImportPanelProps {
  user: Settings;
  knownIds: ReadonlySet<string>;
  importOptions: ImportOptions;
  canUndo: boolean;
  onApply(file: ExportFile, shown: ImportPreview): Promise<ApplyOutcome>;
  onUndo(): Promise<string[]>;
  onExportAll(): void;
}

const MAX_SHOWN = 200;

function nameIn(id: string, sets: readonly PromptSet[]): string {
  const s = sets.find((x) => x.id === id);
  return s ? `${s.name} (${id})` : id;
}

export function ImportPanel({ user, knownIds, importOptions, canUndo, onApply, onUndo, onExportAll }: ImportPanelProps) {
  const uid = useId();
  const [pasted, setPasted] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [source, setSource] = useState('');
  const [pending, setPending] = useState<{ file: ExportFile; preview: ImportPreview } | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const check = (text: string, from: string) => {
    setMessage('');
    setSource(from);
    const r = parseImport(text, knownIds);
    if (!r.ok) {
      setPending(null);
      setProblems(r.problems);
      return;
    }
    const p = previewImport(user, r.file, importOptions);
    if (!p.ok) {
      setPending(null);
      setProblems(p.problems);
      return;
    }
    setProblems([]);
    setPending({ file: r.file, preview: p });
  };

  const onFile = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    if (!f) return;
    // Refuse a huge file before reading it into memory.
    if (f.size > LIMITS.fileBytes) {
      setPending(null);
      setSource(f.name);
      setProblems([TOO_LARGE]);
    } else {
      let text: string;
      try {
        text = await f.text();
      } catch {
        setPending(null);
        setSource(f.name);
        setProblems(['the file could not be read']);
        input.value = '';
        return;
      }
      check(text, f.name);
    }
    input.value = ''; // choosing the same file again re-checks it
  };

  const apply = async () => {
    if (!pending || busy) return;
    setBusy(true);
    try {
      const out = await onApply(pending.file, pending.preview);
      if (out.repreview) {
        setPending({ file: pending.file, preview: out.repreview });
        setMessage('Your settings changed since this preview. Please check the updated preview, then apply again.');
      } else if (out.problems.length) {
        setProblems(out.problems);
        setMessage('Nothing was imported.');
      } else {
        const p = pending.preview;
        setPending(null);
        setPasted('');
        setMessage(
          `Imported: ${p.added.length} added, ${p.changed.length} replaced, ${p.removed.length} removed` +
            (p.settingsChanged.length ? `, settings changed: ${p.settingsChanged.join(', ')}` : '') +
            '. You can undo this import.',
        );
      }
    } finally {
      setBusy(false);
    }
  };

  const undo = async () => {
    setBusy(true);
    try {
      const errs = await onUndo();
      setProblems(errs);
      setSource('');
      setMessage(errs.length ? 'The import could not be undone.' : 'The last import was undone: your settings are as they were before it.');
    } finally {
      setBusy(false);
    }
  };

  const incoming = pending ? setsOf(pending.file) : [];
  const p = pending?.preview;
  return (
    <section aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>Import and export</h2>
      <p class="muted">
        Share prompt sets as files. Importing shows what would change first; nothing changes until you apply it. Files are read on this computer only (at
        most {megabytes(LIMITS.fileBytes)}).
      </p>
      <div class="field">
        <label for={`${uid}-file`}>Import from a file</label>
        <input id={`${uid}-file`} type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void onFile(e.target as HTMLInputElement)} />
      </div>
      <div class="field">
        <label for={`${uid}-paste`}>Or paste JSON</label>
        <textarea id={`${uid}-paste`} value={pasted} rows={5} onInput={(e) => setPasted((e.target as HTMLTextAreaElement).value)} />
      </div>
      <button type="button" disabled={busy || pasted.trim() === ''} onClick={() => check(pasted, 'pasted JSON')}>
        Check pasted JSON
      </button>
      <button type="button" onClick={onExportAll}>
        Export everything
      </button>
      {canUndo && (
        <button type="button" disabled={busy} onClick={() => void undo()}>
          Undo last import
        </button>
      )}
      <p role="status">{message}</p>
      {problems.length > 0 && (
        <div class="import-problems" role="alert">
          <p>
            {source ? `The import from ${source} was not applied` : 'Not applied'}: {problems.length} {problems.length === 1 ? 'problem' : 'problems'}. Nothing
            was changed.
          </p>
          <ul class="problems">
            {problems.slice(0, MAX_SHOWN).map((x) => (
              <li key={x}>{x}</li>
            ))}
            {problems.length > MAX_SHOWN && <li>…and {problems.length - MAX_SHOWN} more.</li>}
          </ul>
        </div>
      )}
      {p && (
        <section class="import-preview" aria-labelledby={`${uid}-ph`}>
          <h3 id={`${uid}-ph`}>Preview of the import from {source}</h3>
          <PreviewList label="Prompt sets added" ids={p.added} sets={incoming} />
          <PreviewList label="Prompt sets replaced" ids={p.changed} sets={incoming} />
          <PreviewList label="Prompt sets removed" ids={p.removed} sets={user.localSets} />
          <PreviewList label="Prompt sets already up to date" ids={p.unchanged} sets={incoming} />
          {p.settingsChanged.length > 0 && <p>Settings changed: {p.settingsChanged.join(', ')}.</p>}
          {p.skipped.map((s) => (
            <p key={s} class="locked">
              {s}
            </p>
          ))}
          {p.added.length + p.changed.length + p.removed.length + p.settingsChanged.length === 0 && <p>This import would change nothing.</p>}
          <button type="button" disabled={busy} onClick={() => void apply()}>
            Apply import
          </button>
          <button
            type="button"
            onClick={() => {
              setPending(null);
              setMessage('Import cancelled. Nothing was changed.');
            }}
          >
            Cancel import
          </button>
        </section>
      )}
    </section>
  );
}

function PreviewList({ label, ids, sets }: { label: string; ids: string[]; sets: readonly PromptSet[] }) {
  if (ids.length === 0) return null;
  return (
    <div>
      <p>
        {label} ({ids.length}):
      </p>
      <ul aria-label={label}>
        {ids.map((id) => (
          <li key={id}>{nameIn(id, sets)}</li>
        ))}
      </ul>
    </div>
  );
}
