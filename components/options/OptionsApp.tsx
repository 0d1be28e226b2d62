/**
 * Options page: noise settings, sites, built-in prompts, prompt sets (edit, import, export), and a
 * test bench. Props in, callbacks out: every read and write goes through `platform`, so tests pass
 * a fake. Every write is one whole, validated settings object (nothing saved half-way).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { OptionsPlatform } from '../../platform/options-platform.ts';
import type { Notice } from '../../platform/settings-store.ts';
import type { Effective, Kept, Settings } from '../../core/settings/settings.ts';
import { normaliseOrigin } from '../../core/settings/settings.ts';
import { compile, matchText, whyWords } from '../../core/matcher/index.ts';
import { LIMITS, type PromptSet } from '../../core/schema/prompt-set.ts';
import { learningPoints, widerMessages } from '../../content/library/index.ts';
import {
  canonicalJson,
  exportAll,
  exportFileName,
  exportSet,
  megabytes,
  utf8Length,
  type ExportFile,
  type ImportOptions,
  type ImportPreview,
} from '../../core/prompt-sets/io.ts';
import { sectionOf } from '../../content/library/catalogue.ts';
import { expandPhrases } from '../../core/schema/concepts.ts';
import { builtInSet, knownPromptIds, titleOf } from './catalogue.ts';
import { downloadText, type Download } from './download.ts';
import { ImportPanel, type ApplyOutcome } from './ImportPanel.tsx';
import { applyImport, undoImport } from './import-actions.ts';
import { LocalSets } from './LocalSets.tsx';
import type { UsagePlatform } from '../../platform/usage-ui.ts';
import { YourUse } from './usage/YourUse.tsx';
import { TeamReport } from './usage/TeamReport.tsx';
import { tuneHash, tuneRouteOf, type TuneRoute } from './usage/tune-route.ts';
import { recogniseRecord, type RecordPattern } from '../../core/usage/record.ts';
import { DEFAULT_EXPIRY_DAYS } from '../../core/usage/keys.ts';

/** The range the options page offers for `recordMemoryDays` (the settings schema itself allows up to 730). */
export const RECORD_DAYS_MIN = 1;
export const RECORD_DAYS_MAX = 365;

export interface OptionsAppProps {
  platform: OptionsPlatform;
  /** Saves a file on this machine (tests pass a fake to see the text). */
  download?: Download;
  /** The worker's own counts and the per-record memory ("Your prompt use"); absent: the section is not shown. */
  usage?: UsagePlatform;
  /** What the organisation allows: keeping counts, and exporting them (both on unless switched off). */
  usagePolicy?: { counts?: boolean; export?: boolean };
}

