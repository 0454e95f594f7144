import { DEFAULT_SETTINGS, type MendSettings } from '../../domain/settings';
import { specFor } from '../../test/support/workflow-spec';
import { CLIENT_ID, coordinatorAssigned, firstContactMade, OPTED_IN_AT, optedIn, TUESDAY_MORNING } from './support-coordination.fixtures';
import { supportCoordinationWorkflow } from './index';

const { given } = specFor(supportCoordinationWorkflow);
const coordinator = (now: string) => ({ now, actor: { id: 'practitioner-1', role: 'practitioner' } as const });
const contact = (data: Record<string, unknown> = {}) => ({ type: 'RecordFirstContact', data: { method: 'phone', ...data } });
const assignedIn = (timeZone: 'America/Halifax' | 'America/Toronto' | 'America/Vancouver', region?: string) => [
  ...optedIn(),
  coordinatorAssigned('practitioner-1', timeZone, region),
];
const LATER = '2026-07-31T15:00:00Z';

describe('support coordination: RecordFirstContact', () => {
  it('records the coordinator’s first contact on their wall clock and meets the first-contact clock on time', () => {
    given(...assignedIn('America/Vancouver'))
      .when(contact({ notes: 'Introduced the program.' }), coordinator(TUESDAY_MORNING))
      .thenEvents([
        {
          type: 'FirstContactMade',
          data: {
            contactedAt: TUESDAY_MORNING,
            localTime: '2026-03-03T07:00',
            timeZone: 'America/Vancouver',
            coordinatorId: 'practitioner-1',
            method: 'phone',
            clientId: CLIENT_ID,
            notes: 'Introduced the program.',
          },
        },
        { type: 'ClockMet', data: { clock: 'firstContact', at: TUESDAY_MORNING, onTime: true } },
      ]);
  });

  it('starts the client’s support', () => {
    given(...assignedIn('America/Vancouver')).when(contact(), coordinator(TUESDAY_MORNING)).thenState('active');
  });

  it('records a contact made earlier at the time it was made, and judges the clock at that time', () => {
    const { events } = given(...assignedIn('America/Toronto'))
      .when(contact({ contactedAt: '2026-03-04T16:30:00-05:00' }), coordinator('2026-03-05T15:00:00Z'))
      .run();
    expect(events[1]).toEqual({ type: 'ClockMet', data: { clock: 'firstContact', at: '2026-03-04T21:30:00.000Z', onTime: true } });
  });

  it('records a late first contact as late, after the breach the scheduler had not recorded yet', () => {
    const { events } = given(...assignedIn('America/Toronto')).when(contact(), coordinator('2026-03-05T15:00:00Z')).run();
    expect(events.slice(1)).toEqual([
      { type: 'ClockBreached', data: { clock: 'firstContact', at: '2026-03-04T22:00:00.000Z' } },
      { type: 'ClockMet', data: { clock: 'firstContact', at: '2026-03-05T15:00:00.000Z', onTime: false } },
    ]);
  });

  it('refuses a contact time later than now or before the opt-in', () => {
    const future = given(...assignedIn('America/Toronto')).when(contact({ contactedAt: '2026-03-03T10:00:01-05:00' }), coordinator(TUESDAY_MORNING)).error();
    expect(future.code).toBe('RSC.TIME_IN_FUTURE');
    // The field as the form labels it, and the time as it was given: not a field name and the server's clock in UTC.
    expect(future.messageIn('en')).toBe('“Contacted at”: 2026-03-03T10:00:01-05:00 is in the future; record only what has already happened.');
    expect(future.messageIn('fr')).toBe('«\u00a0Date du contact\u00a0»\u00a0: 2026-03-03T10:00:01-05:00 est dans le futur\u00a0; consignez seulement ce qui s’est déjà produit.');
    // Beside the field, which a form names already: not named again.
    expect(future.detailsIn('en')).toEqual({ issues: [{ path: 'data.contactedAt', message: '2026-03-03T10:00:01-05:00 is in the future; record only what has already happened.' }] });
    expect(future.detailsIn('fr')).toEqual({ issues: [{ path: 'data.contactedAt', message: '2026-03-03T10:00:01-05:00 est dans le futur\u00a0; consignez seulement ce qui s’est déjà produit.' }] });
    given(...assignedIn('America/Toronto')).when(contact({ contactedAt: '2026-03-02T13:59:00Z' }), coordinator(TUESDAY_MORNING)).thenThrows('RSC.CONTACT_BEFORE_OPT_IN');
  });

  it('refuses a contact time later than now, outside business hours as well', () =>
    given(...assignedIn('America/Toronto'))
      .when(contact({ contactedAt: '2026-03-03T23:30:00Z' }), coordinator(TUESDAY_MORNING))
      .thenBreaks('RSC.TIME_IN_FUTURE'));

  it('is for the assigned coordinator, once one is assigned', () => {
    expect(supportCoordinationWorkflow.commands.find((c) => c.type === 'RecordFirstContact')?.grants).toEqual({ practitioner: 'assigned' });
    given(...optedIn()).when(contact(), coordinator(TUESDAY_MORNING)).thenThrows('COMMAND.NOT_ALLOWED');
  });

  it('is made once', () => {
    given(...assignedIn('America/Vancouver'), ...firstContactMade()).when(contact(), coordinator(TUESDAY_MORNING)).thenThrows('COMMAND.NOT_ALLOWED');
  });
});

