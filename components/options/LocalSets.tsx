/**
 * Prompt sets on this browser: the user's own (edit, export, delete, new) and the organisation's
 * (read-only). Props in, callbacks out.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PromptSet } from '../../core/schema/prompt-set.ts';
import type { KeptSet } from '../../core/settings/settings.ts';
import { LIMITS } from '../../core/schema/prompt-set.ts';
import { draftFromSet, newSetDraft, type SetDraft } from '../../core/prompt-sets/draft.ts';
import { SetEditor } from './SetEditor.tsx';

export interface LocalSetsProps {
  localSets: readonly PromptSet[];
  /** Local sets from a newer version of Practice Prompts: kept unchanged, listed, never used here. */
  keptSets?: readonly KeptSet[];
  managedSets: readonly PromptSet[];
  /** Local sets are set by the organisation: nothing here is editable. */
  locked: boolean;
  knownIds: ReadonlySet<string>;
  /** Ids no local set may take (built in, managed). */
  reservedIds: ReadonlySet<string>;
  onSave(originalId: string | null, set: PromptSet): Promise<string[]>;
  onDelete(id: string): Promise<string[]>;
  onExport(set: PromptSet): void;
  /** Open the editor on this set, at this trigger (a link from the team report); a new `key` opens it again. */
  openAt?: { set: string; trigger: string; key: number } | null;
}

function counts(s: PromptSet): string {
  const t = s.triggers.length;
  const p = s.prompts?.length ?? 0;
  return `${t} ${t === 1 ? 'trigger' : 'triggers'}, ${p} local ${p === 1 ? 'prompt' : 'prompts'}`;
}

export function LocalSets({ localSets, keptSets = [], managedSets, locked, knownIds, reservedIds, onSave, onDelete, onExport, openAt }: LocalSetsProps) {
  const [editing, setEditing] = useState<{ originalId: string | null; draft: SetDraft; key: number; focusTrigger?: string } | null>(null);
  useEffect(() => {
    const s = openAt && !locked ? localSets.find((x) => x.id === openAt.set) : undefined;
    if (s && openAt) setEditing({ originalId: s.id, draft: draftFromSet(s), key: openAt.key, focusTrigger: openAt.trigger });
  }, [openAt?.key]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const taken = (except: string | null) => new Set([...reservedIds, ...keptSets.map((s) => s.id), ...localSets.map((s) => s.id).filter((id) => id !== except)]);
  const editingId = editing?.originalId ?? null;
  const editorTaken = useMemo(() => taken(editingId), [localSets, keptSets, reservedIds, editingId]);

  return (
    <section aria-labelledby="h-sets">
      <h2 id="h-sets">Prompt sets</h2>
      <p class="muted">
        A prompt set says which phrases in a note lead to which prompts. The built-in set comes with Practice Prompts; you can add your own, or import
        sets shared by colleagues.
      </p>
      {managedSets.length > 0 && (
        <>
          <h3>From your organisation</h3>
          <ul class="set-list">
            {managedSets.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong> <span class="muted">({s.id}; {counts(s)})</span>
                <span class="locked"> — set by your organisation</span>
                {s.description && <p class="muted">{s.description}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Your prompt sets</h3>
      {locked ? (
        <p class="locked">Local prompt sets are set by your organisation, so they cannot be added or changed here.</p>
      ) : (
        <>
          {localSets.length === 0 && keptSets.length === 0 && <p>You have no prompt sets of your own yet.</p>}
          {keptSets.length > 0 && (
            <ul class="set-list" aria-label="Prompt sets from a newer version">
              {keptSets.map((s) => (
                <li key={`kept-${s.id}`}>
                  <strong>{s.name}</strong> <span class="muted">({s.id})</span>
                  <span class="locked"> — from a newer version of Practice Prompts, kept unchanged</span>
                  <p class="muted">
                    This version cannot read it{s.version !== null ? ` (prompt set format version ${s.version})` : ''}, so it does not use it. It comes
                    back into use when the newer version returns.
                  </p>
                </li>
              ))}
            </ul>
          )}
          <ul class="set-list">
            {localSets.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong> <span class="muted">({s.id}; {counts(s)})</span>
                {s.description && <p class="muted">{s.description}</p>}
                <button
                  type="button"
                  onClick={() => {
                    setConfirming(null);
                    setEditing({ originalId: s.id, draft: draftFromSet(s), key: Date.now() });
                  }}
                >
                  Edit<span class="sr"> {s.name}</span>
                </button>
                <button type="button" onClick={() => onExport(s)}>
                  Export<span class="sr"> {s.name}</span>
                </button>
                {confirming === s.id ? (
                  <span role="group" aria-label={`Delete ${s.name}?`}>
                    <span> Delete “{s.name}” for good? </span>
                    <button
                      type="button"
                      onClick={async () => {
                        const errs = await onDelete(s.id);
                        setProblems(errs);
                        setConfirming(null);
                        if (!errs.length && editing?.originalId === s.id) setEditing(null);
                      }}
                    >
                      Yes, delete<span class="sr"> {s.name}</span>
                    </button>
                    <button type="button" onClick={() => setConfirming(null)}>
                      Keep it
                    </button>
                  </span>
                ) : (
                  <button type="button" onClick={() => setConfirming(s.id)}>
                    Delete<span class="sr"> {s.name}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
          {problems.length > 0 && (
            <ul class="problems" role="alert">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {!editing && localSets.length < LIMITS.sets && (
            <button type="button" onClick={() => setEditing({ originalId: null, draft: newSetDraft(taken(null)), key: Date.now() })}>
              New prompt set
            </button>
          )}
          {editing && (
            <SetEditor
              key={editing.key}
              initial={editing.draft}
              originalId={editing.originalId}
              knownIds={knownIds}
              takenSetIds={editorTaken}
              focusTrigger={editing.focusTrigger}
              onSave={async (set) => {
                const errs = await onSave(editing.originalId, set);
                if (!errs.length) setEditing(null);
                return errs;
              }}
              onCancel={() => setEditing(null)}
            />
          )}
        </>
      )}
    </section>
  );
}
