import { specFor } from '../../test/support/workflow-spec';
import { restorativeEngagementWorkflow } from './index';
import { engagementScheduled, engaging } from './spec-history';

const { given } = specFor(restorativeEngagementWorkflow);

// The spec's now is 2026-03-02T14:00Z (09:00 in Ontario): the planning horizon is the same instant in 2028.
describe('restorative engagement: an engagement scheduled years ahead is a mistyped year', () => {
  const schedule = (scheduledFor: string, data: Record<string, unknown> = {}) => ({
    type: 'ScheduleEngagement',
    data: { option: 'engagementSession', delivery: 'virtual', setting: 'individual', scheduledFor, ...data },
  });

  it('refuses an engagement more than two years ahead, beside its date, in either language', () => {
    const refused = given(...engaging).when(schedule('2028-03-03T09:00:00-05:00'));
    refused.thenThrows('RE.TOO_FAR_AHEAD', {
      issues: [{ path: 'data.scheduledFor', message: '2028-03-03T09:00:00-05:00 is more than two years ahead; check the year.' }],
    });
    expect(refused.error().kind).toBe('rule');
    expect(refused.error().messageIn('en')).toBe('“Scheduled for”: 2028-03-03T09:00:00-05:00 is more than two years ahead; check the year.');
    expect(refused.error().messageIn('fr')).toBe('«\u00a0Date prévue\u00a0»\u00a0: 2028-03-03T09:00:00-05:00 est à plus de deux ans d’ici\u00a0; vérifiez l’année.');
    expect(refused.error().detailsIn('fr')).toEqual({ issues: [{ path: 'data.scheduledFor', message: '2028-03-03T09:00:00-05:00 est à plus de deux ans d’ici\u00a0; vérifiez l’année.' }] });
    given(...engaging, engagementScheduled('e-1')).when(schedule('2062-04-14T13:00:00-04:00')).thenThrows('RE.TOO_FAR_AHEAD', { issues: [{ path: 'data.scheduledFor' }] });
  });

  it('schedules one just under two years ahead, up to the same instant two years on', () => {
    expect(given(...engaging).when(schedule('2028-03-02T08:59:00-05:00', { engagementId: 's-1' })).run().events).toEqual([
      {
        type: 'EngagementScheduled',
        data: { engagementId: 's-1', option: 'engagementSession', delivery: 'virtual', setting: 'individual', scheduledFor: '2028-03-02T08:59:00-05:00', supportPersonAttending: false },
      },
    ]);
    given(...engaging).when(schedule('2028-03-02T14:00:00Z')).thenState('phase2.engaging');
    given(...engaging).when(schedule('2028-03-02T14:00:00.001Z')).thenThrows('RE.TOO_FAR_AHEAD');
  });

  it('is named with the other broken rules, all at once', () =>
    given(...engaging)
      .when(schedule('2062-04-14T13:00:00-04:00', { delivery: 'inPerson' }))
      .thenBreaks('RE.TOO_FAR_AHEAD', 'RE.OPTION_NOT_CHOSEN'));
});
