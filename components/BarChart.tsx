/** A simple, accessible horizontal bar chart (SVG with a text alternative and a data table beside it). */
export interface Bar {
  label: string;
  value: number;
}

export function BarChart({ title, bars, unit = '' }: { title: string; bars: Bar[]; unit?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowH = 22;
  const labelW = 260;
  const width = 560;
  const height = bars.length * rowH + 8;
  const summary = bars.map((b) => `${b.label}: ${b.value}${unit}`).join('; ');
  return (
    <figure class="chart">
      <svg role="img" aria-label={`${title}. ${summary}`} viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {bars.map((b, i) => {
          const w = ((width - labelW - 50) * b.value) / max;
          const y = 4 + i * rowH;
          return (
            <g key={b.label}>
              <text x={labelW - 6} y={y + 14} text-anchor="end" font-size="11">
                {b.label.length > 42 ? b.label.slice(0, 40) + '…' : b.label}
              </text>
              <rect x={labelW} y={y + 3} width={Math.max(w, 1)} height={rowH - 8} rx="2" class="bar" />
              <text x={labelW + w + 4} y={y + 14} font-size="11">
                {b.value}
                {unit}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
