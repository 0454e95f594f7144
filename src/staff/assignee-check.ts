import { Injectable } from '@nestjs/common';
import { refusalAtField as atField } from '../../domain/errors';
import { AssigneeCannotWorkCase, AssigneeDoesNotWorkInLanguage, AssigneeInactive, AssigneeNotInDirectory, worksIn } from '../../domain/staff';
import type { Bilingual } from '../../domain/validation';
import { PolicyService, type CaseAccessFacts } from '../security/policy.service';
import { InactiveStaff } from './inactive-staff';
import { StaffDirectory } from './staff-directory.service';
import { StaffQueries } from './staff.queries';

/** Where a command's data gives a value: `data.handlerId`, `data.practitionerIds[1]`. */
function pathOf(value: unknown, wanted: string, path = 'data'): string | undefined {
  if (value === wanted) return path;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = pathOf(child, wanted, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Whom a step gives a case to, checked against the staff directory: someone it has, who still
 * takes cases, whose role can work the case (read it and take its steps), and who works in the
 * official language the case is served in, when its workflow records one (in both, for a bilingual
 * information session). A deployment that keeps
 * no directory (its staff known from their tokens only) assigns by login, unchecked.
 *
 * Only the people a step adds are checked: when a later step changes the case's language (a class
 * member who confirms in French what they opted into in English), those already assigned are kept,
 * since the client's choice must be recorded whatever the staffing; a supervisor then reassigns the
 * case to someone who works in it, and that person is checked.
 */
@Injectable()
export class AssigneeCheck {
  constructor(
    private readonly directory: StaffDirectory,
    private readonly queries: StaffQueries,
    private readonly policy: PolicyService,
    private readonly people: InactiveStaff,
  ) {}

  /** Once anyone is in the directory it is kept for good: entries are marked inactive, never removed. */
  private kept = false;

  /**
   * Throws 422 for the first person the case's facts after the step assign that those before did
   * not and the directory refuses, beside the field of `data` that names them. The facts are worked
   * out only where a directory is kept.
   */
  async check(facts: () => { before: CaseAccessFacts; after: CaseAccessFacts }, workflow: Bilingual, data: unknown): Promise<void> {
    // A server knows whom the directory holds without SQL (it follows every entry for the AuthGuard); a CLI verb asks the read model.
    this.kept ||= this.people.holdsAnyone() ?? this.queries.kept();
    if (!this.kept) return;
    const { before, after } = facts();
    const added = after.assignees.filter((id) => !before.assignees.includes(id));
    for (const staffId of added) {
      const member = await this.directory.find(staffId);
      const field = pathOf(data, staffId);
      if (!member) throw atField(AssigneeNotInDirectory, { staffId }, field);
      const named = { staffId, name: member.displayName };
      if (!member.active) throw atField(AssigneeInactive, named, field);
      if (!this.policy.mayWork({ id: staffId, role: member.role }, after)) {
        throw atField(AssigneeCannotWorkCase, { ...named, role: member.role, workflow }, field);
      }
      if (after.serviceLanguage !== undefined && !worksIn(member.languages, after.serviceLanguage)) {
        throw atField(AssigneeDoesNotWorkInLanguage, { ...named, language: after.serviceLanguage }, field);
      }
    }
  }
}
