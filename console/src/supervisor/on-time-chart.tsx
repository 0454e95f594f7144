import { useI18n } from '../i18n/i18n';

/** One bar per group: the share of clocks met on time among those met or breached. */
export interface Bar {
  readonly label: string;
  readonly rate: number | null;
  readonly settled: number;
}

const WIDTH = 340;
const BAR = 18;
/** A group's name stands on its own line above its bar: workflow titles are too long to sit beside it. */
const LABEL = 19;
const GAP = 10;
/** Room for the figure after the bar: "100 %" in French, with its space. */
const VALUE = 60;

/** A small horizontal bar chart in SVG, with the figures also written out for screen readers. */
export function OnTimeChart({ id, bars, title }: { id: string; bars: readonly Bar[]; title: string }) {
  const { t, percent } = useI18n();
  const row = LABEL + BAR + GAP;
  const height = bars.length * row;
  const full = WIDTH - VALUE;
  return (
    <figure class="chart">
      <figcaption id={id}>{title}</figcaption>
      <svg role="img" aria-labelledby={id} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height}>
        <title>{bars.map((b) => `${b.label}${t.colon}${b.rate === null ? t.nothingSettled : t.onTimeRate(percent(b.rate))}`).join(t.semicolon)}</title>
        {bars.map((bar, i) => {
          const y = i * row + LABEL;
          const width = bar.rate === null ? 0 : Math.max(2, bar.rate * full);
          return (
            <g key={bar.label}>
              <text x={0} y={y - 5} class="chart-label">
                {bar.label}
              </text>
              <rect x={0} y={y} width={full} height={BAR} class="chart-track" />
              <rect x={0} y={y} width={width} height={BAR} class={bar.rate !== null && bar.rate < 0.8 ? 'chart-bar low' : 'chart-bar'} />
              <text x={full + 6} y={y + BAR * 0.8} class="chart-value">
                {bar.rate === null ? t.notApplicable : percent(bar.rate)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
