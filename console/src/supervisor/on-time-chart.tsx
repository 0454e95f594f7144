import { useI18n } from '../i18n/i18n';

/** One bar per group: the share of clocks met on time among those met or breached. */
export interface Bar {
  readonly label: string;
  readonly rate: number | null;
  readonly settled: number;
}

const WIDTH = 340;
const BAR = 22;
const LABEL = 110;

/** A small horizontal bar chart in SVG, with the figures also written out for screen readers. */
export function OnTimeChart({ id, bars, title }: { id: string; bars: readonly Bar[]; title: string }) {
  const { t, percent } = useI18n();
  const height = bars.length * (BAR + 8) + 8;
  return (
    <figure class="chart">
      <figcaption id={id}>{title}</figcaption>
      <svg role="img" aria-labelledby={id} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height}>
        <title>{bars.map((b) => `${b.label}${t.colon}${b.rate === null ? t.nothingSettled : t.onTimeRate(percent(b.rate))}`).join(t.semicolon)}</title>
        {bars.map((bar, i) => {
          const y = 8 + i * (BAR + 8);
          const full = WIDTH - LABEL - 50;
          const width = bar.rate === null ? 0 : Math.max(2, bar.rate * full);
          return (
            <g key={bar.label}>
              <text x={0} y={y + BAR * 0.7} class="chart-label">
                {bar.label}
              </text>
              <rect x={LABEL} y={y} width={full} height={BAR} class="chart-track" />
              <rect x={LABEL} y={y} width={width} height={BAR} class={bar.rate !== null && bar.rate < 0.8 ? 'chart-bar low' : 'chart-bar'} />
              <text x={LABEL + full + 6} y={y + BAR * 0.7} class="chart-value">
                {bar.rate === null ? t.notApplicable : percent(bar.rate)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
