import { Injectable } from '@nestjs/common';
import { foldCaseRecord, type CaseRecord } from '../../../projections/cases';
import type { ProjectionEvent } from '../../../projections/projection';

/** Records remembered per generation (between one and two of them are kept): a few pages' worth of cases, so that projections reading the same events meet them. */
const REMEMBERED = 2_500;

/**
 * The case record after each event, shared by the projections that keep one (the cases list and
 * the complaint board fold the same record): whichever folds an event first does the work, the
 * other finds it. Sound because a case's record at a revision is a function of the log alone: it
 * is reused only onto a record of the revision before.
 */
@Injectable()
export class CaseRecordFolds {
  // Two generations, the older dropped whole when the newer is full: evicting one entry at a time from the front of a
  // Map leaves holes that every later `keys().next()` walks over, which cost a tenth of a rebuild.
  private recent = new Map<string, CaseRecord>();
  private older = new Map<string, CaseRecord>();

  fold(previous: CaseRecord | undefined, event: ProjectionEvent): CaseRecord {
    const key = `${event.streamId} ${event.revision}`;
    const known = this.recent.get(key) ?? this.older.get(key);
    if (known && (previous?.revision ?? -1) === event.revision - 1 && known.position === event.position) return known;
    const record = foldCaseRecord(previous, event);
    if (this.recent.size >= REMEMBERED) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(key, record);
    return record;
  }
}
