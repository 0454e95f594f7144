import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chooseLanguage, ensureConsoleBuilt, openBrowser } from '../test/console/browser';
import { startApp } from '../test/support/app';

/**
 * The README's screenshots: each role's main page, in English and in French, on the demo data
 * (`mend seed-demo`) as of a fixed day, in headless Chromium (playwright-core with the system's
 * /usr/bin/chromium). Writes docs/screenshots/console-<role>-<language>.png.
 *
 *   node -r ./test/support/register.js scripts/screenshots.ts
 */
const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');
/** Friday 13 March 2026, 11:00 in Ottawa: the demo's "now". */
const PRESENT = '2026-03-13T15:00:00Z';

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-screenshots-'));
  try {
    execFileSync(process.execPath, ['-r', './test/support/register.js', 'src/cli/main.ts', 'seed-demo'], {
      cwd: ROOT,
      env: { ...process.env, MEND_DATA_DIR: dataDir, MEND_CLOCK_START: PRESENT, MEND_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    ensureConsoleBuilt();
    const running = await startApp({ dataDir, start: PRESENT });
    try {
      const supervisor = await running.as('supervisor', 'demo-supervisor-1');
      // Every read model caught up with the demo before the first picture.
      const head = await running.store.headPosition();
      await supervisor.get(`/cases?minPosition=${head}`);
      await supervisor.get(`/sla/summary?minPosition=${head}`);
      const breached = (await supervisor.get('/sla/clocks?status=breached&limit=1')).body.items[0] as { caseId: string; dueAt: string };
      const browser = await openBrowser(running);
      try {
        for (const language of ['en', 'fr'] as const) {
          const shoot = async (page: Page, role: string) => {
            await page.screenshot({ path: join(OUT, `console-${role}-${language}.png`), fullPage: false });
            await page.close();
          };
          const practitioner = await browser.signedIn('practitioner', 'demo-practitioner-1');
          await chooseLanguage(practitioner, language);
          await practitioner.locator('table.inbox').waitFor();
          await shoot(practitioner, 'practitioner');

          const sla = await browser.signedIn('supervisor', 'demo-supervisor-1');
          await chooseLanguage(sla, language);
          await sla.goto(`${running.baseUrl}/#/sla`);
          await sla.locator('#breached-clocks').waitFor();
          await sla.setViewportSize({ width: 1366, height: 1300 });
          await sla.evaluate(`document.getElementById('warned-title').scrollIntoView()`);
          await shoot(sla, 'supervisor');

          // The auditor on a case whose clock ran out, a day after its due time.
          const auditor = await browser.signedIn('auditor', 'demo-auditor-1');
          await chooseLanguage(auditor, language);
          await auditor.goto(`${running.baseUrl}/#/audit/${breached.caseId}`);
          await auditor.locator('[data-testid="as-of-view"]').waitFor();
          const dayAfter = new Date(Date.parse(breached.dueAt) + 86_400_000 - 5 * 3_600_000).toISOString().slice(0, 16);
          await auditor.locator('#as-of-typed').fill(dayAfter);
          await auditor.locator('#as-of-typed').press('Enter');
          await auditor.locator('[data-testid="derived-breaches"]').waitFor();
          await auditor.setViewportSize({ width: 1366, height: 1300 });
          await auditor.evaluate(`document.getElementById('as-of-title').scrollIntoView()`);
          await shoot(auditor, 'auditor');
        }
      } finally {
        await browser.close();
      }
    } finally {
      await running.close();
    }
    console.log(`wrote ${OUT}/console-{practitioner,supervisor,auditor}-{en,fr}.png`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
