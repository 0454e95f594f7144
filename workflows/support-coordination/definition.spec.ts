import { errorCatalog } from '../../domain/errors';
import { supportCoordinationWorkflow } from './index';
import { SupportCoordinationSettings } from './settings';

describe('support coordination: definition', () => {
  it('gives every RSC error an English and a French sentence', () => {
    const codes = [...errorCatalog().values()].filter((e) => e.code.startsWith('RSC.'));
    expect(codes.map((e) => e.code).sort()).toEqual([
      'RSC.ALREADY_COORDINATOR',
      'RSC.CLOSED_BEFORE_FIRST_CONTACT',
      'RSC.CONTACT_BEFORE_OPT_IN',
      'RSC.FIRST_CONTACT_OUTSIDE_BUSINESS_HOURS',
      'RSC.FORMAL_COMPLAINT_ALREADY_NOTED',
      'RSC.REFERRAL_WITHOUT_CONSENT',
      'RSC.REGION_NOT_IN_TIME_ZONE',
      'RSC.TIME_IN_FUTURE',
    ]);
    const params = {
      coordinatorId: 'p-1',
      field: 'contactedAt',
      at: 'a',
      now: 'b',
      contactedAt: 'c',
      optedInAt: 'd',
      status: 'registered',
      outcome: 'needsMet',
      region: 'QC',
      timeZone: 'America/Vancouver',
      regions: 'BC',
      localTime: '2026-03-07T10:00',
      start: '07:00',
      end: '17:00',
      outside: 'weekend',
    };
    for (const error of codes) {
      const texts = error.texts as { en: (p: object) => string; fr: (p: object) => string };
      expect(texts.en(params)).not.toMatch(/undefined/);
      expect(texts.fr(params)).not.toMatch(/undefined/);
      expect(texts.fr(params)).not.toBe(texts.en(params));
    }
  });

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

  it('labels every field and value of its commands and events in both languages', () => {
    const { fields = {}, values = {} } = supportCoordinationWorkflow.labels;
    for (const label of [...Object.values(fields), ...Object.values(values)]) expect([label.en.trim() !== '', label.fr.trim() !== '']).toEqual([true, true]);
  });
});
