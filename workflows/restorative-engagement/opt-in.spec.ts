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
            // The class member's own deadline, not a service standard: no warnings, counted in no on-time rate.
            warnings: [],
            standard: false,
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

  // Seed 000: "you must send a written request … within 30 days": the class member's deadline, not the program's service standard.
  it('records the window as no service standard: it warns no one and counts in no on-time rate', () => {
    const outcome = given().when(writtenRequest()).run();
    const started = outcome.events.find((e) => e.type === 'ClockStarted')!;
    expect(started.data).toMatchObject({ clock: 'optInWindow', standard: false, warnings: [] });
    expect(outcome.state.clocks.optInWindow).toMatchObject({ status: 'met', standard: false });
  });

  it('accepts a request received late on the last day of the window', () =>
    given()
      .when(writtenRequest({ receivedAt: '2026-03-04T23:30:00-05:00' }), { now: '2026-03-06T14:00:00Z' })
      .thenState('optInReceived'));

  it('refuses a request received the day after the window closed, not said to be sent earlier, naming the days in both languages', () => {
    const error = given()
      .when(writtenRequest({ receivedAt: '2026-03-05T00:00:30-05:00' }), { now: '2026-03-06T14:00:00Z' })
      .error();
    expect(error.code).toBe('RE.OPT_IN_WINDOW_CLOSED');
    expect(error.kind).toBe('rule');
    expect(error.params).toEqual({ claimDecisionDate: '2026-02-02', lastDay: '2026-03-04', receivedOn: '2026-03-05' });
    expect(error.messageIn('en')).toBe(
      'A written request to join the Restorative Engagement program must be sent to the claims administrator within 30 days of the initial claim decision (2026-02-02). ' +
        'The window closed at the end of 2026-03-04; this request was received on 2026-03-05. ' +
        'If it was sent earlier, give the day it was sent. ' +
        'If the decision letter reached the class member after 2026-02-02, give that day: the window counts from it.',
    );
    expect(error.messageIn('fr')).toBe(
      'Une demande écrite de participation au programme d’engagement réparateur doit être envoyée à l’administrateur des réclamations dans les 30 jours suivant la décision initiale sur la réclamation (2026-02-02). ' +
        'Le délai a pris fin à la fin de la journée du 2026-03-04\u00a0; cette demande a été reçue le 2026-03-05. ' +
        'Si elle a été envoyée plus tôt, indiquez le jour de son envoi. ' +
        'Si la lettre de décision est parvenue au membre du groupe après le 2026-02-02, indiquez ce jour\u00a0: le délai court à partir de celui-ci.',
    );
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

  describe('a request is on time if it was sent within 30 days of the decision, or of receiving its letter if later', () => {
    it('accepts a request mailed on day 29 and received on day 31: the window is met the day it was sent', () =>
      given()
        .when(writtenRequest({ requestSentOn: '2026-03-03', receivedAt: '2026-03-05T11:00:00-05:00' }), { now: '2026-03-06T14:00:00Z' })
        .thenEvents([
          {
            type: 'OptInReceived',
            data: {
              region: 'ON',
              channel: 'writtenRequest',
              receivedAt: '2026-03-05T11:00:00-05:00',
              claimDecisionDate: '2026-02-02',
              requestSentOn: '2026-03-03',
              optInWindowLastDay: '2026-03-04',
              classMember: { subjectId: 'id-1', name: 'Sam', pseudonym: true, contact: 'sam.re@example.org' },
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
              startedAt: '2026-02-02T05:00:00.000Z',
              dueAt: '2026-03-05T04:59:59.999Z',
              warnings: [],
              standard: false,
            },
          },
          // By the end of the day it was sent, Ottawa time: the day is all that is known.
          { type: 'ClockMet', data: { clock: 'optInWindow', at: '2026-03-04T04:59:59.999Z', onTime: true } },
        ]));

    it('accepts a request received on day 35 from a class member whose decision letter arrived 12 days after the decision', () =>
      given()
        .when(writtenRequest({ decisionLetterReceivedOn: '2026-02-14', receivedAt: '2026-03-09T10:00:00-04:00' }), { now: '2026-03-10T14:00:00Z' })
        .thenEvents([
          {
            type: 'OptInReceived',
            data: {
              region: 'ON',
              channel: 'writtenRequest',
              receivedAt: '2026-03-09T10:00:00-04:00',
              claimDecisionDate: '2026-02-02',
              decisionLetterReceivedOn: '2026-02-14',
              optInWindowLastDay: '2026-03-16',
              classMember: { subjectId: 'id-1', name: 'Sam', pseudonym: true, contact: 'sam.re@example.org' },
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
              // From the day the letter was received to the end of its 30th day, Ottawa time (daylight time by then).
              startedAt: '2026-02-14T05:00:00.000Z',
              dueAt: '2026-03-17T03:59:59.999Z',
              warnings: [],
              standard: false,
            },
          },
          { type: 'ClockMet', data: { clock: 'optInWindow', at: '2026-03-09T14:00:00.000Z', onTime: true } },
        ]));

    it('counts from the decision when the letter was received the same day', () => {
      const outcome = given().when(writtenRequest({ decisionLetterReceivedOn: '2026-02-02' })).run();
      expect(outcome.events[0]?.data).toMatchObject({ decisionLetterReceivedOn: '2026-02-02', optInWindowLastDay: '2026-03-04' });
      expect(outcome.state.clocks.optInWindow).toMatchObject({ startedAt: '2026-02-02T05:00:00.000Z', status: 'met', onTime: true });
    });

    it('refuses a request sent after the window counted from the letter, naming every day it used', () => {
      const error = given()
        .when(
          writtenRequest({ decisionLetterReceivedOn: '2026-02-14', requestSentOn: '2026-03-17', receivedAt: '2026-03-18T09:00:00-04:00' }),
          { now: '2026-03-20T14:00:00Z' },
        )
        .error();
      expect(error.code).toBe('RE.OPT_IN_WINDOW_CLOSED');
      expect(error.params).toEqual({
        claimDecisionDate: '2026-02-02',
        decisionLetterReceivedOn: '2026-02-14',
        lastDay: '2026-03-16',
        requestSentOn: '2026-03-17',
        receivedOn: '2026-03-18',
      });
      expect(error.messageIn('en')).toBe(
        'A written request to join the Restorative Engagement program must be sent to the claims administrator within 30 days of the day the class member received the initial claim decision letter (2026-02-14; the decision is dated 2026-02-02). ' +
          'The window closed at the end of 2026-03-16; this request was sent on 2026-03-17 and received on 2026-03-18.',
      );
      expect(error.messageIn('fr')).toBe(
        'Une demande écrite de participation au programme d’engagement réparateur doit être envoyée à l’administrateur des réclamations dans les 30 jours suivant la réception, par le membre du groupe, de la lettre de décision initiale sur la réclamation (reçue le 2026-02-14, décision datée du 2026-02-02). ' +
          'Le délai a pris fin à la fin de la journée du 2026-03-16\u00a0; cette demande a été envoyée le 2026-03-17 et reçue le 2026-03-18.',
      );
    });

    it('accepts a request sent on the last day however late it arrives, and refuses one sent the day after', () => {
      const late = { receivedAt: '2026-04-03T09:00:00-04:00' };
      given().when(writtenRequest({ ...late, requestSentOn: '2026-03-04' }), { now: '2026-04-06T14:00:00Z' }).thenState('optInReceived');
      given().when(writtenRequest({ ...late, requestSentOn: '2026-03-05' }), { now: '2026-04-06T14:00:00Z' }).thenThrows('RE.OPT_IN_WINDOW_CLOSED');
    });

    it('refuses a day sent or a letter received later than today', () =>
      given()
        .when(writtenRequest({ requestSentOn: '2026-03-03', decisionLetterReceivedOn: '2026-03-03' }))
        .thenBreaks('RE.TIME_IN_FUTURE', 'RE.TIME_IN_FUTURE'));

    it('refuses a request sent after the claims administrator received it', () => {
      const error = given().when(writtenRequest({ requestSentOn: '2026-02-21' })).error();
      expect(error.code).toBe('RE.REQUEST_SENT_AFTER_RECEIPT');
      expect(error.params).toEqual({ requestSentOn: '2026-02-21', receivedOn: '2026-02-20' });
    });

    it('refuses a decision letter received before the decision', () => {
      const error = given().when(writtenRequest({ decisionLetterReceivedOn: '2026-02-01' })).error();
      expect(error.code).toBe('RE.DECISION_LETTER_BEFORE_DECISION');
      expect(error.params).toEqual({ decisionLetterReceivedOn: '2026-02-01', claimDecisionDate: '2026-02-02' });
    });

    it('names every date out of order at once', () =>
      given()
        .when(writtenRequest({ requestSentOn: '2026-02-21', decisionLetterReceivedOn: '2026-02-01' }))
        .thenBreaks('RE.REQUEST_SENT_AFTER_RECEIPT', 'RE.DECISION_LETTER_BEFORE_DECISION'));

    it('still folds an opt-in recorded before either day was', () => {
      const outcome = given(optInReceived()).when({ type: 'ConfirmParticipation', data: { officialLanguage: 'en' } }).run();
      expect(outcome.stateName).toBe('awaitingPractitioner');
    });
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

  describe('no written request was received before the program was launched, on 2021-11-15 (seed 000)', () => {
    const atLaunch = { receivedAt: '2021-11-15T09:00:00-05:00', claimDecisionDate: '2021-11-01' };

    it('refuses one received the day before, beside its date, in either language', () => {
      const error = given()
        .when(writtenRequest({ ...atLaunch, receivedAt: '2021-11-14T23:30:00-05:00' }))
        .error();
      expect(error.code).toBe('RE.BEFORE_PROGRAM_LAUNCH');
      expect(error.kind).toBe('rule');
      expect(error.messageIn('en')).toBe(
        'A written request to join the Restorative Engagement program cannot have been received on 2021-11-14T23:30:00-05:00: the program was launched on 2021-11-15. Check the date it was received.',
      );
      expect(error.messageIn('fr')).toBe(
        'Une demande écrite de participation au programme d’engagement réparateur ne peut pas avoir été reçue le 2021-11-14T23:30:00-05:00\u00a0: le programme a été lancé le 2021-11-15. Vérifiez la date de réception.',
      );
      expect(error.detailsIn('en')).toEqual({ issues: [{ path: 'data.receivedAt', message: '2021-11-14T23:30:00-05:00 is before the Restorative Engagement program was launched (2021-11-15).' }] });
      expect(error.detailsIn('fr')).toEqual({ issues: [{ path: 'data.receivedAt', message: '2021-11-14T23:30:00-05:00 précède le lancement du programme d’engagement réparateur (2021-11-15).' }] });
    });

    it('judges the day in the case’s region, and accepts one received on the day of the launch', () => {
      // 23:30 in Vancouver on 14 November is already the 15th in Ottawa.
      const late = writtenRequest({ ...atLaunch, receivedAt: '2021-11-15T07:30:00Z' });
      given().when({ ...late, data: { ...late.data, region: 'BC' } }).thenThrows('RE.BEFORE_PROGRAM_LAUNCH');
      given().when(late).thenState('optInReceived');
      given().when(writtenRequest(atLaunch)).thenState('optInReceived');
    });

    it('refuses a year typed wrong', () =>
      given()
        .when(writtenRequest({ receivedAt: '1901-10-30T10:00:00-04:00', claimDecisionDate: '1901-10-20' }))
        .thenThrows('RE.BEFORE_PROGRAM_LAUNCH'));

    it('accepts a claim form received before the launch: at launch the program contacted class members who had said so on theirs', () =>
      given()
        .when({
          type: 'ReceiveOptIn',
          data: { channel: 'claimForm', receivedAt: '2020-06-01T10:00:00-04:00', classMember: { subjectId: 'cm-7', claimReference: 'CLM-0042' } },
        })
        .thenState('optInReceived'));
  });

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
