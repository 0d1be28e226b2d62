/**
 * Friendly editor for one local prompt set. Validated as you type (every problem in plain words,
 * next to its field and listed in full); Save stays disabled while anything is wrong, and saving
 * hands the whole set to the caller at once. Props in, callbacks out.
 */
import { useEffect, useMemo, useState, useId } from 'preact/hooks';
import type { PromptSet } from '../../core/schema/prompt-set.ts';
import { LIMITS } from '../../core/schema/prompt-set.ts';
import {
  checkDraft,
  fieldProblems,
  newPromptDraft,
  newTriggerDraft,
  type LinkDraft,
  type PromptDraft,
  type SetDraft,
  type TriggerDraft,
} from '../../core/prompt-sets/draft.ts';
import { libraryGroups } from './catalogue.ts';
import { Field, Problems, SelectField } from './fields.tsx';

export interface SetEditorProps {
  initial: SetDraft;
  /** The id of the set being edited (null for a new set). */
  originalId: string | null;
  knownIds: ReadonlySet<string>;
  /** Ids other sets use (local, managed, built in). */
  takenSetIds: ReadonlySet<string>;
  /** Save the whole set; resolves to problems (empty when saved). */
  onSave(set: PromptSet): Promise<string[]>;
  onCancel(): void;
  /** A trigger id to bring into view and focus on opening (a link from the team report). */
  focusTrigger?: string;
}

const MAX_LEADS = 10;
const isWordsProblem = (m: string) => m.startsWith('words:') || m.startsWith('the number of words');
const MAX_ALL = 5;