/** Follows `location.hash` for the tuning routes (`#edit/<set>/<trigger>`, `#bench/<set>/<trigger>`): a new key on every change. */
function useTuneRoute(): (TuneRoute & { key: number }) | null {
  const read = () => {
    const r = tuneRouteOf(location.hash);
    return r ? { ...r, key: Date.now() } : null;
  };
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

const ORG = ' — set by your organisation';

export function OptionsApp({ platform, download = downloadText, usage, usagePolicy = {} }: OptionsAppProps) {
  const route = useTuneRoute();
  const [eff, setEff] = useState<Effective | null>(null);
  const [user, setUser] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [kept, setKept] = useState<Kept | null>(null);
  const [canUndo, setCanUndo] = useState(false);
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [loadError, setLoadError] = useState('');
  const load = async () => {
    try {
      setUser(await platform.readSettings());
      setEff(await platform.readEffective());
      setNotice(await platform.readNotice());
      setKept((await platform.readKept?.()) ?? null);
      setCanUndo((await platform.readLastImport()) !== null);
    } catch (e) {
      setLoadError(`The settings could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  useEffect(() => {
    void load();
    return platform.onChange(() => void load());
  }, []);

  const reserved = useMemo(() => new Set([builtInSet.id, ...(eff?.managedSets ?? []).map((s) => s.id)]), [eff]);
  const benchSets = useMemo(() => (eff ? [builtInSet, ...eff.managedSets, ...eff.settings.localSets] : []), [eff]);
  if (loadError) return <p role="alert">{loadError}</p>;
  if (!eff || !user) return <p>Loading…</p>;
  const locked = new Set(eff.locked);
  const importOptions: ImportOptions = { locked: eff.locked, reservedSetIds: reserved };

  /** Apply `fn` to the freshest stored settings and write the result whole. Returns problems. */
  const update = async (fn: (s: Settings) => Settings, done = 'Saved.'): Promise<string[]> => {
    let errs: string[];
    try {
      errs = await platform.writeSettings(fn(await platform.readSettings()));
    } catch (e) {
      errs = [`The settings could not be saved: ${e instanceof Error ? e.message : String(e)}`];
    }
    setProblems(errs);
    setStatus(errs.length ? 'Not saved: please fix the problems below.' : done);
    if (!errs.length) await load();
    return errs;
  };

  const onApply = async (file: ExportFile, shown: ImportPreview): Promise<ApplyOutcome> => {
    const r = await applyImport(platform, file, shown, importOptions);
    if (r.applied) {
      setStatus('Import applied.');
      setProblems([]);
      await load();
    }
    return r.repreview ? { problems: r.problems, repreview: r.repreview } : { problems: r.problems };
  };

  const onUndo = async (): Promise<string[]> => {
    const errs = await undoImport(platform);
    if (!errs.length) {
      setStatus('Last import undone.');
      await load();
    }
    return errs;
  };

  const lockNote = (k: string) => (locked.has(k as never) ? <span class="locked">{ORG}</span> : null);
  const userDisabled = new Set(user.disabledPrompts);
  const effDisabled = new Set(eff.settings.disabledPrompts);
  return (
    <div class="options">
      <h1>Practice Prompts — settings and prompt sets</h1>
      <p class="muted">Everything here stays in this browser. Nothing you type in case notes is stored.</p>
      {notice && (
        <CorruptNotice
          notice={notice}
          onDownload={() => download('practice-prompts-old-settings.json', canonicalJson(notice.value ?? null))}
          onDismiss={async () => {
            await platform.clearNotice();
            setNotice(null);
          }}
        />
      )}
      {eff.policyProblems.length > 0 && (
        <section class="notice" aria-labelledby="h-policy">
          <h2 id="h-policy">Problems in your organisation's policy</h2>
          <p>These parts of the policy were not used; the rest of it applies. Please tell whoever manages this browser.</p>
          <ul class="problems">
            {eff.policyProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      )}
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
          <select
            disabled={locked.has('maxPrompts')}
            value={String(eff.settings.maxPrompts)}
            onChange={(e) => {
              const n = Number((e.target as HTMLSelectElement).value);
              void update((s) => ({ ...s, maxPrompts: n }));
            }}
          >
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
            onChange={(e) => {
              const n = Math.round(Number((e.target as HTMLInputElement).value));
              void update((s) => ({ ...s, cooldownMinutes: n }));
            }}
          />
        </label>
        <label>
          Where prompts appear{lockNote('surface')}{' '}
          <select
            disabled={locked.has('surface')}
            value={eff.settings.surface}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value as Settings['surface'];
              void update((s) => ({ ...s, surface: v }));
            }}
          >
            <option value="chip">In the page (a small chip at the edge)</option>
            <option value="panel">Side panel only</option>
            <option value="both">Both</option>
          </select>
        </label>
        <label>
          Keep a record's quiet prompts for (days){' '}
          <input
            type="number"
            min={RECORD_DAYS_MIN}
            max={RECORD_DAYS_MAX}
            step={1}
            aria-describedby="record-days-help"
            value={eff.settings.recordMemoryDays ?? DEFAULT_EXPIRY_DAYS}
            onChange={(e) => {
              const n = Number((e.target as HTMLInputElement).value);
              if (!Number.isInteger(n) || n < RECORD_DAYS_MIN || n > RECORD_DAYS_MAX) {
                setProblems([`Keep a record's quiet prompts for a whole number of days from ${RECORD_DAYS_MIN} to ${RECORD_DAYS_MAX}.`]);
                setStatus('Not saved: please fix the problems below.');
                return;
              }
              void update((s) => ({ ...s, recordMemoryDays: n }));
            }}
          />
        </label>
        <p id="record-days-help" class="muted">
          A prompt you dismiss or mark not relevant on one child's record stays quiet on that record for this many days (standard: {DEFAULT_EXPIRY_DAYS}).
        </p>
        {locked.has('pausedEverywhere') && (
          <p class="locked">
            Prompts are {eff.settings.pausedEverywhere ? 'paused' : 'on'} everywhere{ORG}.
          </p>
        )}
      </fieldset>
      <Sites eff={eff} user={user} locked={locked.has('sites')} update={update} requestAccess={platform.requestSiteAccess} />
      <h2>Built-in prompts</h2>
      <p class="muted">Switch off learning points that do not fit your service.{lockNote('disabledPrompts')}</p>
      <ul class="lp-toggles">
        {[...learningPoints.map((l) => l.id), ...widerMessages.map((w) => w.id)].map((id) => {
          const byOrg = locked.has('disabledPrompts') && effDisabled.has(id) && !userDisabled.has(id);
          return (
            <li key={id}>
              <label>
                <input
                  type="checkbox"
                  checked={!effDisabled.has(id)}
                  disabled={byOrg}
                  onChange={(e) => {
                    const on = (e.target as HTMLInputElement).checked;
                    void update((s) => {
                      const set = new Set(s.disabledPrompts);
                      if (on) set.delete(id);
                      else set.add(id);
                      return { ...s, disabledPrompts: [...set] };
                    });
                  }}
                />{' '}
                {titleOf(id)}
                {byOrg && <span class="locked"> — switched off{ORG}</span>}
              </label>
            </li>
          );
        })}
      </ul>
      {route && <TuneNotice route={route} sets={benchSets} localIds={locked.has('localSets') ? [] : eff.settings.localSets.map((s) => s.id)} />}
      <LocalSets
        openAt={route?.to === 'edit' ? route : null}
        localSets={eff.settings.localSets}
        keptSets={kept?.newerSets ?? []}
        managedSets={eff.managedSets}
        locked={locked.has('localSets')}
        knownIds={knownPromptIds}
        reservedIds={reserved}
        onSave={(originalId, set) =>
          update((s) => {
            const has = originalId !== null && s.localSets.some((x) => x.id === originalId);
            return { ...s, localSets: has ? s.localSets.map((x) => (x.id === originalId ? set : x)) : [...s.localSets, set] };
          }, `Saved “${set.name}”.`)
        }
        onDelete={(id) => update((s) => ({ ...s, localSets: s.localSets.filter((x) => x.id !== id) }), 'Prompt set deleted.')}
        onExport={(set) => download(exportFileName(set), exportSet(set))}
      />
      <ImportPanel
        user={user}
        knownIds={knownPromptIds}
        importOptions={importOptions}
        canUndo={canUndo}
        onApply={onApply}
        onUndo={onUndo}
        onExportAll={() => {
          const text = exportAll(user);
          download(exportFileName(null), text);
          if (utf8Length(text) > LIMITS.fileBytes) {
            setProblems([`This export is larger than ${megabytes(LIMITS.fileBytes)}, so it cannot be imported again in one go. Export the prompt sets one at a time as well.`]);
          }
        }}
      />
      <TestBench
        sets={benchSets}
        disabled={eff.settings.disabledPrompts}
        max={eff.settings.maxPrompts}
        prefill={route?.to === 'bench' ? route : null}
        usage={usage}
        recordDays={eff.settings.recordMemoryDays ?? DEFAULT_EXPIRY_DAYS}
      />
      {usage && (
        <YourUse
          usage={usage}
          download={download}
          titleOf={(id) => titleOf(id, eff.settings.localSets)}
          exportAllowed={usagePolicy.export !== false}
          countsOn={usagePolicy.counts !== false}
        />
      )}
      <TeamReport sets={benchSets} titleOf={(id) => titleOf(id, eff.settings.localSets)} />
    </div>
  );
}

