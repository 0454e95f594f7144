import type { Figure, Section } from './figures';
import type { Machine } from './machine';

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

const amount = (value: number, unit: string) => `${formatNumber(value)} ${unit}`;

function ratioCell(figure: Figure): string {
  if (figure.ratio === undefined) return '';
  const ratio = `${(figure.ratio * 100).toFixed(0)}%`;
  if (!figure.target) return ratio;
  return `${ratio} ${figure.target.met ? 'ok' : 'MISSED'} (target ${(figure.target.ratio * 100).toFixed(0)}%)`;
}

function table(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

/** The report as a reader scans it: one table per section, Mend next to its baseline and the ratio. */
export function formatReport(profile: string, machine: Machine, sections: readonly Section[]): string {
  const lines = [
    `Mend benchmarks (${profile}) — ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.os}, files in ${machine.tmpdir}, load average ${machine.loadAverage} at start`,
    '',
  ];
  for (const section of sections) {
    lines.push(`## ${section.title}`);
    const rows = [['', 'Mend (median)', 'baseline (median)', 'Mend / baseline']];
    for (const figure of section.figures) {
      rows.push([
        figure.label,
        amount(figure.mend.value, figure.unit),
        figure.baseline ? `${amount(figure.baseline.value, figure.unit)}  ${figure.baseline.label}` : '',
        ratioCell(figure),
      ]);
    }
    lines.push(table(rows));
    for (const note of section.notes) lines.push(`  - ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}
