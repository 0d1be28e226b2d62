/**
 * "Your prompt use": the worker's own counts per trigger and learning point (with the reasons given for
 * "not relevant"), what is and is not stored, "forget everything" (with a confirmation and an
 * announcement), and the count-file export (opt-in, previewed exactly before saving). Everything reads
 * and writes through `usage`, so tests pass a fake.
 */
import { triggerLabel } from '../../../core/prompt-sets/trigger-why.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { cellOf, EVENTS, REASONS, type Buckets, type Counts, type NotRelevantReason, type UsageEvent } from '../../../core/usage/counts.ts';
import type { UsagePlatform } from '../../../platform/usage-ui.ts';
import type { Download } from '../download.ts';
import { CountFilePreview } from './CountFilePreview.tsx';

export const EVENT_NAMES: Record<UsageEvent, string> = {
  shown: 'Shown',
  opened: 'Opened',
  reflected: 'Reflected on',
  dismissed: 'Dismissed',
  snoozed: 'Snoozed',
  notRelevant: 'Not relevant',
};
export const REASON_NAMES: Record<NotRelevantReason, string> = {
  notThisChild: 'Not about this child',
  alreadyConsidered: 'Already considered',
  wrongLearningPoint: 'Wrong learning point',
  tooOften: 'Too often',
};

export interface OwnRow {
  key: string;
  set: string;
  setVersion: string;
  trigger: string;
  point: string;
  counts: Counts;
}

/** Each cell's counts over every month, sorted by set, trigger and learning point. */
export function ownRows(months: Buckets): OwnRow[] {
  const sums = new Map<string, Counts>();
  for (const cells of Object.values(months))
    for (const [key, c] of Object.entries(cells)) {
      const into = { ...sums.get(key) };
      for (const [k, n] of Object.entries(c) as [keyof Counts, number][]) into[k] = (into[k] ?? 0) + n;
      sums.set(key, into);
    }
  return [...sums]
    .map(([key, counts]) => ({ key, ...cellOf(key), counts }))
    .sort((a, b) => a.set.localeCompare(b.set) || a.setVersion.localeCompare(b.setVersion) || a.trigger.localeCompare(b.trigger) || a.point.localeCompare(b.point));
}

export interface YourUseProps {
  usage: UsagePlatform;
  download: Download;
  /** A learning point's (or local prompt's) title. */
  titleOf(id: string): string;
  /** The organisation lets workers export their counts (also read from `usage.readPolicy`; both must allow it). */
  exportAllowed?: boolean;
  /** Counts are kept at all (also read from `usage.readPolicy`). */
  countsOn?: boolean;
  /** Today, for the file name (tests pass a fixed time). */
  now?: () => number;
}

