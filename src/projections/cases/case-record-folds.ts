import { Injectable } from '@nestjs/common';
import { foldCaseRecord, type CaseRecord } from '../../../projections/cases';
import type { ProjectionEvent } from '../../../projections/projection';

/** Records remembered: a few pages' worth of cases, so that projections reading the same events meet them. */
const REMEMBERED = 5_000;

/**
 * The case record after each event, shared by the projections that keep one (the cases list and
 * the complaint board fold the same record): whichever folds an event first does the work, the
 * other finds it. Sound because a case's record at a revision is a function of the log alone: it
 * is reused only onto a record of the revision before.
 */
@Injectable()
export class CaseRecordFolds {
  private readonly remembered = new Map<string, CaseRecord>();

  fold(previous: CaseRecord | undefined, event: ProjectionEvent): CaseRecord {
    const key = `${event.streamId} ${event.revision}`;
    const known = this.remembered.get(key);
    if (known && (previous?.revision ?? -1) === event.revision - 1 && known.position === event.position) return known;
    const record = foldCaseRecord(previous, event);
    this.remembered.set(key, record);
    if (this.remembered.size > REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
    return record;
  }
}
