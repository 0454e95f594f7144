import { byRegionName, REGION_NAMES } from '../../domain/region-names';
import { Channel } from '../../workflows/complaint/commands';
import { receiveComplaint } from '../sla/sla-support';
import { chooseLanguage, consoleSuite } from './browser';

/** Every region, by its name: « Île-du-Prince-Édouard » after « Colombie-Britannique », « Terre-Neuve-et-Labrador » after « Saskatchewan ». */
const BY_NAME = {
  en: ['AB', 'BC', 'MB', 'NB', 'NL', 'NT', 'NS', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'],
  fr: ['AB', 'BC', 'PE', 'MB', 'NB', 'NS', 'NU', 'ON', 'QC', 'SK', 'NL', 'NT', 'YT'],
} as const;

describe('regions, listed by their names in the reader’s language', () => {
  it.each(['en', 'fr'] as const)('(%s) orders region codes by their names, not by the codes', (language) => {
    expect(byRegionName(Object.keys(REGION_NAMES), language)).toEqual(BY_NAME[language]);
  });

  it('orders items by the region each is about, leaving the list it was given as it was', () => {
    const rows = [{ region: 'QC' }, { region: 'NL' }, { region: 'PE' }, { region: 'ON' }];
    expect(byRegionName(rows, 'fr', (row) => row.region).map((row) => row.region)).toEqual(['PE', 'ON', 'QC', 'NL']);
    expect(byRegionName(rows, 'en', (row) => row.region).map((row) => row.region)).toEqual(['NL', 'ON', 'PE', 'QC']);
    expect(rows.map((row) => row.region)).toEqual(['QC', 'NL', 'PE', 'ON']);
  });
});

/** In the console: the Cases filter, the staff form, a generated form's region pick and the SLA dashboard by region. */
describe('the console lists regions by their names', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();
  const values = (options: string[]) => options.filter((value) => value !== '');
  const optionValues = (page: Awaited<ReturnType<typeof suite.browser.signedIn>>, select: string) =>
    page.locator(`${select} option`).evaluateAll((all) => all.map((option) => option.getAttribute('value') ?? ''));

  beforeAll(async () => {
    for (const region of ['QC', 'NL', 'PE', 'ON']) await receiveComplaint(suite.supervisor, '2026-03-02T09:00:00-05:00', region);
  });

  it.each(['en', 'fr'] as const)('(%s) in every list of regions, another list keeping its own order', async (language) => {
    const supervisor = await suite.browser.signedIn('supervisor', 'supervisor-1');
    const admin = await suite.browser.signedIn('admin', 'admin-1');
    try {
      await chooseLanguage(supervisor, language);
      await supervisor.goto(`${suite.running.baseUrl}/#/cases`);
      await supervisor.locator('#case-region').waitFor();
      expect(values(await optionValues(supervisor, '#case-region'))).toEqual(BY_NAME[language]);

      await supervisor.goto(`${suite.running.baseUrl}/#/open/complaint`);
      await supervisor.locator('#cmd-ReceiveComplaint-region').waitFor();
      expect(values(await optionValues(supervisor, '#cmd-ReceiveComplaint-region'))).toEqual(BY_NAME[language]);
      expect(values(await optionValues(supervisor, '#cmd-ReceiveComplaint-channel'))).toEqual(Channel.options);

      await supervisor.goto(`${suite.running.baseUrl}/#/sla`);
      await supervisor.locator('#by-region tbody th').first().waitFor();
      const shown = byRegionName(['QC', 'NL', 'PE', 'ON'], language).map((code) => REGION_NAMES[code as keyof typeof REGION_NAMES][language]);
      expect(await supervisor.locator('#by-region tbody th').allTextContents()).toEqual(shown);
      expect(await supervisor.locator('figure:has(#on-time-region) text.chart-label').allTextContents()).toEqual(shown);

      await chooseLanguage(admin, language);
      await admin.goto(`${suite.running.baseUrl}/#/staff`);
      await admin.locator('#staff-region').waitFor();
      expect(await optionValues(admin, '#staff-region')).toEqual(BY_NAME[language]);
    } finally {
      await supervisor.close();
      await admin.close();
    }
  });
});