describe('support coordination: the hours promised for first contact (weekdays, 7:00 to 17:00 in the coordinator’s time zone)', () => {
  /** What the recorded contact says of the hours: nothing within them, else why it was outside them (and the holiday, in both languages). */
  const outside = (timeZone: 'America/Halifax' | 'America/Toronto' | 'America/Vancouver', at: string, region?: string, now = LATER, settings?: MendSettings) => {
    const { events, stateName } = given(...assignedIn(timeZone, region))
      .when(contact({ contactedAt: at }), { ...coordinator(now), ...(settings ? { settings } : {}) })
      .run();
    expect(stateName).toBe('active');
    const { localTime, outsideBusinessHours, holiday, holidayFr } = events[0]!.data as { localTime: string; outsideBusinessHours?: string; holiday?: string; holidayFr?: string };
    return {
      localTime,
      ...(outsideBusinessHours !== undefined ? { outsideBusinessHours } : {}),
      ...(holiday !== undefined ? { holiday } : {}),
      ...(holidayFr !== undefined ? { holidayFr } : {}),
    };
  };

  it('judges the same instant on each coordinator’s own clock: 8:00 in Toronto is 5:00 in Vancouver and 9:00 in Halifax', () => {
    const at = '2026-03-03T13:00:00Z';
    expect(outside('America/Toronto', at)).toEqual({ localTime: '2026-03-03T08:00' });
    expect(outside('America/Halifax', at)).toEqual({ localTime: '2026-03-03T09:00' });
    expect(outside('America/Vancouver', at)).toEqual({ localTime: '2026-03-03T05:00', outsideBusinessHours: 'beforeHours' });
  });

  it('records a contact outside the hours as it happened, meeting the clock, and says why it was outside them', () => {
    const { events } = given(...assignedIn('America/Vancouver')).when(contact({ contactedAt: '2026-03-03T13:00:00Z' }), coordinator(LATER)).run();
    expect(events.map((e) => e.type)).toEqual(['FirstContactMade', 'ClockMet']);
    expect(events[0]!.data).toMatchObject({ contactedAt: '2026-03-03T13:00:00.000Z', localTime: '2026-03-03T05:00', outsideBusinessHours: 'beforeHours' });
  });

  it('ends the hours at 17:00: 16:59 and 07:00 are within them, 17:00 and 06:59 are not', () => {
    expect(outside('America/Halifax', '2026-03-03T20:59:00Z')).toEqual({ localTime: '2026-03-03T16:59' }); // 16:59 AST
    expect(outside('America/Halifax', '2026-03-03T21:00:00Z')).toEqual({ localTime: '2026-03-03T17:00', outsideBusinessHours: 'afterHours' });
    expect(outside('America/Toronto', '2026-03-03T12:00:00Z')).toEqual({ localTime: '2026-03-03T07:00' }); // 07:00 EST
    expect(outside('America/Toronto', '2026-03-03T11:59:00Z')).toEqual({ localTime: '2026-03-03T06:59', outsideBusinessHours: 'beforeHours' });
  });

  it('follows daylight saving time: 7:00 in Vancouver is 15:00 UTC in March before the change, 14:00 after', () => {
    expect(outside('America/Vancouver', '2026-03-09T14:00:00Z')).toEqual({ localTime: '2026-03-09T07:00' }); // Monday 07:00 PDT
    expect(outside('America/Vancouver', '2026-03-06T14:30:00Z')).toEqual({ localTime: '2026-03-06T06:30', outsideBusinessHours: 'beforeHours' });
  });

  it('knows a weekend by the coordinator’s local date', () => {
    // Saturday 00:30 in Halifax is still Friday 20:30 in Vancouver: both outside, for different reasons.
    expect(outside('America/Halifax', '2026-03-07T04:30:00Z')).toEqual({ localTime: '2026-03-07T00:30', outsideBusinessHours: 'weekend' });
    expect(outside('America/Vancouver', '2026-03-07T04:30:00Z')).toEqual({ localTime: '2026-03-06T20:30', outsideBusinessHours: 'afterHours' });
  });

  it('names a federal holiday of the business calendar', () => {
    expect(outside('America/Vancouver', '2026-04-03T18:00:00Z')).toEqual({ localTime: '2026-04-03T11:00', outsideBusinessHours: 'holiday', holiday: 'Good Friday', holidayFr: 'Vendredi saint' });
  });

  it('keeps the holidays of the coordinator’s region: Saint-Jean-Baptiste in Quebec, not in Ontario', () => {
    const at = '2026-06-24T14:00:00Z'; // Wednesday 10:00 EDT
    expect(outside('America/Toronto', at, 'QC')).toMatchObject({ outsideBusinessHours: 'holiday' });
    expect(outside('America/Toronto', at, 'ON')).toEqual({ localTime: '2026-06-24T10:00' });
  });

  it('keeps Yukon’s holidays for a Pacific coordinator stationed there: Discovery Day, not British Columbia Day', () => {
    const inAugust = (at: string, region: string) => outside('America/Vancouver', at, region, '2026-08-31T15:00:00Z');
    // 10:00 on the Pacific clock on Monday 17 August (Discovery Day) and Monday 3 August (British Columbia Day).
    expect(inAugust('2026-08-17T17:00:00Z', 'YT')).toMatchObject({ outsideBusinessHours: 'holiday', holiday: 'Discovery Day', holidayFr: 'Jour de la découverte' });
    expect(inAugust('2026-08-17T17:00:00Z', 'BC')).toEqual({ localTime: '2026-08-17T10:00' });
    expect(inAugust('2026-08-03T17:00:00Z', 'YT')).toEqual({ localTime: '2026-08-03T10:00' });
    expect(inAugust('2026-08-03T17:00:00Z', 'BC')).toMatchObject({ outsideBusinessHours: 'holiday' });
  });

  it('judges a contact recorded as now by the time it is recorded', () => {
    const { events } = given(...assignedIn('America/Toronto')).when(contact(), coordinator('2026-03-03T23:30:00Z')).run();
    expect(events[0]!.data).toMatchObject({ localTime: '2026-03-03T18:30', outsideBusinessHours: 'afterHours' });
  });

  it('takes the hours from the workflow settings', () => {
    const settings = { ...DEFAULT_SETTINGS, workflows: { 'support-coordination': { firstContactBusinessDays: 2, firstContactHours: { start: '08:00', end: '16:00' } } } };
    expect(outside('America/Toronto', '2026-03-03T12:30:00Z', undefined, LATER, settings)).toEqual({ localTime: '2026-03-03T07:30', outsideBusinessHours: 'beforeHours' });
    expect(outside('America/Toronto', '2026-03-03T12:30:00Z')).toEqual({ localTime: '2026-03-03T07:30' });
  });
});

describe('support coordination: the first-contact clock runs from the opt-in', () => {
  it('runs in the intake region from the opt-in, whatever the coordinator’s zone', () => {
    const { state } = given(...assignedIn('America/Vancouver')).when(contact(), coordinator(TUESDAY_MORNING)).run();
    expect(state.clocks['firstContact']).toMatchObject({ startedAt: OPTED_IN_AT, region: 'ON', status: 'met' });
  });
});
