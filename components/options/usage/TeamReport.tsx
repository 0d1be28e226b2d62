/**
 * The manager's team report: import many workers' count files (or a folder of them), merge them (each
 * bad, duplicate or newer-version file named with its error; the rest still merge), and show the
 * report as tables and charts: the noisiest triggers, the prompts opened most, the learning points
 * never shown, and trends by month. Small numbers are suppressed as core/usage/counts.ts does: nothing
 * but an explanation until MIN_WORKERS workers' files are in, and every number under 5 shows as "<5".
 * Each noisy trigger links to the set editor and the test bench for that trigger.
 */
import { isEditableTrigger, triggerLabel } from '../../../core/prompt-sets/trigger-why.ts';
import { useMemo, useState } from 'preact/hooks';
import type { PromptSet } from '../../../core/schema/prompt-set.ts';
import {
  EVENTS,
  MIN_WORKERS,
  REASONS,
  cellOf,
  mergeCountFiles,
  teamReport,
  type ImportProblem,
  type Merged,
} from '../../../core/usage/counts.ts';
import { BarChart } from '../../BarChart.tsx';
import { EVENT_NAMES, REASON_NAMES } from './YourUse.tsx';
import { tuneHash } from './tune-route.ts';

/** A count file is small; anything far larger is not one (refused before it is read). */
export const MAX_COUNT_FILE_BYTES = 5_000_000;

export interface TeamReportProps {
  /** The prompt sets this browser knows: their learning points are what "never shown" looks for. */
  sets: readonly PromptSet[];
  titleOf(id: string): string;
}

interface Loaded {
  name: string;
  text: string;
}

/** The learning points the sets in the files lead to (all known sets' when none of them is known here). */
export function pointsOf(sets: readonly PromptSet[], merged: Pick<Merged, 'months'>): string[] {
  const inFiles = new Set<string>();
  for (const cells of Object.values(merged.months)) for (const key of Object.keys(cells)) inFiles.add(cellOf(key).set);
  const known = sets.filter((s) => inFiles.has(s.id));
  return [...new Set((known.length ? known : sets).flatMap((s) => s.triggers.flatMap((t) => t.leadsTo)))];
}

const numberOr = (s: string): number | null => (/^\d+$/.test(s) ? Number(s) : null);

