import { businessDaysLeft, formatInstant } from '../shared/business-days';
import type { ClockView } from '../shared/types';

function timeLeft(clock: ClockView, now: Date): string {
  if (clock.status !== 'running') return '—';
  const days = businessDaysLeft(now, new Date(clock.dueAt));
  if (clock.basis === 'calendar') {
    const calendarDays = Math.round((new Date(clock.dueAt).getTime() - now.getTime()) / 86_400_000);
    return calendarDays >= 0 ? `${calendarDays} calendar days` : `${-calendarDays} calendar days overdue`;
  }
  return days >= 0 ? `≈ ${days} business days` : `≈ ${-days} business days overdue`;
}

/** A case's clocks with the time left; business days are estimated here from the due time. */
export function Clocks({ clocks, now = new Date() }: { clocks: readonly ClockView[]; now?: Date }) {
  if (clocks.length === 0) return <p>No clocks.</p>;
  return (
    <table class="clocks">
      <caption>
        <span class="visually-hidden">Clocks</span>
        <span class="hint">
          Time left is approximate: counted here from the due time over weekdays, without the holidays the server's calendar also
          skips.
        </span>
      </caption>
      <thead>
        <tr>
          <th scope="col">Clock</th>
          <th scope="col">Status</th>
          <th scope="col">Due</th>
          <th scope="col">Time left (approx.)</th>
        </tr>
      </thead>
      <tbody>
        {clocks.map((clock) => (
          <tr key={clock.clock} class={`clock-${clock.status}${clock.warnedThresholds.length ? ' warned' : ''}`}>
            <th scope="row">{clock.name}</th>
            <td>
              {clock.status}
              {clock.warnedThresholds.length ? ` (warned at ${clock.warnedThresholds.map((t) => `${Math.round(t * 100)}%`).join(', ')})` : ''}
              {clock.onTime === false ? ' (late)' : ''}
            </td>
            <td>{formatInstant(clock.dueAt)}</td>
            <td>{timeLeft(clock, now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
