/**
 * Accessible horizontal bar charts drawn as SVG.
 *
 * Each chart is an `<svg role="img">` named by its `<title>` and described by a `<desc>` that lists every
 * value in words, so a screen reader gets the whole chart as text; the data table beside it carries the
 * same numbers. Colour is never the only cue: every bar is labelled with its value and series.
 * Text only: strings become text nodes, never markup.
 */

/** One series of values, one per category (null: no figure, e.g. "-" or "n/a" in the briefing). */
export interface Series {
  name: string;
  values: (number | null)[];
  /** Text shown beside each bar (defaults to the value and unit). */
  labels?: (string | null)[];
}

export interface BarChartProps {
  /** Unique id prefix for the title and description ids. */
  id: string;
  title: string;
  categories: string[];
  series: Series[];
  /** "grouped": one bar per series per category; "stacked": one bar per category, split by series. */
  mode?: 'grouped' | 'stacked';
  unit?: string;
  /** Text shown at the end of each stacked bar (defaults to the sum). */
  totals?: (string | null)[];
  /** One sentence on what is measured, e.g. "Percentage of fatal SCRs in each period." */
  measure?: string;
}

const LABEL_W = 250;
const WIDTH = 600;
const VALUE_W = 70;
const BAR_H = 13;
const GAP = 10;

const fmt = (v: number | null, unit: string) => (v === null ? 'no figure' : `${v}${unit}`);

/** Wrap a label into at most three lines of about `max` characters. */
export function wrapLabel(label: string, max = 38): string[] {
  const words = label.split(/\s+/);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && (cur + ' ' + w).length > max) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? cur + ' ' + w : w;
  }
  if (cur) lines.push(cur);
  if (lines.length > 3) return [...lines.slice(0, 2), lines.slice(2).join(' ').slice(0, max - 1) + '…'];
  return lines;
}

/** The text alternative: every category with every series value, in words. */
export function describeChart(p: BarChartProps): string {
  const unit = p.unit ?? '';
  const parts = p.categories.map((c, i) => {
    const vals = p.series.map((s) => {
      const label = s.labels?.[i] ?? fmt(s.values[i] ?? null, unit);
      return p.series.length > 1 ? `${s.name} ${label}` : label;
    });
    const total = p.mode === 'stacked' ? ` (total ${p.totals?.[i] ?? fmt(sumAt(p.series, i), unit)})` : '';
    return `${c}: ${vals.join(', ')}${total}`;
  });
  return `${p.measure ? p.measure + ' ' : ''}${parts.join('; ')}.`;
}

const sumAt = (series: Series[], i: number) => series.reduce((a, s) => a + (s.values[i] ?? 0), 0);

export function BarChart(props: BarChartProps) {
  const { id, title, categories, series, mode = 'grouped', unit = '' } = props;
  const stacked = mode === 'stacked';
  const perCat = stacked ? 1 : series.length;
  const max = Math.max(1, ...(stacked ? categories.map((_, i) => sumAt(series, i)) : series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const scale = (v: number) => (plotW * v) / max;
  const blockH = (n: number) => Math.max(n * (BAR_H + 2), 16 * n) + GAP;
  let y = 4;
  const rows = categories.map((c, i) => {
    const lines = wrapLabel(c);
    const h = Math.max(blockH(perCat), lines.length * 13 + GAP);
    const top = y;
    y += h;
    return { c, i, lines, top, h };
  });
  const height = y + 4;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <figure class="chart">
      {series.length > 1 && (
        <ul class="legend" aria-hidden="true">
          {series.map((s, k) => (
            <li key={s.name}>
              <span class={`swatch s${k}`} />
              {s.name}
            </li>
          ))}
        </ul>
      )}
      <svg role="img" aria-labelledby={titleId} aria-describedby={descId} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet" focusable="false">
        <title id={titleId}>{title}</title>
        <desc id={descId}>{describeChart(props)}</desc>
        {rows.map(({ c, i, lines, top, h }) => (
          <g key={c} aria-hidden="true">
            {lines.map((l, j) => (
              <text key={j} x={LABEL_W - 8} y={top + h / 2 - ((lines.length - 1) * 13) / 2 + j * 13} dominant-baseline="middle" text-anchor="end" font-size="11">
                {l}
              </text>
            ))}
            {stacked ? (
              <StackedBar series={series} i={i} y={top + (h - GAP) / 2 - BAR_H / 2} scale={scale} total={props.totals?.[i] ?? fmt(sumAt(series, i), unit)} />
            ) : (
              series.map((s, k) => {
                const v = s.values[i] ?? null;
                const by = top + (h - GAP - perCat * (BAR_H + 2)) / 2 + k * (BAR_H + 2);
                const w = v === null ? 0 : scale(v);
                return (
                  <g key={s.name}>
                    {v !== null && <rect x={LABEL_W} y={by} width={Math.max(w, 1)} height={BAR_H} rx="1.5" class={`bar s${k}`} />}
                    <text x={LABEL_W + w + 4} y={by + BAR_H / 2} dominant-baseline="middle" font-size="10">
                      {s.labels?.[i] ?? (v === null ? '–' : `${v}${unit}`)}
                    </text>
                  </g>
                );
              })
            )}
          </g>
        ))}
        <line x1={LABEL_W} x2={LABEL_W} y1={0} y2={height - 4} class="axis" />
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

function StackedBar({ series, i, y, scale, total }: { series: Series[]; i: number; y: number; scale: (v: number) => number; total: string }) {
  let x = LABEL_W;
  const segs = series.map((s, k) => {
    const v = s.values[i] ?? 0;
    const w = scale(v);
    const seg = { k, x, w, v };
    x += w;
    return seg;
  });
  return (
    <g>
      {segs.map((s) => (s.w > 0 ? <rect key={s.k} x={s.x} y={y} width={s.w} height={BAR_H} class={`bar s${s.k}`} /> : null))}
      {segs.map((s) =>
        s.w >= 16 ? (
          <text key={`t${s.k}`} x={s.x + s.w / 2} y={y + BAR_H / 2} dominant-baseline="middle" text-anchor="middle" font-size="9" class="seg-label">
            {s.v}
          </text>
        ) : null,
      )}
      <text x={x + 4} y={y + BAR_H / 2} dominant-baseline="middle" font-size="10">
        {total}
      </text>
    </g>
  );
}
