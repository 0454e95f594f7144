import type { Page } from 'playwright-core';
import { complaintLabels } from '../../workflows/complaint/labels';
import { restorativeOpportunitiesLabels as ro } from '../../workflows/restorative-opportunities/labels';
import { workflowDefinitions } from '../../workflows/registry';
import { run } from '../sla/sla-support';
import { axeViolations, chooseLanguage, consoleSuite, expectVisible, stepForm } from './browser';

const example = (workflow: string, command: string) =>
  ({ ...workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example }) as Record<string, unknown>;

/** What a new-case form sent (`POST /cases`), and the case it opened, from the API's answer. */
async function opened(page: Page, send: () => Promise<void>): Promise<{ caseId: string; data: Record<string, unknown> }> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/cases')), send()]);
  expect(response.status()).toBe(201);
  const { data } = response.request().postDataJSON() as { data: Record<string, unknown> };
  return { caseId: ((await response.json()) as { caseId: string }).caseId, data };
}

/** The radios of the page's accessibility tree, as Chromium gives them to screen readers: name, and whether invalid or required. */
async function radios(page: Page): Promise<{ role: string; name: string; invalid: boolean; required: boolean }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; name?: { value?: string }; properties?: { name: string; value: { value?: unknown } }[] }[];
    };
    const property = (node: (typeof nodes)[number], name: string) => node.properties?.find((p) => p.name === name)?.value.value;
    return nodes
      .filter((node) => node.role?.value === 'radio' || node.role?.value === 'radiogroup')
      .map((node) => ({
        role: node.role!.value!,
        name: node.name?.value ?? '',
        invalid: ![undefined, 'false'].includes(property(node, 'invalid') as string | undefined),
        required: property(node, 'required') === true,
      }));
  } finally {
    await cdp.detach();
  }
}

