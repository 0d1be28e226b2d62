/** Options page: noise settings, sites, built-in prompts, and a test bench. Props in, callbacks out. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { OptionsPlatform } from '../../platform/options-platform.ts';
import type { Effective, Settings } from '../../core/settings/settings.ts';
import { normaliseOrigin } from '../../core/settings/settings.ts';
import { compile, matchText } from '../../core/matcher/index.ts';
import type { PromptSet } from '../../core/schema/prompt-set.ts';
import defaultSet from '../../content/prompt-sets/default.json';
import { learningPoints, sections, widerMessages } from '../../content/library/index.ts';

const builtIn = defaultSet as PromptSet;
const titleOf = (id: string) => learningPoints.find((l) => l.id === id)?.title ?? widerMessages.find((w) => w.id === id)?.title ?? id;
const sectionOf = (id: string) => {
  const lp = learningPoints.find((l) => l.id === id);
  const sid = lp ? lp.section : widerMessages.some((w) => w.id === id) ? 'system' : '';
  return sections.find((s) => s.id === sid)?.title ?? 'Local prompt';
};

export function OptionsApp({ platform }: { platform: OptionsPlatform }) {
  const [eff, setEff] = useState<Effective | null>(null);
  const [user, setUser] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const load = async () => {
    setUser(await platform.readSettings());
    setEff(await platform.readEffective());
  };
  useEffect(() => {
    void load();
    return platform.onChange(() => void load());
  }, []);
  if (!eff || !user) return <p>Loading…</p>;
  const locked = new Set(eff.locked);
  const save = async (next: Settings) => {
    const errs = await platform.writeSettings(next);
    setProblems(errs);
    setStatus(errs.length ? 'Not saved: please fix the problems below.' : 'Saved.');
    if (!errs.length) await load();
  };
  const lockNote = (k: string) => (locked.has(k as never) ? <span class="locked"> — set by your organisation</span> : null);
  return (
    <div class="options">
      <h1>Practice Prompts — settings and prompt sets</h1>
      <p class="muted">Everything here stays in this browser. Nothing you type in case notes is stored.</p>
      <p role="status">{status}</p>
      {problems.length > 0 && (
        <ul class="problems" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <h2>How prompts appear</h2>
      <fieldset>
        <legend>Noise</legend>
        <label>
          Most prompts shown at once{lockNote('maxPrompts')}{' '}
          <select disabled={locked.has('maxPrompts')} value={String(eff.settings.maxPrompts)} onChange={(e) => save({ ...user, maxPrompts: Number((e.target as HTMLSelectElement).value) })}>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          A dismissed prompt stays quiet on that page for (minutes){lockNote('cooldownMinutes')}{' '}
          <input
            type="number"
            min={0}
            max={1440}
            disabled={locked.has('cooldownMinutes')}
            value={eff.settings.cooldownMinutes}
            onChange={(e) => save({ ...user, cooldownMinutes: Math.round(Number((e.target as HTMLInputElement).value)) })}
          />
        </label>
        <label>
          Where prompts appear{lockNote('surface')}{' '}
          <select disabled={locked.has('surface')} value={eff.settings.surface} onChange={(e) => save({ ...user, surface: (e.target as HTMLSelectElement).value as Settings['surface'] })}>
            <option value="chip">In the page (a small chip at the edge)</option>
            <option value="panel">Side panel only</option>
            <option value="both">Both</option>
          </select>
        </label>
      </fieldset>
      <Sites eff={eff} user={user} locked={locked.has('sites')} save={save} />
      <h2>Built-in prompts</h2>
      <p class="muted">Switch off learning points that do not fit your service.{lockNote('disabledPrompts')}</p>
      <ul class="lp-toggles">
        {[...learningPoints.map((l) => l.id), ...widerMessages.map((w) => w.id)].map((id) => (
          <li key={id}>
            <label>
              <input
                type="checkbox"
                checked={!eff.settings.disabledPrompts.includes(id)}
                disabled={locked.has('disabledPrompts') && eff.settings.disabledPrompts.includes(id)}
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  const set = new Set(user.disabledPrompts);
                  if (on) set.delete(id);
                  else set.add(id);
                  void save({ ...user, disabledPrompts: [...set] });
                }}
              />{' '}
              {titleOf(id)}
            </label>
          </li>
        ))}
      </ul>
      <TestBench sets={[builtIn, ...eff.managedSets, ...eff.settings.localSets]} disabled={eff.settings.disabledPrompts} max={eff.settings.maxPrompts} />
    </div>
  );
}

function Sites({ eff, user, locked, save }: { eff: Effective; user: Settings; locked: boolean; save(s: Settings): Promise<void> }) {
  const [draft, setDraft] = useState('');
  const [err, setErr] = useState('');
  return (
    <>
      <h2>Sites</h2>
      <p class="muted">Prompts run only on these sites (and on local test pages). Turning a site on from the toolbar button asks the browser for access to that site alone.</p>
      <ul>
        {eff.settings.sites.map((s) => (
          <li key={s}>
            {s}
            {locked && !user.sites.includes(s) ? <span class="locked"> — set by your organisation</span> : ' '}
            {user.sites.includes(s) && (
              <button type="button" onClick={() => save({ ...user, sites: user.sites.filter((x) => x !== s) })}>
                Remove<span class="sr"> {s}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      <label>
        Add a site (address){' '}
        <input value={draft} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} placeholder="https://lcs.example.gov.uk" />
      </label>
      <button
        type="button"
        onClick={() => {
          const o = normaliseOrigin(draft.trim());
          if (!o) return setErr('That is not a web address, e.g. https://lcs.example.gov.uk');
          setErr('');
          setDraft('');
          void save({ ...user, sites: [...new Set([...user.sites, o])] });
        }}
      >
        Add site
      </button>
      {err && <p role="alert">{err}</p>}
    </>
  );
}

function TestBench({ sets, disabled, max }: { sets: PromptSet[]; disabled: string[]; max: number }) {
  const [text, setText] = useState('');
  const index = useMemo(() => compile(sets, { disabled: new Set(disabled) }), [sets, disabled]);
  const results = useMemo(() => matchText(index, text, {}, { maxPrompts: max }), [index, text, max]);
  return (
    <section aria-labelledby="h-bench">
      <h2 id="h-bench">Test bench</h2>
      <p class="muted">Paste sample text (not real case notes) to see which prompts would appear and why. Uses the same engine as the page; nothing is stored.</p>
      <label>
        Sample text
        <textarea value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      </label>
      <ol class="bench-result" aria-live="polite" aria-label="Prompts that would appear">
        {results.map((r) => (
          <li key={r.id}>
            <strong>{titleOf(r.id)}</strong> — {sectionOf(r.id)}
            {r.gentle ? ' (softened: mentioned as not a concern)' : ''}. Why: {[...new Set(r.spans.map((s) => text.slice(s.start, s.end)))].join(', ')}
          </li>
        ))}
      </ol>
      {text && results.length === 0 && <p>No prompts would appear for this text.</p>}
    </section>
  );
}
