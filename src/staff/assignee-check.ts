import { Injectable } from '@nestjs/common';
import { AssigneeCannotWorkCase, AssigneeInactive, AssigneeNotInDirectory } from '../../domain/staff';
import type { Bilingual } from '../../domain/validation';
import { PolicyService, type CaseAccessFacts } from '../security/policy.service';
import { StaffDirectory } from './staff-directory.service';
import { StaffQueries } from './staff.queries';

/**
 * Whom a step gives a case to, checked against the staff directory: someone it has, who still
 * takes cases, and whose role can work the case (read it and take its steps). A deployment that
 * keeps no directory (its staff known from their tokens only) assigns by login, unchecked.
 */
@Injectable()
export class AssigneeCheck {
  constructor(
    private readonly directory: StaffDirectory,
    private readonly queries: StaffQueries,
    private readonly policy: PolicyService,
  ) {}

  /** Throws 422 for the first person `after` assigns that `before` did not and the directory refuses. */
  async check(before: CaseAccessFacts, after: CaseAccessFacts, workflow: Bilingual): Promise<void> {
    const added = after.assignees.filter((id) => !before.assignees.includes(id));
    if (added.length === 0 || !this.queries.kept()) return;
    for (const staffId of added) {
      const member = await this.directory.find(staffId);
      if (!member) throw AssigneeNotInDirectory({ staffId });
      const named = { staffId, name: member.displayName };
      if (!member.active) throw AssigneeInactive(named);
      if (!this.policy.mayWork({ id: staffId, role: member.role }, after)) throw AssigneeCannotWorkCase({ ...named, role: member.role, workflow });
    }
  }
}
