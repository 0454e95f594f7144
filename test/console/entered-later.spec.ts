import { ManualClock } from '../../src/clock/clock';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { receiveComplaint, run } from '../sla/sla-support';
import { chooseLanguage, ensureConsoleBuilt, openBrowser, type Browser } from './browser';

/** A clock that moves on a little each time it is read, as time does: a step is recorded a few milliseconds after it occurred. */
class TickingClock extends ManualClock {
  tick = 2;
  override now(): Date {
    const now = super.now();
    this.advance(this.tick);
    return now;
  }
}

/**
 * The auditor's view of a case "entered later" flags only what the log recorded after the moment
 * shown. The page opens on the case as the log has it last, so a step recorded in the normal course
 * (a few milliseconds after it occurred) is not flagged; and the note says one event as one.
 */
describe('the console: entered later, on the auditor’s page', () => {
  jest.setTimeout(180_000);
  let running: RunningApp;
  let browser: Browser;
  let supervisor: HttpClient;
  let caseId: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    const clock = new TickingClock('2026-03-02T14:00:00Z');
    running = await startApp({ clock });
    supervisor = await running.as('supervisor', 'supervisor-1');
    browser = await openBrowser(running);
    caseId = await receiveComplaint(supervisor, '2026-03-02T09:00:00-05:00');
    running.clock.set('2026-03-03T15:00:00Z');
    // A step the log recorded seconds after it was taken: the API marks only one recorded more than a second after.
    clock.tick = 2_000;
    await run(supervisor, caseId, 'AssignHandler', { handlerId: 'practitioner-1' });
    clock.tick = 2;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it.each([
    ['en', '1 event of this view was recorded after this moment: the case stood so then, but the log did not show it yet. It is marked “entered later” in the history.'],
    ['fr', '1\u00a0événement de cette vue a été enregistré après ce moment\u00a0: le dossier en était là, mais le journal ne le montrait pas encore. L’historique le marque «\u00a0saisie ultérieure\u00a0».'],
  ] as const)('(%s) the page opens flagging nothing recorded in the normal course; a moment that flags one event says it of one', async (language, note) => {
    const page = await browser.signedIn('auditor', 'auditor-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${running.baseUrl}/#/audit/${caseId}`);
      await page.locator('[data-testid="as-of-view"][aria-busy="false"]').waitFor();
      await page.locator('.timeline li').first().waitFor();
      // The last step was recorded seconds after it occurred: as the log has it last, nothing is "entered later".
      const history = (await supervisor.get(`/cases/${caseId}/history`)).body.items as { occurredAt: string; recordedAt: string }[];
      expect(Date.parse(history.at(-1)!.recordedAt)).toBeGreaterThan(Date.parse(history.at(-1)!.occurredAt) + 1_000);
      expect(await page.locator('[data-testid="entered-later"]').count()).toBe(0);
      expect(await page.locator('.timeline .entered-later').count()).toBe(0);

      // The slider's last stop is the last step's own occurredAt: the API flags that step, recorded
      // seconds later, and the note says it of one event.
      await page.locator('#as-of-slider').focus();
      await page.keyboard.press('Home');
      await page.keyboard.press('End');
      await page.locator('[data-testid="entered-later"]').waitFor();
      await page.locator('[data-testid="as-of-view"][aria-busy="false"]').waitFor();
      expect(await page.locator('[data-testid="entered-later"]').textContent()).toBe(note);
      expect(await page.locator('.timeline .entered-later').count()).toBe(1);
    } finally {
      await page.close();
    }
  });
});
