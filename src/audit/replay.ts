import { caseStatus, stateName } from '../../domain/fold';
import type { Actor } from '../../domain/roles';
import type { LoadedCase } from '../cases/case-repository';
import type { AuditReader } from './audit-reader.service';
import type { CaseAsOf } from './as-of.service';
import { caseTimeZone, clockSummary, describeStep, timeFormatter } from './timeline';

/**
 * A case's timeline for a person at a terminal: each event with its time, actor, type and main
 * facts, the state it moved the case into and what it did to the clocks; then where the case
 * stands. The case is folded from the stored events while their presentation comes from the
 * reader, the one place events are shown to people.
 */
export async function* replayLines(reader: AuditReader, asOf: CaseAsOf, caseId: string, actor: Actor): AsyncGenerator<string> {
  const steps = asOf.timeline(caseId);
  let time: ((iso: string) => string) | undefined;
  let last: LoadedCase | undefined;
  for await (const item of reader.read({ caseId }, actor)) {
    const { value: step, done } = await steps.next();
    if (done || step.event.id !== item.eventId) break;
    if (!time) {
      const zone = caseTimeZone(step.after);
      time = timeFormatter(zone);
      yield `Case ${caseId}: ${step.after.definition.name} (workflow version ${step.after.definition.version}), times in ${zone}`;
    }
    yield* describeStep(item, step.before, step.after, time);
    last = step.after;
  }
  await steps.return(undefined);
  if (!last || !time) return;
  const status = caseStatus(last.state.snapshot);
  yield `Now ${stateName(last.state.snapshot)} (${status}) at revision ${last.state.revision}, last event ${time(last.updatedAt)}`;
  const clocks = clockSummary(last.state.clocks, time);
  if (clocks.length > 0) yield* ['Clocks:', ...clocks];
}
