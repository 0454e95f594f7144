import { Option, type Command } from 'commander';
import { PersonRole } from '../../domain/roles';
import { personId } from '../cli/options';
import type { StaffAddOptions, StaffListOptions, StaffUpdateOptions } from './staff.command';

const languages = (value: string) => value.split(',').map((language) => language.trim());

/** The administrators' staff verbs: `staff add|update|list`; each loads its implementation when it runs (see cli/main.ts). */
export function staffVerbs(program: Command): void {
  const staff = program.command('staff').description('the staff directory: who takes cases (the ids are the subjects of their tokens)');
  staff
    .command('add')
    .description('add a person to the directory')
    .argument('<staffId>', 'the subject of their tokens (mend token --sub)')
    .requiredOption('--name <displayName>', 'how lists and pickers name them')
    .addOption(new Option('--role <role>', 'their role').choices(PersonRole.options).makeOptionMandatory())
    .requiredOption('--region <code>', 'province or territory code: ON, QC, BC…')
    .requiredOption('--languages <list>', 'official languages they work in: en, fr or en,fr', languages)
    .requiredOption('--by <id>', 'the administrator doing it (recorded in the person’s stream)', personId)
    .action((staffId: string, options: StaffAddOptions) => (require('./staff.command') as typeof import('./staff.command')).staffAddCommand(staffId, options));
  staff
    .command('update')
    .description('change some of a person’s fields; the others are kept')
    .argument('<staffId>', 'the person')
    .option('--name <displayName>', 'a new display name')
    .addOption(new Option('--role <role>', 'a new role').choices(PersonRole.options))
    .option('--region <code>', 'a new region')
    .option('--languages <list>', 'their languages: en, fr or en,fr', languages)
    .addOption(new Option('--inactive', 'they no longer take cases').conflicts('active'))
    .addOption(new Option('--active', 'they take cases again').conflicts('inactive'))
    .requiredOption('--by <id>', 'the administrator doing it', personId)
    .action((staffId: string, options: StaffUpdateOptions) =>
      (require('./staff.command') as typeof import('./staff.command')).staffUpdateCommand(staffId, options),
    );
  staff
    .command('list')
    .description('the directory, by display name, with each person’s open cases')
    .option('--role <role>', 'only this role')
    .option('--region <code>', 'only this region')
    .option('--all', 'former staff too')
    .action((options: StaffListOptions) => (require('./staff.command') as typeof import('./staff.command')).staffListCommand(options));
}
