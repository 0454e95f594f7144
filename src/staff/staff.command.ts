import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../domain/roles';
import { parseInput } from '../../domain/validation';
import { CliError } from '../cli/cli-error';
import { withContext } from '../cli/context';
import { ExitCode } from '../cli/exit-codes';
import { CLI_TEXTS } from '../cli/messages';
import { cliLanguage } from '../config/language';
import { ProjectionsService } from '../projections/projections.service';
import { StaffDirectory, type StaffMemberView } from './staff-directory.service';
import { StaffListQuery, StaffQueries } from './staff.queries';
import { casesProjection } from '../../projections/cases';
import { staffProjection } from '../../projections/staff';

export interface StaffAddOptions {
  name: string;
  role: string;
  region: string;
  languages: string[];
  by: string;
}

export interface StaffUpdateOptions {
  name?: string;
  role?: string;
  region?: string;
  languages?: string[];
  inactive?: boolean;
  active?: boolean;
  by: string;
}

export interface StaffListOptions {
  role?: string;
  region?: string;
  all?: boolean;
}

const admin = (id: string): Actor => ({ id, role: 'admin' });
const write = (by: string) => {
  const correlationId = `cli-staff-${uuidv7()}`;
  return { actor: admin(by), correlationId, causationId: correlationId };
};
const describe = (member: Pick<StaffMemberView, 'staffId' | 'displayName' | 'role' | 'region' | 'languages' | 'active'>) =>
  `${member.staffId}\t${member.displayName}\t${member.role}\t${member.region}\t${member.languages.join(',')}${member.active ? '' : `\t${CLI_TEXTS.staffInactive[cliLanguage()]}`}`;

/** `mend staff add <staffId> --name --role --region --languages --by`. */
export async function staffAddCommand(staffId: string, options: StaffAddOptions): Promise<void> {
  // The first person may be added before Mend first starts: into an existing, empty data directory.
  const added = await withContext(
    (context) =>
      context.get(StaffDirectory).add({ staffId, displayName: options.name, role: options.role, region: options.region, languages: options.languages }, write(options.by)),
    'directory',
  );
  console.log(CLI_TEXTS.staffAdded(describe(added))[cliLanguage()]);
}

/** `mend staff update <staffId> [--name] [--role] [--region] [--languages] [--inactive|--active] --by`. */
export async function staffUpdateCommand(staffId: string, options: StaffUpdateOptions): Promise<void> {
  const update = {
    ...(options.name !== undefined ? { displayName: options.name } : {}),
    ...(options.role !== undefined ? { role: options.role } : {}),
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.languages !== undefined ? { languages: options.languages } : {}),
    ...(options.inactive ? { active: false } : options.active ? { active: true } : {}),
  };
  if (Object.keys(update).length === 0) throw new CliError(CLI_TEXTS.staffUpdateNothing, ExitCode.usage);
  const updated = await withContext((context) => context.get(StaffDirectory).update(staffId, update, write(options.by)));
  console.log(CLI_TEXTS.staffUpdated(describe(updated), updated.revision)[cliLanguage()]);
}

/** `mend staff list [--role] [--region] [--all]`: from the read model, brought up to the log first. */
export async function staffListCommand(options: StaffListOptions): Promise<void> {
  await withContext(async (context) => {
    const query = parseInput(StaffListQuery, { role: options.role, region: options.region, active: options.all ? 'all' : 'true' }, 'option');
    const projections = context.get(ProjectionsService);
    // Caseloads come from the cases read model: both are brought to the head of the log.
    for (const name of [staffProjection.name, casesProjection.name]) {
      if (!(await projections.catchUp(name))) console.error(CLI_TEXTS.readModelBehind(name)[cliLanguage()]);
    }
    for (const member of context.get(StaffQueries).list(query, [])) console.log(`${describe(member)}\t${CLI_TEXTS.staffCaseload(member.caseload)[cliLanguage()]}`);
  });
}
