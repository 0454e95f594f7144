import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { createCalendarProvider } from '../../domain/calendar';
import type { DecideContext } from '../../domain/decide-context';
import { processCommand } from '../../domain/process';
import type { MendSettings } from '../../domain/settings';
import { CaseRepository } from '../../src/cases/case-repository';
import { WorkflowRegistry } from '../../src/workflows/workflow-registry';
import { SETTINGS } from '../../src/workflows/tokens';
import { complaintData } from './sla-support';

const calendars = createCalendarProvider();

/**
 * Opens `count` complaints received at `receivedAt` straight through the case repository: the
 * same decision, metadata and hash chain as `POST /cases`, without HTTP, many at once so the store
 * group-commits them. Each starts an acknowledgement and a level-1 response clock.
 */
export async function seedComplaints(
  app: Pick<INestApplicationContext, 'get'>,
  options: { readonly count: number; readonly receivedAt: string; readonly concurrency?: number },
): Promise<string[]> {
  const repository = app.get(CaseRepository);
  const definition = app.get(WorkflowRegistry).get('complaint');
  const ctx: DecideContext = {
    now: new Date(options.receivedAt),
    actor: { id: 'supervisor-1', role: 'supervisor' },
    newId: randomUUID,
    calendars,
    settings: app.get<MendSettings>(SETTINGS),
  };
  const caseIds: string[] = [];
  const openOne = async () => {
    const fresh = repository.fresh(definition, randomUUID());
    // One complainant for all: a new data subject would cost a key each, and keys are not what is measured.
    const data = { ...complaintData(options.receivedAt), complainant: { subjectId: 'subject-seed', name: 'Robin', pseudonym: true } };
    const decision = processCommand(definition, fresh.state, { type: 'ReceiveComplaint', data }, ctx);
    await repository.append(fresh, decision.events, decision.state, ctx, { correlationId: 'seed', causationId: 'seed' });
    caseIds.push(fresh.caseId);
  };
  const concurrency = options.concurrency ?? 250;
  for (let done = 0; done < options.count; done += concurrency) {
    await Promise.all(Array.from({ length: Math.min(concurrency, options.count - done) }, openOne));
  }
  return caseIds;
}
