import { Option, type Command } from 'commander';
import { PersonRole } from '../../domain/roles';
import { said } from '../cli/messages';
import { personId } from '../cli/options';
import type { StaffAddOptions, StaffListOptions, StaffUpdateOptions } from './staff.command';

const languages = (value: string) => value.split(',').map((language) => language.trim());

/** The administrators' staff verbs: `staff add|update|list`; each loads its implementation when it runs (see cli/main.ts). */
export function staffVerbs(program: Command): void {
  const staff = program.command('staff').description(
    said({
      en: 'the staff directory: who takes cases (the ids are the subjects of their tokens)',
      fr: 'le répertoire du personnel\u00a0: qui prend des dossiers (les identifiants sont les sujets de leurs jetons)',
    }),
  );
  staff
    .command('add')
    .description(said({ en: 'add a person to the directory', fr: 'ajouter une personne au répertoire' }))
    .argument('<staffId>', said({ en: 'the subject of their tokens (mend token --sub)', fr: 'le sujet de ses jetons (mend token --sub)' }))
    .requiredOption('--name <displayName>', said({ en: 'how lists and pickers name them', fr: 'le nom que lui donnent les listes et les sélecteurs' }))
    .addOption(new Option('--role <role>', said({ en: 'their role', fr: 'son rôle' })).choices(PersonRole.options).makeOptionMandatory())
    .requiredOption('--region <code>', said({ en: 'province or territory code: ON, QC, BC…', fr: 'code de province ou de territoire\u00a0: ON, QC, BC…' }))
    .requiredOption('--languages <list>', said({ en: 'official languages they work in: en, fr or en,fr', fr: 'langues officielles dans lesquelles elle travaille\u00a0: en, fr ou en,fr' }), languages)
    .requiredOption('--by <id>', said({ en: 'the administrator doing it (recorded in the person’s stream)', fr: 'l’administrateur qui le fait (consigné dans le flux de la personne)' }), personId)
    .action((staffId: string, options: StaffAddOptions) => (require('./staff.command') as typeof import('./staff.command')).staffAddCommand(staffId, options));
  staff
    .command('update')
    .description(said({ en: 'change some of a person’s fields; the others are kept', fr: 'modifier certains champs d’une personne\u00a0; les autres sont conservés' }))
    .argument('<staffId>', said({ en: 'the person', fr: 'la personne' }))
    .option('--name <displayName>', said({ en: 'a new display name', fr: 'un nouveau nom affiché' }))
    .addOption(new Option('--role <role>', said({ en: 'a new role', fr: 'un nouveau rôle' })).choices(PersonRole.options))
    .option('--region <code>', said({ en: 'a new region', fr: 'une nouvelle région' }))
    .option('--languages <list>', said({ en: 'their languages: en, fr or en,fr', fr: 'ses langues\u00a0: en, fr ou en,fr' }), languages)
    .addOption(new Option('--inactive', said({ en: 'they no longer take cases', fr: 'elle ne prend plus de dossiers' })).conflicts('active'))
    .addOption(new Option('--active', said({ en: 'they take cases again', fr: 'elle reprend des dossiers' })).conflicts('inactive'))
    .requiredOption('--by <id>', said({ en: 'the administrator doing it', fr: 'l’administrateur qui le fait' }), personId)
    .action((staffId: string, options: StaffUpdateOptions) =>
      (require('./staff.command') as typeof import('./staff.command')).staffUpdateCommand(staffId, options),
    );
  staff
    .command('list')
    .description(said({ en: 'the directory, by display name, with each person’s open cases', fr: 'le répertoire, par nom affiché, avec les dossiers en cours de chaque personne' }))
    .option('--role <role>', said({ en: 'only this role', fr: 'seulement ce rôle' }))
    .option('--region <code>', said({ en: 'only this region', fr: 'seulement cette région' }))
    .option('--all', said({ en: 'former staff too', fr: 'aussi les anciens membres du personnel' }))
    .action((options: StaffListOptions) => (require('./staff.command') as typeof import('./staff.command')).staffListCommand(options));
}
