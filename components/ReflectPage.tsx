/**
 * The reflection page: the worker writes a reflection on one learning point, in the fields CPD evidence
 * asks for. Props in, callbacks out: the entrypoint (entrypoints/reflect/) finds the learning point and
 * does the storage. Never the case form; nothing here is sent anywhere.
 *
 * The identifying-details check (core/reflection/identifying.ts) runs on every input and WARNS in a
 * polite live region; it never blocks saving.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { describeFindings, findIdentifying, KIND_LABEL } from '../core/reflection/identifying.ts';
import { longDate } from '../core/reflection/cpd-year.ts';
import { DISCUSSION_ROLES, hasWriting, newReflectionId, ROLE_LABEL, type DiscussionRole, type Reflection } from '../core/reflection/record.ts';

export interface ReflectPoint {
  id: string;
  title: string;
  section: string;
  page: number;
  questions: readonly string[];
  /** The learning point in the library page. */
  href: string;
}

export interface ReflectPageProps {
  /** The learning point, or undefined when the address names none the library holds. */
  point: ReflectPoint | undefined;
  /** The id from the address (shown when the library does not hold it). */
  requestedId: string;
  /** Today, `YYYY-MM-DD`. */
  today: string;
  /** Words of learning-point and section titles: never taken for a person's name. */
  knownWords: ReadonlySet<string>;
  /** Reflections already saved on this learning point, newest first. */
  saved: readonly Reflection[];
  /** One sentence about this registration year (informative). */
  countsText: string;
  /** The log of all reflections. */
  logHref?: string;
  /** Editing a saved reflection: its fields fill the form and Save replaces it. */
  existing?: Reflection;
  onSave: (r: Reflection) => Promise<void>;
  now?: () => number;
}

type FieldKey = 'activity' | 'learned' | 'applies' | 'differently';
const FIELD_LABELS: Record<FieldKey, string> = {
  activity: 'The activity',
  learned: 'What I learned',
  applies: 'How it applies to my practice',
  differently: 'What I will do differently',
};

export function ReflectPage(p: ReflectPageProps): JSX.Element {
  const { point } = p;
  return (
    <main class="reflect" aria-labelledby="reflect-title">
      <h1 id="reflect-title">{p.existing ? 'Edit a reflection' : 'Reflect on a learning point'}</h1>
      {point ? (
        <ReflectForm {...p} point={point} />
      ) : (
        <p role="alert">
          The library has no learning point “{p.requestedId}”. Open the learning library and choose “Reflect on this” on a learning point.
        </p>
      )}
    </main>
  );
}

