import { itExplainsItsErrors } from '../../test/support/error-texts';
import { supportCoordinationWorkflow } from './index';
import { SupportCoordinationSettings } from './settings';

describe('support coordination: definition', () => {
  itExplainsItsErrors(
    'RSC.',
    [
      'RSC.ALREADY_COORDINATOR',
      'RSC.BEFORE_OPT_IN',
      'RSC.BEFORE_PROGRAM',
      'RSC.CLOSED_BEFORE_FIRST_CONTACT',
      'RSC.CONTACT_BEFORE_OPT_IN',
      'RSC.FORMAL_COMPLAINT_ALREADY_NOTED',
      'RSC.REFERRAL_WITHOUT_CONSENT',
      'RSC.REGION_NOT_IN_TIME_ZONE',
      'RSC.TIME_IN_FUTURE',
    ],
    {
      coordinatorId: 'p-1',
      field: 'contactedAt',
      value: '2026-03-07T10:00:00Z',
      contactedAt: '2026-03-01T10:00:00Z',
      optedInAt: '2026-03-02T10:00:00Z',
      optedInOn: '2026-03-02',
      began: '2019',
      status: 'registered',
      outcome: 'needsMet',
      region: 'QC',
      timeZone: 'America/Vancouver',
      regions: 'BC',
    },
  );

  it('has the program’s defaults as settings: 2 business days, 07:00 to 17:00', () => {
    expect(supportCoordinationWorkflow.settings?.parse({})).toEqual({ firstContactBusinessDays: 2, firstContactHours: { start: '07:00', end: '17:00' } });
    expect(SupportCoordinationSettings.parse({ firstContactHours: { start: '08:00' } })).toEqual({ firstContactBusinessDays: 2, firstContactHours: { start: '08:00', end: '17:00' } });
  });

  it('refuses settings that make no sense, naming the setting', () => {
    const paths = (value: unknown) => SupportCoordinationSettings.safeParse(value).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ firstContactBusinessDays: 0 })).toEqual(['firstContactBusinessDays']);
    expect(paths({ firstContactHours: { start: '17:00', end: '07:00' } })).toEqual(['firstContactHours']);
    expect(paths({ firstContactHours: { start: '7am' } })).toEqual(['firstContactHours.start']);
    expect(paths({ firstContactDays: 2 })).toEqual(['']);
  });
});