export function TeamReport({ sets, titleOf }: TeamReportProps) {
  const [files, setFiles] = useState<Loaded[]>([]);
  const [refused, setRefused] = useState<ImportProblem[]>([]);
  const [status, setStatus] = useState('');
  const merged = useMemo(() => (files.length ? mergeCountFiles(files) : null), [files]);
  const report = useMemo(() => (merged ? teamReport(merged, pointsOf(sets, merged)) : null), [merged, sets]);
  const setName = (id: string) => sets.find((s) => s.id === id)?.name ?? id;

  const add = async (input: HTMLInputElement, folder: boolean) => {
    const chosen = Array.from(input.files ?? []);
    input.value = '';
    if (!chosen.length) return;
    const got: Loaded[] = [];
    const bad: ImportProblem[] = [];
    for (const f of chosen) {
      const name = (folder && f.webkitRelativePath) || f.name;
      if (folder && !/\.json$/i.test(f.name)) {
        bad.push({ name, error: `${name} was skipped: not a .json file` });
        continue;
      }
      if (f.size > MAX_COUNT_FILE_BYTES) {
        bad.push({ name, error: `${name} is larger than 5 MB: not a count file` });
        continue;
      }
      try {
        got.push({ name, text: await f.text() });
      } catch {
        bad.push({ name, error: `${name} could not be read` });
      }
    }
    setFiles((had) => [...had, ...got]);
    setRefused((had) => [...had, ...bad]);
    setStatus(`${chosen.length} ${chosen.length === 1 ? 'file' : 'files'} added.`);
  };

  const problems = [...refused, ...(report?.problems ?? [])];
  return (
    <section aria-labelledby="h-team">
      <h2 id="h-team">Team report</h2>
      <p class="muted">
        For whoever looks after the prompt sets: add the count files your team exported, to see which prompts are noise. The files are read here,
        in this browser, and are not kept: the report goes when you leave the page. It needs files from at least {MIN_WORKERS} workers, and
        every number under 5 is shown as “&lt;5”, so that no worker can be singled out.
      </p>
      <label>
        Count files{' '}
        <input type="file" multiple accept=".json,application/json" onChange={(e) => void add(e.currentTarget, false)} />
      </label>
      <label>
        Or a folder of count files{' '}
        <input type="file" {...{ webkitdirectory: '' }} onChange={(e) => void add(e.currentTarget, true)} />
      </label>
      {files.length + refused.length > 0 && (
        <button
          type="button"
          onClick={() => {
            setFiles([]);
            setRefused([]);
            setStatus('The files were cleared.');
          }}
        >
          Clear the files
        </button>
      )}
      <p role="status">{status}</p>
      {problems.length > 0 && (
        <div role="alert">
          <p>
            {problems.length} {problems.length === 1 ? 'file was' : 'files were'} not used (the others are in the report):
          </p>
          <ul class="problems" aria-label="Files not used">
            {problems.map((p, i) => (
              <li key={`${i}-${p.name}`}>{p.error}</li>
            ))}
          </ul>
        </div>
      )}
      {report && !report.ready && (
        <p class="notice" id="team-not-ready">
          Nothing is shown yet: the files come from {report.workers} {report.workers === 1 ? 'worker' : 'workers'}, and a team report needs files
          from at least {report.needed} different workers, so that no one worker’s use can be picked out. Add more files to see the report.
        </p>
      )}
      {report?.ready && (
        <>
          <p>
            A report from {report.workers} workers’ files. Numbers under 5 are shown as “&lt;5”; rows that draw on only one or two workers are left
            out.
          </p>

          <h3 id="h-noisy">Noisiest triggers</h3>
          <p class="muted">The triggers most often marked “not relevant” for the times they were shown.</p>
          {report.noisiest.length === 0 ? (
            <p>No trigger has enough “not relevant” presses to rank.</p>
          ) : (
            <>
              <BarChart
                id="chart-noisy"
                title="Noisiest triggers: share of showings marked not relevant"
                measure="Percentage of the times each trigger's prompt was shown that it was marked not relevant."
                categories={report.noisiest.map((t) => `${triggerLabel(t.trigger)} → ${titleOf(t.point)}`)}
                series={[{ name: 'Not relevant', values: report.noisiest.map((t) => Math.round(t.share * 100)) }]}
                unit="%"
              />
              <div class="table-scroll" role="region" aria-labelledby="cap-noisy" tabIndex={0}>
                <table>
                  <caption id="cap-noisy">Noisiest triggers, noisiest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Rank</th>
                      <th scope="col">Trigger</th>
                      <th scope="col">Learning point</th>
                      <th scope="col">Shown</th>
                      <th scope="col">Not relevant</th>
                      <th scope="col">Share</th>
                      {REASONS.map((r) => (
                        <th key={r} scope="col">
                          {REASON_NAMES[r]}
                        </th>
                      ))}
                      <th scope="col">Tune</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.noisiest.map((t, i) => (
                      <tr key={`${t.set}/${t.setVersion}/${t.trigger}/${t.point}`}>
                        <td>{i + 1}</td>
                        <th scope="row">
                          {triggerLabel(t.trigger)}
                          <span class="muted">
                            {' '}
                            ({setName(t.set)}, version {t.setVersion})
                          </span>
                        </th>
                        <td>{titleOf(t.point)}</td>
                        <td>{t.shown}</td>
                        <td>{t.notRelevant}</td>
                        <td>{Math.round(t.share * 100)}%</td>
                        {REASONS.map((r) => (
                          <td key={r}>{t.reasons[r]}</td>
                        ))}
                        <td>
                          {isEditableTrigger(t.trigger) && (
                            <>
                              <a class="tune" href={tuneHash('edit', t.set, t.trigger)}>
                                Edit<span class="sr"> trigger {t.trigger}</span>
                              </a>{' '}
                              <a class="tune" href={tuneHash('bench', t.set, t.trigger)}>
                                Test<span class="sr"> trigger {t.trigger}</span>
                              </a>
                            </>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}

          <h3>Prompts opened most</h3>
          {report.mostOpened.length === 0 ? (
            <p>No prompt was opened often enough to rank.</p>
          ) : (
            <>
              <BarChart
                id="chart-opened"
                title="Prompts opened most"
                measure="Times each prompt was opened, over all the files."
                categories={report.mostOpened.map((o) => `${titleOf(o.point)} (${triggerLabel(o.trigger)})`)}
                series={[{ name: 'Opened', values: report.mostOpened.map((o) => numberOr(o.opened)), labels: report.mostOpened.map((o) => o.opened) }]}
              />
              <div class="table-scroll" role="region" aria-labelledby="cap-opened" tabIndex={0}>
                <table>
                  <caption id="cap-opened">Prompts opened most, most first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Rank</th>
                      <th scope="col">Learning point</th>
                      <th scope="col">Trigger</th>
                      <th scope="col">Opened</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.mostOpened.map((o, i) => (
                      <tr key={`${o.set}/${o.setVersion}/${o.trigger}/${o.point}`}>
                        <td>{i + 1}</td>
                        <th scope="row">{titleOf(o.point)}</th>
                        <td>
                          {triggerLabel(o.trigger)} <span class="muted">({setName(o.set)})</span>
                        </td>
                        <td>{o.opened}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}

          <h3>Learning points never shown</h3>
          {report.neverShown.length === 0 ? (
            <p>Every learning point in these prompt sets was shown at least once.</p>
          ) : (
            <>
              <p class="muted">
                {report.neverShown.length} learning {report.neverShown.length === 1 ? 'point was' : 'points were'} never shown to anyone on the team: their
                triggers may be too narrow, or the topic may not come up.
              </p>
              <ul aria-label="Learning points never shown" class="never-shown">
                {report.neverShown.map((p) => (
                  <li key={p}>
                    {titleOf(p)} <span class="muted">({p})</span>
                  </li>
                ))}
              </ul>
            </>
          )}

          <h3>Trends by month</h3>
          <BarChart
            id="chart-trends"
            title="Prompts shown, opened and marked not relevant, by month"
            measure="Totals over all the files for each month."
            categories={report.trends.map((m) => m.month)}
            series={(['shown', 'opened', 'notRelevant'] as const).map((e) => ({
              name: EVENT_NAMES[e],
              values: report.trends.map((m) => numberOr(m.counts[e])),
              labels: report.trends.map((m) => m.counts[e]),
            }))}
          />
          <div class="table-scroll" role="region" aria-labelledby="cap-trends" tabIndex={0}>
            <table>
              <caption id="cap-trends">Trends by month</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  {EVENTS.map((e) => (
                    <th key={e} scope="col">
                      {EVENT_NAMES[e]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.trends.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{m.month}</th>
                    {EVENTS.map((e) => (
                      <td key={e}>{m.counts[e]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