function CorruptNotice({ notice, onDownload, onDismiss }: { notice: Notice; onDownload(): void; onDismiss(): Promise<void> }) {
  const when = Number.isFinite(notice.at) ? new Date(notice.at).toLocaleString('en-GB') : 'recently';
  return (
    <section class="notice" role="alert" aria-labelledby="h-corrupt">
      <h2 id="h-corrupt">Your saved settings could not be read</h2>
      <p>
        On {when} the saved settings could not be used ({String(notice.error)}), so Practice Prompts went back to its standard settings. The old
        settings were kept: you can download them to look at or to send to whoever supports you.
      </p>
      <button type="button" onClick={onDownload}>
        Download the old settings
      </button>
      <button type="button" onClick={() => void onDismiss()}>
        Dismiss
      </button>
    </section>
  );
}

function Sites({
  eff,
  user,
  locked,
  update,
  requestAccess,
}: {
  eff: Effective;
  user: Settings;
  locked: boolean;
  update(fn: (s: Settings) => Settings): Promise<string[]>;
  requestAccess?: (origin: string) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState('');
  const [err, setErr] = useState('');
  return (
    <>
      <h2>Sites</h2>
      <p class="muted">Prompts run only on these sites (and on local test pages). Adding a site here, or turning it on from the toolbar button, asks the browser for access to that site alone.</p>
      <ul>
        {eff.settings.sites.map((s) => (
          <li key={s}>
            {s}
            {locked && !user.sites.includes(s) ? <span class="locked">{ORG}</span> : ' '}
            {user.sites.includes(s) && (
              <button type="button" onClick={() => void update((x) => ({ ...x, sites: x.sites.filter((y) => y !== s) }))}>
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
          // the browser's own prompt, for this site alone (it needs this click)
          const asked = requestAccess?.(o) ?? Promise.resolve(true);
          void asked.then((granted) => {
            if (!granted) return setErr(`Access to ${o} was not granted, so prompts stay off there.`);
            setDraft('');
            void update((x) => ({ ...x, sites: [...new Set([...x.sites, o])] }));
          });
        }}
      >
        Add site
      </button>
      {err && <p role="alert">{err}</p>}
    </>
  );
}

/** What a tuning link did: the editor or bench opened on the trigger, or why the editor could not be. */
function TuneNotice({ route, sets, localIds }: { route: TuneRoute & { key: number }; sets: PromptSet[]; localIds: string[] }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const set = sets.find((s) => s.id === route.set);
  const found = !!set?.triggers.some((t) => t.id === route.trigger);
  const editable = localIds.includes(route.set) && found;
  useEffect(() => {
    // the editor and the bench take focus themselves; otherwise this explanation does
    if (!found || (route.to === 'edit' && !editable)) heading.current?.focus();
  }, [route.key]);
  const name = set ? `“${set.name}”` : `“${route.set}”`;
  return (
    <section class="notice" aria-labelledby="h-tune">
      <h2 id="h-tune" tabIndex={-1} ref={heading}>
        Tuning trigger {route.trigger}
      </h2>
      {!found ? (
        <p>
          There is no trigger {route.trigger} in a prompt set {name} on this browser: the count files may come from a set that is not installed
          here, or from an older version of it.
        </p>
      ) : route.to === 'bench' ? (
        <p>The test bench below is filled with the phrases of trigger {route.trigger} from {name}.</p>
      ) : editable ? (
        <p>The set editor below is open on trigger {route.trigger} of {name}.</p>
      ) : (
        <p>
          Trigger {route.trigger} is in {name}, which is {route.set === builtInSet.id ? 'built in' : 'set by your organisation'}, so it cannot be
          edited here. You can <a href={tuneHash('bench', route.set, route.trigger)}>try it in the test bench</a>, or switch off the learning points
          it leads to under Built-in prompts.
        </p>
      )}
    </section>
  );
}

/**
 * Sample text that fires a trigger: its first few phrases (concepts spelled out, quotes dropped), each
 * with one phrase of every "must also mention" list beside it.
 */
export function sampleFor(t: PromptSet['triggers'][number], concepts?: PromptSet['concepts']): string {
  const words = (list: readonly string[]) => expandPhrases(list, concepts).map((p) => p.replace(/"/g, ''));
  const also = (t.all ?? []).map((g) => words(g)[0]).filter((p): p is string => !!p);
  return `${words(t.any)
    .slice(0, 3)
    .map((p) => [p, ...also].join(' '))
    .join('. ')}.`;
}

function TestBench({
  sets,
  disabled,
  max,
  prefill,
  usage,
  recordDays,
}: {
  sets: PromptSet[];
  disabled: string[];
  max: number;
  prefill?: (TuneRoute & { key: number }) | null;
  usage?: UsagePlatform | undefined;
  recordDays: number;
}) {
  const [text, setText] = useState('');
  const [address, setAddress] = useState('');
  const [patterns, setPatterns] = useState<RecordPattern[]>([]);
  const [quiet, setQuiet] = useState<string[]>([]);
  const area = useRef<HTMLTextAreaElement>(null);
  const set = prefill ? sets.find((s) => s.id === prefill.set) : undefined;
  const trigger = prefill ? set?.triggers.find((t) => t.id === prefill.trigger) : undefined;
  useEffect(() => {
    if (!trigger) return;
    setText(sampleFor(trigger, set?.concepts));
    area.current?.scrollIntoView?.({ block: 'center' });
    area.current?.focus();
  }, [prefill?.key, !!trigger]);
  const index = useMemo(() => compile(sets, { disabled: new Set(disabled) }), [sets, disabled]);
  const results = useMemo(() => matchText(index, text, {}, { maxPrompts: max }), [index, text, max]);
  // what the set's phrases raise that the second reading holds back (the note as a whole does not read like its section)
  const heldBack = useMemo(() => {
    if (!index.readings.length) return [];
    const shown = new Set(results.map((r) => r.id));
    return matchText(index, text, {}, { maxPrompts: max, reading: () => null }).filter((r) => !shown.has(r.id));
  }, [index, text, max, results]);
  const local = sets.slice(1);
  const addr = address.trim();
  const record = useMemo(() => (addr ? recogniseRecord(addr, patterns) : null), [addr, patterns]);
  useEffect(() => {
    if (!usage?.readRecordPatterns) return;
    const read = () => void usage.readRecordPatterns!().then(setPatterns, () => setPatterns([]));
    read();
    return usage.onChange(read);
  }, [usage]);
  useEffect(() => {
    setQuiet([]);
    if (!record || !usage?.quietOnAddress) return;
    let live = true;
    const read = () =>
      void usage.quietOnAddress!(addr, recordDays).then(
        (ids) => live && setQuiet(ids),
        () => live && setQuiet([]),
      );
    read();
    const off = usage.onChange(read);
    return () => {
      live = false;
      off();
    };
  }, [usage, !!record, addr, recordDays]);
  const quietShown = results.filter((r) => quiet.includes(r.id));
  return (
    <section aria-labelledby="h-bench">
      <h2 id="h-bench">Test bench</h2>
      <p class="muted">Paste sample text (not real case notes) to see which prompts would appear and why. Uses the same engine as the page; nothing is stored.</p>
      <label>
        Sample text
        <textarea ref={area} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      </label>
      <ol class="bench-result" aria-live="polite" aria-label="Prompts that would appear">
        {results.map((r) => (
          <li key={r.id}>
            <strong>{titleOf(r.id, local)}</strong> — {sectionOf(r.id)?.title ?? 'Local prompt'}
            {r.gentle ? ' (softened: mentioned as not a concern)' : ''}
            {r.read ? ' (raised by the second reading: the sample as a whole reads like this section)' : ''}. {r.read ? (r.spans.length ? `Words that count most: ${whyWords(text, r.spans).join(', ')}` : '') : `Why: ${whyWords(text, r.spans).join(', ')}`}
          </li>
        ))}
      </ol>
      {text && results.length === 0 && <p>No prompts would appear for this text.</p>}
      {heldBack.length > 0 && (
        <div aria-live="polite">
          <p>Raised by the phrases but held back, because the sample as a whole does not read like their section (the second reading):</p>
          <ul aria-label="Prompts held back by the second reading">
            {heldBack.map((r) => (
              <li key={r.id}>
                <strong>{titleOf(r.id, local)}</strong> — {sectionOf(r.id)?.title ?? 'Local prompt'}. Words: {whyWords(text, r.spans).join(', ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      <label>
        Page address (optional){' '}
        <input
          type="url"
          value={address}
          aria-describedby="bench-record-help"
          onInput={(e) => setAddress((e.target as HTMLInputElement).value)}
          placeholder="https://lcs.example.gov.uk/person/12345"
        />
      </label>
      <p id="bench-record-help" class="muted">
        Try an address to see whether it shows a child's record, and so whether prompts dismissed there would stay quiet there.
      </p>
      <div aria-live="polite" class="bench-record">
        {addr &&
          (record ? (
            <>
              <p>
                This address shows record {record.id} on {record.origin} ({patterns.length ? "your organisation's record patterns" : 'the standard record patterns'}
                ). A prompt dismissed or marked not relevant on this record stays quiet on it for {recordDays} days, and still appears on other records.
              </p>
              {usage?.quietOnAddress &&
                text &&
                (quietShown.length ? (
                  <>
                    <p>Of the prompts above, these are quiet on this record now:</p>
                    <ul aria-label="Prompts quiet on this record">
                      {quietShown.map((r) => (
                        <li key={r.id}>{titleOf(r.id, local)}</li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p>None of the prompts above is quiet on this record now.</p>
                ))}
            </>
          ) : (
            <p>This address does not show a record that Practice Prompts recognises, so dismissing a prompt there does not keep it quiet on any record.</p>
          ))}
      </div>
    </section>
  );
}
