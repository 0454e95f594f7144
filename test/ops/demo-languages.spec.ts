import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { CaseRepository } from '../../src/cases/case-repository';
import { ManualClock } from '../../src/clock/clock';
import { loadConfig } from '../../src/config/config';
import { seedDemo, type SeedResult } from '../../src/demo/demo-seeder';
import { StaffDirectory } from '../../src/staff/staff-directory.service';
import { worksIn } from '../../domain/staff';

jest.setTimeout(120_000);

/** The demo serves each client in their official language: none of its cases is given to someone who does not work in it (in both, for a bilingual session). */
describe('the demo’s cases and the languages of their staff', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-demo-languages-'));
  let context: INestApplicationContext;
  let result: SeedResult;

  beforeAll(async () => {
    const present = new Date('2026-03-20T18:00:00Z');
    const config = loadConfig({ MEND_DATA_DIR: dataDir, MEND_LOG_LEVEL: 'silent' });
    const clock = new ManualClock(present);
    context = await NestFactory.createApplicationContext(AppModule.forRoot({ config, clock, mode: 'cli' }), { logger: false });
    result = await seedDemo(context, clock, present, config.settings);
  });
  afterAll(async () => {
    await context.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('assigns each case served in an official language only to people who work in it, French cases of several workflows among them', async () => {
    const repository = context.get(CaseRepository);
    const directory = context.get(StaffDirectory);
    const mismatched: string[] = [];
    const french = new Set<string>();
    for (const seeded of result.cases) {
      const loaded = await repository.load(seeded.caseId);
      const { serviceLanguage, assignees } = loaded.definition.summarize(loaded.state);
      if (serviceLanguage === undefined) continue;
      if (serviceLanguage === 'fr' && assignees.length > 0) french.add(seeded.workflow);
      for (const staffId of assignees) {
        const person = await directory.get(staffId);
        if (!worksIn(person.languages, serviceLanguage)) mismatched.push(`${seeded.workflow} «${seeded.stage}»: ${staffId} (${person.languages.join(', ')}) for ${serviceLanguage}`);
      }
    }
    expect(mismatched).toEqual([]);
    expect([...french].sort()).toEqual(['information-session', 'restorative-engagement', 'support-coordination']);
  });
});
