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
 *
 * Live runners read the log each at its own pace, so records are remembered over a few pages. A
 * rebuild hands each event to its projections one after the other: the last record folded is all
 * they share, and remembering more would keep every record (and its machine snapshot) alive long
 * enough for the garbage collector to move it out of the young generation, which cost a rebuild
 * a fifth of its time.
 */
@Injectable()
export class CaseRecordFolds {
  // Two generations, the older dropped whole when the newer is full: evicting one entry at a time from the front of a
  // Map leaves holes that every later `keys().next()` walks over, which cost a tenth of a rebuild.
  // Keyed by the event's position in the log, which names one event: a number, where a string key would be hashed anew for each event.
  private recent = new Map<number, CaseRecord>();
  private older = new Map<number, CaseRecord>();

  private last: CaseRecord | undefined;

  /** @param remember keep the record for projections that read this event later (false in a rebuild, whose projections read it now). */
  fold(previous: CaseRecord | undefined, event: ProjectionEvent, remember = true): CaseRecord {
    const key = event.position;
    const known = this.last?.position === key ? this.last : (this.recent.get(key) ?? this.older.get(key));
    if (known && known.streamId === event.streamId && known.revision === event.revision && (previous?.revision ?? -1) === event.revision - 1) return known;
    const record = foldCaseRecord(previous, event);
    this.last = record;
    if (!remember) return record;
    if (this.recent.size >= REMEMBERED) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(key, record);
    return record;
  }
}