export function SetEditor({ initial, originalId, knownIds, takenSetIds, onSave, onCancel, focusTrigger }: SetEditorProps) {
  const uid = useId();
  const [draft, setDraft] = useState<SetDraft>(initial);
  const [saveProblems, setSaveProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const result = useMemo(() => checkDraft(draft, knownIds, takenSetIds), [draft, knownIds, takenSetIds]);
  const problems = result.ok ? [] : result.problems;
  const fp = (key: string, noun?: string) => fieldProblems(problems, key, noun);
  const idOf = (...parts: (string | number)[]) => `${uid}-${parts.join('-')}`;
  useEffect(() => {
    const i = focusTrigger === undefined ? -1 : initial.triggers.findIndex((t) => t.id.trim() === focusTrigger);
    const el = i < 0 ? null : document.getElementById(idOf('t', i, 'id'));
    el?.scrollIntoView?.({ block: 'center' });
    el?.focus();
  }, []);

  const patch = (p: Partial<SetDraft>) => setDraft((d) => ({ ...d, ...p }));
  const patchTrigger = (i: number, p: Partial<TriggerDraft>) =>
    setDraft((d) => ({ ...d, triggers: d.triggers.map((t, j) => (j === i ? { ...t, ...p } : t)) }));
  const patchPrompt = (i: number, p: Partial<PromptDraft>) =>
    setDraft((d) => ({ ...d, prompts: d.prompts.map((t, j) => (j === i ? { ...t, ...p } : t)) }));
  const patchLink = (pi: number, li: number, p: Partial<LinkDraft>) =>
    setDraft((d) => ({
      ...d,
      prompts: d.prompts.map((t, j) => (j === pi ? { ...t, links: t.links.map((l, k) => (k === li ? { ...l, ...p } : l)) } : t)),
    }));

  const localOptions = draft.prompts.filter((p) => p.id.trim() !== '').map((p) => ({ value: p.id.trim(), label: p.title || p.id }));
  const allValues = new Set([...libraryGroups.flatMap((g) => g.options.map((o) => o.value)), ...localOptions.map((o) => o.value)]);

  const save = async () => {
    if (!result.ok || saving) return;
    setSaving(true);
    try {
      setSaveProblems(await onSave(result.set));
    } finally {
      setSaving(false);
    }
  };

  const title = originalId ? `Edit prompt set “${initial.name || originalId}”` : 'New prompt set';
  return (
    <section class="set-editor" aria-labelledby={idOf('title')}>
      <h3 id={idOf('title')}>{title}</h3>
      <Field id={idOf('name')} label="Name" required value={draft.name} onValue={(name) => patch({ name })} problems={fp('name')} />
      <Field
        id={idOf('id')}
        label="Set id"
        hint="Lowercase letters, digits and dashes. Importing a set with the same id replaces this one."
        value={draft.id}
        onValue={(id) => patch({ id })}
        problems={fp('id')}
      />
      <Field
        id={idOf('description')}
        label="Description (optional)"
        multiline
        value={draft.description}
        onValue={(description) => patch({ description })}
        problems={fp('description')}
      />

      <h4>Local prompts</h4>
      <p class="hint">Your own prompts, for triggers to lead to alongside the library's learning points. Plain text only.</p>
      {draft.prompts.map((p, i) => {
        const key = `prompts[${i}]`;
        return (
          <fieldset key={i} class="prompt-draft">
            <legend>Local prompt {i + 1}{p.title ? `: ${p.title}` : ''}</legend>
            <Field id={idOf('p', i, 'id')} label="Prompt id" value={p.id} onValue={(id) => patchPrompt(i, { id })} problems={fp(`${key}.id`)} />
            <Field id={idOf('p', i, 'title')} label="Title" value={p.title} onValue={(t) => patchPrompt(i, { title: t })} problems={fp(`${key}.title`)} />
            <Field id={idOf('p', i, 'text')} label="Text" multiline value={p.text} onValue={(text) => patchPrompt(i, { text })} problems={fp(`${key}.text`)} />
            <Field
              id={idOf('p', i, 'question')}
              label="Reflective question (optional)"
              value={p.question}
              onValue={(question) => patchPrompt(i, { question })}
              problems={fp(`${key}.question`)}
            />
            {p.links.map((l, k) => (
              <div class="link-draft" key={k} role="group" aria-label={`Link ${k + 1}`}>
                <Field
                  id={idOf('p', i, 'l', k, 'title')}
                  label={`Link ${k + 1} title`}
                  value={l.title}
                  onValue={(t) => patchLink(i, k, { title: t })}
                  problems={fp(`${key}.links[${k}].title`)}
                />
                <Field
                  id={idOf('p', i, 'l', k, 'url')}
                  label={`Link ${k + 1} address`}
                  type="url"
                  hint="https:// addresses only"
                  value={l.url}
                  onValue={(url) => patchLink(i, k, { url })}
                  problems={fp(`${key}.links[${k}].url`)}
                />
                <button type="button" onClick={() => patchPrompt(i, { links: p.links.filter((_, x) => x !== k) })}>
                  Remove link {k + 1}
                </button>
              </div>
            ))}
            <Problems id={idOf('p', i, 'links-problems')} problems={fp(`${key}.links`).filter((m) => !/^item \d+: /.test(m))} />
            {p.links.length < LIMITS.links && (
              <button type="button" onClick={() => patchPrompt(i, { links: [...p.links, { title: '', url: 'https://' }] })}>
                Add a link<span class="sr"> to local prompt {i + 1}</span>
              </button>
            )}
            <button type="button" onClick={() => patch({ prompts: draft.prompts.filter((_, x) => x !== i) })}>
              Remove local prompt {i + 1}
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => patch({ prompts: [...draft.prompts, newPromptDraft(draft.prompts.map((p) => p.id))] })}>
        Add a local prompt
      </button>

      <h4>Triggers</h4>
      <p class="hint">
        A trigger offers prompts when a note mentions its phrases. Phrases are plain words, one per line; endings and British/American spellings are
        matched for you, and a word in "quotes" matches exactly.
      </p>
      <Problems id={idOf('triggers-problems')} problems={fp('triggers').filter((m) => !/^item \d+: /.test(m))} />
      {draft.triggers.map((t, i) => {
        const key = `triggers[${i}]`;
        return (
          <fieldset key={i} class="trigger-draft">
            <legend>Trigger {i + 1}{t.id ? `: ${t.id}` : ''}</legend>
            <Field id={idOf('t', i, 'id')} label="Trigger id" value={t.id} onValue={(id) => patchTrigger(i, { id })} problems={fp(`${key}.id`)} />
            <div role="group" aria-labelledby={idOf('t', i, 'leads')}>
              <p id={idOf('t', i, 'leads')} class="group-label">
                Leads to
              </p>
              {t.leadsTo.map((to, k) => (
                <div key={k} class="lead">
                  <label for={idOf('t', i, 'to', k)}>Prompt {k + 1}</label>{' '}
                  <select
                    id={idOf('t', i, 'to', k)}
                    value={to}
                    aria-invalid={fp(`${key}.leadsTo[${k}]`).length ? 'true' : undefined}
                    aria-describedby={fp(`${key}.leadsTo[${k}]`).length ? idOf('t', i, 'to', k, 'problems') : undefined}
                    onChange={(e) => patchTrigger(i, { leadsTo: t.leadsTo.map((x, j) => (j === k ? (e.target as HTMLSelectElement).value : x)) })}
                  >
                    <option value="">Choose a prompt…</option>
                    {to !== '' && !allValues.has(to) && <option value={to}>Unknown: {to}</option>}
                    {localOptions.length > 0 && (
                      <optgroup label="This set's local prompts">
                        {localOptions.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </optgroup>
                    )}
                    {libraryGroups.map((g) => (
                      <optgroup key={g.label} label={g.label}>
                        {g.options.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                  {t.leadsTo.length > 1 && (
                    <button type="button" onClick={() => patchTrigger(i, { leadsTo: t.leadsTo.filter((_, j) => j !== k) })}>
                      Remove<span class="sr"> prompt {k + 1} of trigger {i + 1}</span>
                    </button>
                  )}
                  <Problems id={idOf('t', i, 'to', k, 'problems')} problems={fp(`${key}.leadsTo[${k}]`)} />
                </div>
              ))}
              <Problems id={idOf('t', i, 'leads-problems')} problems={fp(`${key}.leadsTo`).filter((m) => !/^item \d+: /.test(m))} />
              {t.leadsTo.length < MAX_LEADS && (
                <button type="button" onClick={() => patchTrigger(i, { leadsTo: [...t.leadsTo, ''] })}>
                  Add another prompt<span class="sr"> to trigger {i + 1}</span>
                </button>
              )}
            </div>
            <Field
              id={idOf('t', i, 'any')}
              label="Phrases that fire this trigger (one per line)"
              multiline
              value={t.any}
              onValue={(any) => patchTrigger(i, { any })}
              problems={fp(`${key}.any`, 'phrase')}
            />
            {t.all.map((g, k) => (
              <div key={k}>
                <Field
                  id={idOf('t', i, 'all', k)}
                  label={`…and the note must also mention one of these (list ${k + 1}, one per line)`}
                  multiline
                  value={g}
                  onValue={(v) => patchTrigger(i, { all: t.all.map((x, j) => (j === k ? v : x)) })}
                  problems={fp(`${key}.all[${k}]`, 'phrase')}
                />
                <button type="button" onClick={() => patchTrigger(i, { all: t.all.filter((_, j) => j !== k) })}>
                  Remove list {k + 1}<span class="sr"> of trigger {i + 1}</span>
                </button>
              </div>
            ))}
            {t.all.length < MAX_ALL && (
              <button type="button" onClick={() => patchTrigger(i, { all: [...t.all, ''] })}>
                Add a “must also mention” list<span class="sr"> to trigger {i + 1}</span>
              </button>
            )}
            <SelectField
              id={idOf('t', i, 'window')}
              label="Where the other phrases must be"
              value={t.window}
              onValue={(v) => patchTrigger(i, { window: v as TriggerDraft['window'] })}
              options={[
                { value: '', label: 'In the same sentence (default)' },
                ...(t.window === 'sentence' ? [{ value: 'sentence', label: 'In the same sentence' }] : []),
                { value: 'note', label: 'Anywhere in the note' },
                { value: 'words', label: 'Within a number of words' },
              ]}
              problems={fp(`${key}.window`).filter((m) => !isWordsProblem(m))}
            />
            {t.window === 'words' && (
              <Field
                id={idOf('t', i, 'words')}
                label="Within how many words (1 to 50)"
                type="number"
                value={t.windowWords}
                onValue={(windowWords) => patchTrigger(i, { windowWords })}
                problems={[...fp(`${key}.window.words`), ...fp(`${key}.window`).filter((m) => m.startsWith('the number of words'))]}
              />
            )}
            <Field
              id={idOf('t', i, 'not')}
              label="Do not fire when these are also mentioned (one per line, optional)"
              multiline
              value={t.not}
              onValue={(not) => patchTrigger(i, { not })}
              problems={fp(`${key}.not`, 'phrase')}
            />
            <SelectField
              id={idOf('t', i, 'negated')}
              label="When the phrase is negated (“no concerns about neglect”)"
              value={t.negated}
              onValue={(v) => patchTrigger(i, { negated: v as TriggerDraft['negated'] })}
              options={[
                { value: '', label: 'Soften the prompt (default)' },
                { value: 'show', label: 'Show the prompt as usual' },
                { value: 'soften', label: 'Soften the prompt' },
                { value: 'ignore', label: 'Do not show the prompt' },
              ]}
              problems={fp(`${key}.negated`)}
            />
            <details>
              <summary>Context and more options<span class="sr"> for trigger {i + 1}</span></summary>
              <Field
                id={idOf('t', i, 'fields')}
                label="Field label phrases (one per line, optional)"
                hint="Looked for in the label, name and placeholder of the box being typed in."
                multiline
                value={t.fields}
                onValue={(fields) => patchTrigger(i, { fields })}
                problems={fp(`${key}.context.fields`, 'phrase')}
              />
              <Field
                id={idOf('t', i, 'pages')}
                label="Page phrases (one per line, optional)"
                hint="Looked for in the page title and the form's headings."
                multiline
                value={t.pages}
                onValue={(pages) => patchTrigger(i, { pages })}
                problems={fp(`${key}.context.pages`, 'phrase')}
              />
              <Field
                id={idOf('t', i, 'urls')}
                label="Parts of the page address (one per line, optional)"
                multiline
                value={t.urls}
                onValue={(urls) => patchTrigger(i, { urls })}
                problems={fp(`${key}.context.urls`, 'address')}
              />
              <SelectField
                id={idOf('t', i, 'effect')}
                label="What a context match does"
                value={t.effect}
                onValue={(v) => patchTrigger(i, { effect: v as TriggerDraft['effect'] })}
                options={[
                  { value: '', label: 'Ranks the prompt higher (default)' },
                  { value: 'boost', label: 'Ranks the prompt higher' },
                  { value: 'require', label: 'The trigger only fires on matching fields or pages' },
                ]}
                problems={fp(`${key}.context.effect`)}
              />
              <Field
                id={idOf('t', i, 'weight')}
                label="Weight (0.1 to 5, optional; default 1)"
                type="number"
                value={t.weight}
                onValue={(weight) => patchTrigger(i, { weight })}
                problems={fp(`${key}.weight`)}
              />
              <Field
                id={idOf('t', i, 'note')}
                label="Note for managers (optional)"
                multiline
                value={t.note}
                onValue={(note) => patchTrigger(i, { note })}
                problems={fp(`${key}.note`)}
              />
              <Problems id={idOf('t', i, 'context-problems')} problems={fp(`${key}.context`).filter((m) => !/^(fields|pages|urls|effect)/.test(m))} />
            </details>
            <button type="button" onClick={() => patch({ triggers: draft.triggers.filter((_, x) => x !== i) })}>
              Remove trigger {i + 1}
            </button>
          </fieldset>
        );
      })}
      {draft.triggers.length < LIMITS.triggers && (
        <button type="button" onClick={() => patch({ triggers: [...draft.triggers, newTriggerDraft(draft.triggers.map((t) => t.id))] })}>
          Add a trigger
        </button>
      )}

      <div class="editor-summary" aria-live="polite">
        {problems.length > 0 ? (
          <>
            <p id={idOf('why')}>
              This set cannot be saved yet ({problems.length} {problems.length === 1 ? 'problem' : 'problems'}):
            </p>
            <ul class="problems">
              {problems.slice(0, 100).map((p) => (
                <li key={p}>{p}</li>
              ))}
              {problems.length > 100 && <li>…and {problems.length - 100} more.</li>}
            </ul>
          </>
        ) : (
          <p>This set is ready to save.</p>
        )}
      </div>
      {saveProblems.length > 0 && (
        <ul class="problems" role="alert">
          {saveProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <button type="button" disabled={!result.ok || saving} aria-describedby={problems.length ? idOf('why') : undefined} onClick={() => void save()}>
        Save prompt set
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}
