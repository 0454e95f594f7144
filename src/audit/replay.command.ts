import { v7 as uuidv7 } from 'uuid';
import { parseInput } from '../../domain/validation';
import { CaseId } from '../../domain/schemas';
import { AccessLog } from './access-log.service';
import { CaseAsOf } from './as-of.service';
import { withContext } from '../cli/context';
import { cliReader } from './audit-cli';
import { AuditReader } from './audit-reader.service';
import { replayLines } from './replay';

/** `mend replay <caseId>`: the case's timeline on stdout; the read is recorded in its access log first. */
export async function replayCommand(id: string): Promise<void> {
  await withContext(async (context) => {
    const caseId = parseInput(CaseId, id, 'caseId');
    const reader = context.get(AuditReader);
    const actor = cliReader();
    await reader.locate(caseId);
    const correlationId = uuidv7();
    await context.get(AccessLog).record({ caseId, read: 'history', details: { via: 'mend replay' }, actor, correlationId, causationId: correlationId });
    for await (const line of replayLines(reader, context.get(CaseAsOf), caseId, actor)) console.log(line);
  });
}