function ReflectForm(p: ReflectPageProps & { point: ReflectPoint }): JSX.Element {
  const { point } = p;
  const now = p.now ?? Date.now;
  const ex = p.existing;
  const [date, setDate] = useState(ex?.date ?? p.today);
  const [text, setText] = useState<Record<FieldKey, string>>({
    activity: ex?.activity ?? `Met the learning point “${point.title}” while recording.`,
    learned: ex?.learned ?? '',
    applies: ex?.applies ?? '',
    differently: ex?.differently ?? '',
  });
  const [role, setRole] = useState<DiscussionRole | ''>(ex?.discussion?.role ?? '');
  const [discussedOn, setDiscussedOn] = useState(ex?.discussion?.date ?? p.today);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const id = useRef<string | null>(ex?.id ?? null);
  const created = useRef<number>(ex?.created ?? 0);
  const first = useRef<HTMLTextAreaElement>(null);
  // the page opens ready to write: "What I learned" has focus
  useEffect(() => first.current?.focus(), []);

  const findings = useMemo(() => {
    const out: { field: FieldKey; kinds: string[] }[] = [];
    for (const k of Object.keys(FIELD_LABELS) as FieldKey[]) {
      const f = findIdentifying(text[k], { knownWords: p.knownWords });
      if (f.length) out.push({ field: k, kinds: [...new Set(f.map((x) => KIND_LABEL[x.kind]))] });
    }
    return out;
  }, [text, p.knownWords]);
  const warning = findings.length
    ? `${describeFindings(findings.flatMap((f) => findIdentifying(text[f.field], { knownWords: p.knownWords })))} Look at: ${findings.map((f) => FIELD_LABELS[f.field]).join(', ')}.`
    : '';

  const set = (k: FieldKey) => (e: Event) => {
    const v = (e.currentTarget as HTMLTextAreaElement).value;
    setText((t) => ({ ...t, [k]: v }));
    setStatus('');
  };

  async function save(e: Event): Promise<void> {
    e.preventDefault();
    setProblem('');
    if (!hasWriting(text)) {
      setProblem('Write something in at least one of “What I learned”, “How it applies to my practice” or “What I will do differently” before saving.');
      document.getElementById('f-learned')?.focus();
      return;
    }
    const t = now();
    if (!id.current) {
      id.current = newReflectionId(t);
      created.current = t;
    }
    const r: Reflection = {
      id: id.current,
      learningPointId: point.id,
      date,
      activity: text.activity.trim(),
      learned: text.learned.trim(),
      applies: text.applies.trim(),
      differently: text.differently.trim(),
      ...(role ? { discussion: { role, date: discussedOn } } : {}),
      created: created.current,
      updated: t,
    };
    try {
      await p.onSave(r);
      setStatus(`Saved on this computer only, ${longDate(date)}.`);
    } catch (err) {
      setProblem(`Not saved: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return (
    <>
      <section class="point" aria-labelledby="point-title">
        <h2 id="point-title">{point.title}</h2>
        <p class="where">
          {point.section}
          {point.page > 0 ? `, briefing page ${point.page}` : ''} · <a href={point.href}>Open in the learning library</a>
        </p>
        {point.questions.length > 0 && (
          <>
            <h3>Questions to reflect on</h3>
            <ul class="questions">
              {point.questions.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <p class="privacy" id="privacy-note">
        <strong>Do not include names or identifying details</strong> of children, families or colleagues: no names, dates of birth, NHS
        numbers, addresses, phone numbers or case numbers. Reflections stay on this computer; they are never synced or sent.
      </p>

      <form class="reflect-form" onSubmit={(e) => void save(e)} aria-describedby="privacy-note">
        <div class="field">
          <label for="f-date">Date of the activity</label>
          <input id="f-date" type="date" value={date} required onInput={(e) => setDate(e.currentTarget.value || p.today)} />
        </div>
        <div class="field">
          <label for="f-activity">{FIELD_LABELS.activity}</label>
          <textarea id="f-activity" rows={2} value={text.activity} onInput={set('activity')} />
        </div>
        {(['learned', 'applies', 'differently'] as const).map((k, i) => (
          <div class="field" key={k}>
            <label for={`f-${k}`}>{FIELD_LABELS[k]}</label>
            <textarea id={`f-${k}`} rows={5} value={text[k]} onInput={set(k)} ref={i === 0 ? first : undefined} />
          </div>
        ))}
        <fieldset class="discussion">
          <legend>Peer or supervision discussion (role and date only, never a name)</legend>
          <div class="field">
            <label for="f-role">Discussed with</label>
            <select id="f-role" value={role} onChange={(e) => setRole(e.currentTarget.value as DiscussionRole | '')}>
              <option value="">Not yet discussed</option>
              {DISCUSSION_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r]}
                </option>
              ))}
            </select>
          </div>
          {role && (
            <div class="field">
              <label for="f-discussed">Date discussed</label>
              <input id="f-discussed" type="date" value={discussedOn} required onInput={(e) => setDiscussedOn(e.currentTarget.value || p.today)} />
            </div>
          )}
        </fieldset>

        <div class="warning" aria-live="polite" id="identifying-warning">
          {warning && <p>{warning}</p>}
        </div>
        {problem && (
          <p class="problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit">Save reflection</button>
        <p class="status" role="status">
          {status}
        </p>
      </form>

      <section aria-labelledby="saved-title" class="saved">
        <h2 id="saved-title">Your reflections on this learning point</h2>
        <p class="counts">{p.countsText}</p>
        {p.logHref && (
          <p>
            <a href={p.logHref}>All your reflections: filter, edit, export</a>
          </p>
        )}
        {p.saved.length === 0 ? (
          <p>None saved yet.</p>
        ) : (
          <ul class="saved-list">
            {p.saved.map((r) => (
              <li key={r.id}>
                <strong>{longDate(r.date)}</strong>
                {r.discussion ? ` · discussed with ${ROLE_LABEL[r.discussion.role].toLowerCase()} on ${longDate(r.discussion.date)}` : ''}
                <p class="excerpt">{r.learned || r.applies || r.differently}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
