import { specFor } from '../../test/support/workflow-spec';
import { restorativeEngagementWorkflow } from './index';
import { optInReceived } from './spec-history';

const { given } = specFor(restorativeEngagementWorkflow);

const writtenRequest = (data: Record<string, unknown> = {}) => ({
  type: 'ReceiveOptIn',
  data: {
    channel: 'writtenRequest',
    receivedAt: '2026-02-20T10:15:00-05:00',
    claimDecisionDate: '2026-02-02',
    classMember: { name: 'Sam', pseudonym: true, contact: 'sam.re@example.org' },
    ...data,
  },
});

describe('restorative engagement: receiving an opt-in', () => {
  it('opens the case on a written request within 30 days of the claim decision, with the window as a clock met at receipt', () =>
    given()
      .when(writtenRequest({ officialLanguage: 'fr' }))
      .thenEvents([
        {
          type: 'OptInReceived',
          data: {
            region: 'ON',
            channel: 'writtenRequest',
            receivedAt: '2026-02-20T10:15:00-05:00',
            claimDecisionDate: '2026-02-02',
            optInWindowLastDay: '2026-03-04',
            classMember: { subjectId: 'id-1', name: 'Sam', pseudonym: true, contact: 'sam.re@example.org' },
            officialLanguage: 'fr',
          },
        },
        {
          type: 'ClockStarted',
          data: {
            clock: 'optInWindow',
            name: 'Opt-in window',
            nameFr: 'Délai d’adhésion',
            basis: 'calendar',
            days: 30,
            region: 'ON',
            // From the start of the decision day to the end of its 30th day, Ottawa time.
            startedAt: '2026-02-02T05:00:00.000Z',
            dueAt: '2026-03-05T04:59:59.999Z',
            warnings: expect.any(Array),
          },
        },
        { type: 'ClockMet', data: { clock: 'optInWindow', at: '2026-02-20T15:15:00.000Z', onTime: true } },
      ]));

  it('leaves the case in optInReceived with the window met, waiting for the program to reach the class member', () => {
    const outcome = given().when(writtenRequest()).run();
    expect(outcome.stateName).toBe('optInReceived');
    expect(outcome.state.clocks.optInWindow).toMatchObject({ status: 'met', onTime: true });
    expect(outcome.allowedCommands).toEqual(['ConfirmParticipation', 'Withdraw']);
  });

  it('accepts a request received late on the last day of the window', () =>
    given()
      .when(writtenRequest({ receivedAt: '2026-03-04T23:30:00-05:00' }), { now: '2026-03-06T14:00:00Z' })
      .thenState('optInReceived'));

  it('refuses a request received the day after the window closed, naming its last day in both languages', () => {
    const error = given()
      .when(writtenRequest({ receivedAt: '2026-03-05T00:00:30-05:00' }), { now: '2026-03-06T14:00:00Z' })
      .error();
    expect(error.code).toBe('RE.OPT_IN_WINDOW_CLOSED');
    expect(error.kind).toBe('rule');
    expect(error.params).toEqual({ claimDecisionDate: '2026-02-02', lastDay: '2026-03-04', receivedOn: '2026-03-05' });
    expect(error.messageIn('en')).toContain('closed at the end of 2026-03-04');
    expect(error.messageIn('fr')).toContain('2026-03-04');
  });

  it("counts the window's last day in the case's region", () => {
    // 23:30 in Vancouver on the last day is already the next day in Ottawa.
    const late = writtenRequest({ receivedAt: '2026-03-05T07:30:00Z' });
    given().when({ ...late, data: { ...late.data, region: 'BC' } }, { now: '2026-03-06T14:00:00Z' }).thenState('optInReceived');
    given().when(late, { now: '2026-03-06T14:00:00Z' }).thenThrows('RE.OPT_IN_WINDOW_CLOSED');
  });

  it('accepts a request that arrives before the claim decision, starting the window clock at receipt', () => {
    const outcome = given()
      .when(writtenRequest({ receivedAt: '2026-01-30T09:00:00-05:00', claimDecisionDate: '2026-02-02' }))
      .run();
    expect(outcome.state.clocks.optInWindow).toMatchObject({ startedAt: '2026-01-30T14:00:00.000Z', status: 'met', onTime: true });
  });

  it('needs no window when interest was indicated on the claim form', () =>
    given()
      .when({
        type: 'ReceiveOptIn',
        data: {
          channel: 'claimForm',
          receivedAt: '2026-02-20T10:15:00-05:00',
          claimDecisionDate: '2025-06-02',
          classMember: { subjectId: 'cm-7', claimReference: 'CLM-0042' },
        },
      })
      .thenEvents([
        {
          type: 'OptInReceived',
          data: {
            region: 'ON',
            channel: 'claimForm',
            receivedAt: '2026-02-20T10:15:00-05:00',
            claimDecisionDate: '2025-06-02',
            classMember: { subjectId: 'cm-7', pseudonym: false, claimReference: 'CLM-0042' },
          },
        },
      ]));

  it('registers a class member by pseudonym only', () => {
    const outcome = given().when(writtenRequest({ classMember: { name: 'Robin', pseudonym: true } })).run();
    expect(outcome.events[0]?.data).toMatchObject({ classMember: { subjectId: 'id-1', name: 'Robin', pseudonym: true } });
  });

  it('requires the claim decision date of a written request, naming the field', () => {
    const { claimDecisionDate: _omitted, ...data } = writtenRequest().data;
    const error = given().when({ type: 'ReceiveOptIn', data }).error();
    expect(error.code).toBe('VALIDATION.INVALID_INPUT');
    expect(error.message).toContain('data.claimDecisionDate');
  });

  it('rejects unknown fields, naming them', () => {
    const error = given().when(writtenRequest({ experience: 'what happened to me' })).error();
    expect(error.code).toBe('VALIDATION.INVALID_INPUT');
    expect(error.message).toContain('data.experience: unknown field');
  });

  it('refuses a receipt later than now', () =>
    given()
      .when(writtenRequest({ receivedAt: '2026-03-03T09:00:00-05:00' }))
      .thenThrows('RE.TIME_IN_FUTURE'));

  it('refuses a claim decision dated after today', () =>
    given()
      .when(writtenRequest({ claimDecisionDate: '2026-03-10' }))
      .thenThrows('RE.TIME_IN_FUTURE'));

  it('reports a receipt and a claim decision both later than now at once', () =>
    given()
      .when(writtenRequest({ receivedAt: '2026-03-03T09:00:00-05:00', claimDecisionDate: '2026-03-10' }))
      .thenBreaks('RE.TIME_IN_FUTURE', 'RE.TIME_IN_FUTURE'));

  it('opens a case only once', () =>
    given(optInReceived())
      .when(writtenRequest())
      .thenThrows('COMMAND.NOT_ALLOWED', { allowedCommands: ['ConfirmParticipation', 'Withdraw'] }));

  it('opens with ReceiveOptIn only', () =>
    given()
      .when({ type: 'ConfirmParticipation', data: { officialLanguage: 'en' } })
      .thenThrows('COMMAND.NOT_OPENING'));
});

describe('restorative engagement: confirming participation', () => {
  it('records the decision to take part and the official language, then waits for a practitioner', () => {
    const outcome = given(optInReceived())
      .when({ type: 'ConfirmParticipation', data: { officialLanguage: 'fr' } })
      .run();
    expect(outcome.events).toEqual([
      { type: 'ParticipationConfirmed', data: { confirmedAt: '2026-03-02T14:00:00.000Z', officialLanguage: 'fr' } },
    ]);
    expect(outcome.stateName).toBe('awaitingPractitioner');
    expect(outcome.allowedCommands).toEqual(['AssignPractitioner', 'Withdraw']);
    expect(restorativeEngagementWorkflow.summarize(outcome.state).details.officialLanguage).toBe('fr');
  });

  it('refuses a confirmation dated in the future', () =>
    given(optInReceived())
      .when({ type: 'ConfirmParticipation', data: { officialLanguage: 'en', confirmedAt: '2026-03-02T15:00:00Z' } })
      .thenThrows('RE.TIME_IN_FUTURE'));
});