export function YourUse({ usage, download, titleOf, exportAllowed = true, countsOn = true, now = Date.now }: YourUseProps) {
  const [months, setMonths] = useState<Buckets | null>(null);
  const [records, setRecords] = useState(0);
  const [policy, setPolicy] = useState({ counts: true, export: true });
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const yes = useRef<HTMLButtonElement>(null);
  const forget = useRef<HTMLButtonElement>(null);
  const load = async () => {
    try {
      setMonths(await usage.readCounts());
      setRecords(await usage.readRecordCount());
      setPolicy((await usage.readPolicy?.()) ?? { counts: true, export: true });
      setError('');
    } catch (e) {
      setError(`Your counts could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  useEffect(() => {
    void load();
    return usage.onChange(() => void load());
  }, [usage]);
  const asked = useRef(false);
  useEffect(() => {
    // into the question: its first answer; out of it: back to the button that asked
    if (confirming) yes.current?.focus();
    else if (asked.current) forget.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const canExport = exportAllowed && policy.export && policy.counts;
  const counting = countsOn && policy.counts;
  const rows = months ? ownRows(months) : [];
  const withReasons = rows.filter((r) => (r.counts.notRelevant ?? 0) > 0);
  const onForget = async () => {
    try {
      await usage.forgetEverything();
      setConfirming(false);
      setStatus('Everything was forgotten: your counts, and every record where a prompt was kept quiet.');
      await load();
    } catch (e) {
      setConfirming(false);
      setStatus(`Nothing was forgotten: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section aria-labelledby="h-your-use">
      <h2 id="h-your-use">Your prompt use</h2>
      <details>
        <summary>What is stored, and what is not</summary>
        <p>Stored in this browser only, never sent anywhere:</p>
        <ul>
          <li>
            for each trigger and learning point, how many times a prompt was shown, opened, reflected on, dismissed, snoozed or marked “not relevant”
            (and which reason you chose, if any): numbers per day, then per month after 12 months;
          </li>
          <li>
            for a case record where you dismissed a prompt or marked it not relevant, a scrambled key for that record (a keyed hash made with a secret
            kept in this browser), which prompts to keep quiet there, and when — forgotten after 90 days.
          </li>
        </ul>
        <p>
          Never stored: anything you type, page addresses, record ids or names. Honestly: record ids are short numbers, so someone holding your
          whole browser profile (the secret too) could test guesses against the scrambled keys. The secret never leaves this browser and is in
          no export.
        </p>
      </details>
      {!counting && <p class="locked">Your organisation has switched counting off, so no new counts are kept.</p>}
      {error && <p role="alert">{error}</p>}
      {months === null && !error ? (
        <p>Loading your counts…</p>
      ) : rows.length === 0 ? (
        <p>No counts yet: they appear here once prompts have been shown to you.</p>
      ) : (
        <>
          <div class="table-scroll" role="region" aria-labelledby="cap-your-counts" tabIndex={0}>
            <table>
              <caption id="cap-your-counts">Your counts per trigger and learning point</caption>
              <thead>
                <tr>
                  <th scope="col">Trigger</th>
                  <th scope="col">Learning point</th>
                  <th scope="col">Prompt set (version)</th>
                  {EVENTS.map((e) => (
                    <th key={e} scope="col">
                      {EVENT_NAMES[e]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{triggerLabel(r.trigger)}</th>
                    <td>{titleOf(r.point)}</td>
                    <td>
                      {r.set} ({r.setVersion})
                    </td>
                    {EVENTS.map((e) => (
                      <td key={e}>{r.counts[e] ?? 0}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {withReasons.length > 0 && (
            <div class="table-scroll" role="region" aria-labelledby="cap-your-reasons" tabIndex={0}>
              <table>
                <caption id="cap-your-reasons">Reasons you gave for “not relevant”</caption>
                <thead>
                  <tr>
                    <th scope="col">Trigger</th>
                    <th scope="col">Learning point</th>
                    {REASONS.map((r) => (
                      <th key={r} scope="col">
                        {REASON_NAMES[r]}
                      </th>
                    ))}
                    <th scope="col">No reason given</th>
                  </tr>
                </thead>
                <tbody>
                  {withReasons.map((r) => {
                    const given = REASONS.reduce((n, k) => n + (r.counts[k] ?? 0), 0);
                    return (
                      <tr key={r.key}>
                        <th scope="row">{triggerLabel(r.trigger)}</th>
                        <td>{titleOf(r.point)}</td>
                        {REASONS.map((k) => (
                          <td key={k}>{r.counts[k] ?? 0}</td>
                        ))}
                        <td>{Math.max(0, (r.counts.notRelevant ?? 0) - given)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <p class="muted">
        {records === 0 ? 'No records have prompts kept quiet on them.' : `Prompts are kept quiet on ${records} ${records === 1 ? 'record' : 'records'}.`}
      </p>
      {confirming ? (
        <div role="group" aria-labelledby="forget-q" class="confirm">
          <p id="forget-q">Forget all your counts and every record where a prompt is kept quiet? This cannot be undone.</p>
          <button type="button" ref={yes} onClick={() => void onForget()}>
            Yes, forget everything
          </button>
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              setStatus('Nothing was forgotten.');
            }}
          >
            Keep everything
          </button>
        </div>
      ) : (
        <button type="button" ref={forget} onClick={() => setConfirming(true)}>
          Forget everything
        </button>
      )}
      <p role="status">{status}</p>
      <h3>Export your counts</h3>
      {canExport ? (
        <CountFilePreview makeFile={() => usage.exportCounts()} download={download} now={now} />
      ) : (
        <p class="locked">Your organisation has switched off exporting counts.</p>
      )}
    </section>
  );
}
