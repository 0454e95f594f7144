import { useI18n, type I18n } from '../i18n/i18n';
import { useBusinessDays } from '../shared/context';
import { daysLeft } from '../shared/case-table';
import { clockLabel, L } from '../shared/labels';
import type { ClockView, WorkflowInfo } from '../shared/types';
import { serviceNow } from '../shared/service-clock';

function timeLeft({ t }: I18n, clock: ClockView, now: Date, businessDays: ReturnType<typeof useBusinessDays>): string {
  if (clock.status !== 'running') return '—';
  if (clock.basis === 'calendar') {
    const calendarDays = Math.round((new Date(clock.dueAt).getTime() - now.getTime()) / 86_400_000);
    return calendarDays >= 0 ? t.calendarDays(calendarDays) : t.calendarDaysOverdue(-calendarDays);
  }
  return daysLeft(t, businessDays(now, new Date(clock.dueAt), clock.region));
}

/** A case's clocks with the time left; business days are estimated here from the due time, shown in the case's region's time zone. */
export function Clocks({ clocks, workflow, region, now = serviceNow() }: { clocks: readonly ClockView[]; workflow: WorkflowInfo | undefined; region?: string; now?: Date }) {
  const i18n = useI18n();
  const { t, instant, percent, clockStatus } = i18n;
  const businessDays = useBusinessDays();
  if (clocks.length === 0) return <p>{t.noClocks}</p>;
  return (
    <div class="table-scroll">
      <table class="clocks fold">
        <caption>
          <span class="visually-hidden">{t.clocks}</span>
          <span class="hint">{t.clocksApproximate}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.colClock}</th>
            <th scope="col">{t.colStatus}</th>
            <th scope="col">{t.colDue}</th>
            <th scope="col">{t.colTimeLeft}</th>
          </tr>
        </thead>
        <tbody>
          {clocks.map((clock) => (
            <tr key={clock.clock} class={`clock-${clock.status}${clock.warnedThresholds.length ? ' warned' : ''}`}>
              <th scope="row">
                <L label={clockLabel([workflow], clock.clock, clock.name)} />
              </th>
              <td data-label={t.colStatus}>
                {clockStatus(clock.status)}
                {clock.warnedThresholds.length ? t.warnedAt(clock.warnedThresholds.map(percent).join(', ')) : ''}
                {clock.onTime === false ? t.late : ''}
              </td>
              <td data-label={t.colDue}>{instant(clock.dueAt, region)}</td>
              <td data-label={t.colTimeLeft}>{timeLeft(i18n, clock, now, businessDays)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