/** What a reviewer found in the command forms: a typed time that moved, radios invalid before any answer, a region named by its code. */
describe('the console’s command forms', () => {
  jest.setTimeout(240_000);
  const suite = consoleSuite();

  it.each([
    ['en', 'Atlantic Time'],
    ['fr', 'heure de l’Atlantique'],
  ] as const)('(%s) a receipt time typed before the region is chosen keeps its wall time in that region’s zone, and the zone named beside it is said again', async (language, atlantic) => {
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/open/complaint`);
      const form = page.getByRole('form', { name: complaintLabels.commands['ReceiveComplaint']![language] });
      await form.locator('#cmd-ReceiveComplaint-channel').selectOption('electronic');
      await form.locator('#cmd-ReceiveComplaint-receivedAt').fill('2026-02-27T10:00');
      await form.locator('#cmd-ReceiveComplaint-complainant_name').fill('Robin Tremblay');
      await form.locator('#cmd-ReceiveComplaint-text').fill('My preparation meeting was cancelled twice.');
      const hint = form.locator('#cmd-ReceiveComplaint-receivedAt-zone');
      // Said to screen readers when it changes: it is the field's description.
      expect(await hint.getAttribute('aria-live')).toBe('polite');
      expect(await form.locator('#cmd-ReceiveComplaint-receivedAt').getAttribute('aria-describedby')).toContain('cmd-ReceiveComplaint-receivedAt-zone');
      await form.locator('#cmd-ReceiveComplaint-region').selectOption('NS');
      await expectVisible(form.locator('#cmd-ReceiveComplaint-receivedAt-zone', { hasText: atlantic }));
      expect(await form.locator('#cmd-ReceiveComplaint-receivedAt').inputValue()).toBe('2026-02-27T10:00');
      const { caseId, data } = await opened(page, () => form.getByRole('button', { name: complaintLabels.commands['ReceiveComplaint']![language] }).click());
      expect(data).toMatchObject({ region: 'NS', receivedAt: '2026-02-27T10:00:00-04:00' });
      const received = (await suite.supervisor.get(`/cases/${caseId}/history`)).body.items[0];
      expect(received.data).toMatchObject({ region: 'NS', receivedAt: '2026-02-27T10:00:00-04:00' });
    } finally {
      await page.close();
    }
  });

  it('(en) a referral’s receipt time typed before its region is chosen keeps its wall time too, whichever the region was before', async () => {
    const page = await suite.browser.signedIn('rju', 'rju-1');
    try {
      await chooseLanguage(page, 'en');
      await page.goto(`${suite.running.baseUrl}/#/open/restorative-opportunities`);
      const form = page.getByRole('form', { name: ro.commands['ReceiveReferral']!.en });
      await form.locator('#cmd-ReceiveReferral-source').selectOption('institutional');
      await form.locator('#cmd-ReceiveReferral-receivedAt').fill('2026-02-27T10:00');
      await form.locator('#cmd-ReceiveReferral-victim_name').fill('Sam Tremblay');
      await form.locator('#cmd-ReceiveReferral-offender_name').fill('Jordan Roy');
      await form.locator('#cmd-ReceiveReferral-referredBy_staffRole').selectOption('paroleOfficer');
      await form.locator('#cmd-ReceiveReferral-region').selectOption('BC');
      await form.locator('#cmd-ReceiveReferral-receivedAt-zone', { hasText: 'Pacific Time' }).waitFor();
      await form.locator('#cmd-ReceiveReferral-region').selectOption('NS');
      await form.locator('#cmd-ReceiveReferral-receivedAt-zone', { hasText: 'Atlantic Time' }).waitFor();
      expect(await form.locator('#cmd-ReceiveReferral-receivedAt').inputValue()).toBe('2026-02-27T10:00');
      const { caseId, data } = await opened(page, () => form.getByRole('button', { name: ro.commands['ReceiveReferral']!.en }).click());
      expect(data).toMatchObject({ region: 'NS', receivedAt: '2026-02-27T10:00:00-04:00' });
      // A referral is the RJU's to read, not a supervisor's; it records the instant in UTC.
      const rju = await suite.running.as('rju', 'rju-1');
      const received = (await rju.get(`/cases/${caseId}/history`)).body.items[0];
      expect(received.data.region).toBe('NS');
      expect(Date.parse(received.data.receivedAt)).toBe(Date.parse('2026-02-27T10:00:00-04:00'));
    } finally {
      await page.close();
    }
  });

  it.each(['en', 'fr'] as const)('(%s) a required yes or no is required but not invalid before the form is sent, and invalid once it is refused unanswered', async (language) => {
    const rju = await suite.running.as('rju', 'rju-1');
    const referral = await rju.post('/cases', { workflow: 'restorative-opportunities', command: 'ReceiveReferral', data: example('restorative-opportunities', 'ReceiveReferral') });
    expect(referral.status).toBe(201);
    const caseId = referral.body.caseId as string;
    await run(rju, caseId, 'BeginIntakeAssessment', { intakeOfficerId: 'rju-1' });
    const page = await suite.browser.signedIn('rju', 'rju-1');
    try {
      const assess = ro.commands['AssessIntake']![language];
      const form = await stepForm(page, language, `${suite.running.baseUrl}/#/cases/${caseId}`, assess);
      const [yes, no] = language === 'fr' ? ['Oui', 'Non'] : ['Yes', 'No'];
      await form.getByRole('radio', { name: yes }).waitFor();
      const responsibility = ro.fields['offenderAcceptedResponsibility']![language];
      expect(await radios(page)).toEqual([
        { role: 'radiogroup', name: expect.stringContaining(responsibility) as unknown as string, invalid: false, required: true },
        { role: 'radio', name: yes, invalid: false, required: false },
        { role: 'radio', name: no, invalid: false, required: false },
      ]);
      expect(await form.locator('[aria-invalid="true"]').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      await form.getByRole('button', { name: assess }).click();
      await form.locator('#cmd-AssessIntake-offenderAcceptedResponsibility-error').waitFor();
      expect(await radios(page)).toEqual([
        { role: 'radiogroup', name: expect.stringContaining(responsibility) as unknown as string, invalid: true, required: true },
        { role: 'radio', name: yes, invalid: true, required: false },
        { role: 'radio', name: no, invalid: true, required: false },
      ]);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'In the case’s region (Nova Scotia)', 'In other regions'],
    ['fr', 'Dans la région du dossier (Nouvelle-Écosse)', 'Dans les autres régions'],
  ] as const)('(%s) the staff picker names the case’s region by its name, as everywhere else', async (language, near, far) => {
    const admin = await suite.running.as('admin', 'admin-1');
    for (const person of [
      { staffId: 'rju-ns', displayName: 'Dominique Arsenault', role: 'rju', region: 'NS', languages: ['en', 'fr'] },
      // The RJU who takes the intakes above: a test retried after this one finds them in the directory.
      { staffId: 'rju-1', displayName: 'Sasha Bouchard', role: 'rju', region: 'ON', languages: ['en', 'fr'] },
    ]) {
      // 409 where the other language's run added them.
      expect([201, 409]).toContain((await admin.post('/staff', person)).status);
    }
    const rju = await suite.running.as('rju', 'rju-1');
    const referral = await rju.post('/cases', {
      workflow: 'restorative-opportunities',
      command: 'ReceiveReferral',
      data: { ...example('restorative-opportunities', 'ReceiveReferral'), region: 'NS' },
    });
    expect(referral.status).toBe(201);
    const caseId = referral.body.caseId as string;
    const page = await suite.browser.signedIn('rju', 'rju-1');
    try {
      const begin = ro.commands['BeginIntakeAssessment']![language];
      const form = await stepForm(page, language, `${suite.running.baseUrl}/#/cases/${caseId}`, begin);
      const picker = form.locator('#cmd-BeginIntakeAssessment-intakeOfficerId');
      await picker.locator('option[value="rju-1"]').waitFor({ state: 'attached' });
      expect(await picker.locator('optgroup').evaluateAll((groups) => groups.map((g) => g.getAttribute('label')))).toEqual([near, far]);
      expect(await picker.locator('optgroup').first().locator('option').evaluateAll((options) => options.map((o) => o.getAttribute('value')))).toEqual(['rju-ns']);
    } finally {
      await page.close();
    }
  });
});
