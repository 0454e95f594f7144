import { z } from 'zod';
import { defineError } from './errors';
import { RegionCode } from './regions';
import { PersonRole, roleLabel } from './roles';
import { withFrench, type Bilingual } from './validation';

/**
 * The staff directory: who works cases, as admins record them. A staff member's id is the subject
 * of their bearer tokens (`mend token --sub`, the OIDC `sub`), so an actor is found in it by id.
 * Each member is a stream of their own (`staff-<id>`): added once, then updated.
 */
export const STAFF_CATEGORY = 'staff';

export const StaffId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,199}$/,
    withFrench(
      'must be the person’s token subject: letters, digits and . _ @ : - (at most 200)',
      'doit être le sujet du jeton de la personne : lettres, chiffres et . _ @ : - (200 au plus)',
    ),
  )
  .meta({ description: 'The subject (`sub`) of the person’s bearer tokens', example: 'practitioner-1' });

/** The official languages a person works in. */
export const StaffLanguage = z.enum(['en', 'fr']);
export type StaffLanguage = z.infer<typeof StaffLanguage>;

/**
 * The official languages a case is served in: one (the client's choice under Part IV of the
 * Official Languages Act, a session given in it), or both (a bilingual information session).
 */
export const ServiceLanguage = z.enum(['en', 'fr', 'bilingual']);
export type ServiceLanguage = z.infer<typeof ServiceLanguage>;

/** The languages a person must work in to be given a case served in `service`: both for a bilingual one. */
export const languagesServed = (service: ServiceLanguage): readonly StaffLanguage[] => (service === 'bilingual' ? ['en', 'fr'] : [service]);

/** Does a person who works in `languages` work in every language a case served in `service` is served in? */
export const worksIn = (languages: readonly StaffLanguage[], service: ServiceLanguage): boolean => languagesServed(service).every((l) => languages.includes(l));

const Languages = z
  .array(StaffLanguage)
  .min(1)
  .max(2)
  .refine((languages) => new Set(languages).size === languages.length, withFrench('must not repeat a language', 'ne doit pas répéter une langue'));

const DisplayName = z.string().trim().min(1).max(200).meta({ description: 'How the person is named in lists and pickers', example: 'Alex Martin' });

export const AddStaffMember = z
  .strictObject({
    staffId: StaffId,
    displayName: DisplayName,
    role: PersonRole,
    region: RegionCode,
    languages: Languages,
  })
  .meta({ description: 'A person to add to the staff directory', example: { staffId: 'practitioner-1', displayName: 'Alex Martin', role: 'practitioner', region: 'ON', languages: ['en', 'fr'] } });
export type AddStaffMember = z.infer<typeof AddStaffMember>;

export const UpdateStaffMember = z
  .strictObject({
    displayName: DisplayName.optional(),
    role: PersonRole.optional(),
    region: RegionCode.optional(),
    languages: Languages.optional(),
    active: z.boolean().optional().meta({ description: 'False once the person no longer takes cases (kept for the history)' }),
  })
  .refine((update) => Object.values(update).some((value) => value !== undefined), withFrench('must change at least one field', 'doit modifier au moins un champ'))
  .meta({ description: 'The fields to change; the others are kept', example: { region: 'QC', languages: ['fr'] } });
export type UpdateStaffMember = z.infer<typeof UpdateStaffMember>;

export const StaffMemberAdded = z.strictObject({ type: z.literal('StaffMemberAdded'), data: AddStaffMember });
export const StaffMemberUpdated = z.strictObject({ type: z.literal('StaffMemberUpdated'), data: UpdateStaffMember });
export const StaffEvent = z.discriminatedUnion('type', [StaffMemberAdded, StaffMemberUpdated]);
export type StaffEvent = z.infer<typeof StaffEvent>;

/** A staff member as their events leave them. */
export interface StaffMember {
  readonly staffId: string;
  readonly displayName: string;
  readonly role: PersonRole;
  readonly region: RegionCode;
  readonly languages: readonly StaffLanguage[];
  readonly active: boolean;
}

/** Folds one event into the member (undefined before the first). */
export function evolveStaff(member: StaffMember | undefined, event: StaffEvent): StaffMember {
  if (event.type === 'StaffMemberAdded') return { ...event.data, active: true };
  if (!member) throw new Error('A staff member is updated before being added');
  const changes = Object.fromEntries(Object.entries(event.data).filter(([, value]) => value !== undefined));
  return { ...member, ...changes };
}

/** The changes an update really makes: none is a no-op, recorded as nothing. */
export function staffChanges(member: StaffMember, update: UpdateStaffMember): UpdateStaffMember {
  return Object.fromEntries(
    Object.entries(update).filter(([key, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(member[key as keyof StaffMember])),
  );
}

export const StaffMemberNotFound = defineError<{ staffId: string }>('STAFF.NOT_FOUND', 'not_found', {
  en: (p) => `No one with the id ${p.staffId} is in the staff directory.`,
  fr: (p) => `Personne ne porte l’identifiant ${p.staffId} dans le répertoire du personnel.`,
});

/** The staff record changed since the writer read it (If-Match), or under a concurrent write. */
export const StaffRevisionConflict = defineError<{ staffId: string; expected: string; actual: string }>('STAFF.REVISION_CONFLICT', 'conflict', {
  en: (p) => `${p.staffId}'s record changed since you read it (you expected revision ${p.expected}, it is now at ${p.actual}). Reload it and try again.`,
  fr: (p) => `La fiche de ${p.staffId} a changé depuis votre lecture (version attendue ${p.expected}, version actuelle ${p.actual}). Rechargez-la et réessayez.`,
});

export const StaffMemberExists = defineError<{ staffId: string }>('STAFF.ALREADY_EXISTS', 'conflict', {
  en: (p) => `${p.staffId} is already in the staff directory: update them instead.`,
  fr: (p) => `${p.staffId} figure déjà dans le répertoire du personnel\u00a0: modifiez plutôt sa fiche.`,
});

/**
 * Assigning a case to someone the directory does not have, or has as no longer taking cases, or
 * whose role could not work the case: a typing mistake or an oversight that would leave the case
 * with no one to work it. Refused where the deployment keeps a directory (see AssigneeCheck).
 */
export const AssigneeNotInDirectory = defineError<{ staffId: string }>('STAFF.NOT_IN_DIRECTORY', 'rule', {
  en: (p) => `No one with the id ${p.staffId} is in the staff directory, so the case cannot be assigned to them. Pick someone from the directory, or ask an administrator to add them.`,
  fr: (p) =>
    `Personne ne porte l’identifiant ${p.staffId} dans le répertoire du personnel\u00a0: le dossier ne peut pas lui être attribué. Choisissez une personne du répertoire, ou demandez à une administratrice ou à un administrateur de l’y ajouter.`,
});

export const AssigneeInactive = defineError<{ staffId: string; name: string }>('STAFF.INACTIVE', 'rule', {
  en: (p) => `${p.name} (${p.staffId}) no longer takes cases, as the staff directory records. Pick someone who does.`,
  fr: (p) => `Selon le répertoire du personnel, ${p.name} (${p.staffId}) ne prend plus de dossiers. Choisissez une personne qui en prend.`,
});

export const AssigneeCannotWorkCase = defineError<{ staffId: string; name: string; role: string; workflow: Bilingual }>('STAFF.CANNOT_WORK_CASE', 'rule', {
  en: (p) => `${p.name} (${p.staffId}) holds the ${roleLabel(p.role).en} role, which cannot work ${p.workflow.en} cases as the person assigned. Pick someone whose role can.`,
  fr: (p) =>
    `${p.name} (${p.staffId}) a le rôle «\u00a0${roleLabel(p.role).fr}\u00a0», qui ne permet pas de traiter les dossiers du processus «\u00a0${p.workflow.fr}\u00a0» en tant que personne affectée au dossier. Choisissez une personne dont le rôle le permet.`,
});

const LANGUAGE_NAMES: Record<StaffLanguage, Bilingual> = {
  en: { en: 'English', fr: 'anglais' },
  fr: { en: 'French', fr: 'français' },
};

/**
 * Assigning a case to someone who does not work in the official language it is served in: the
 * client is served in the language of their choice (Official Languages Act, Part IV). A bilingual
 * session is presented in both, so its presenter must work in both.
 */
export const AssigneeDoesNotWorkInLanguage = defineError<{ staffId: string; name: string; language: ServiceLanguage }>('STAFF.DOES_NOT_WORK_IN_LANGUAGE', 'rule', {
  en: (p) =>
    p.language === 'bilingual'
      ? `${p.name} (${p.staffId}) does not work in both English and French, as the staff directory records, and this case is served in both official languages. Pick someone who works in English and in French.`
      : `${p.name} (${p.staffId}) does not work in ${LANGUAGE_NAMES[p.language].en}, as the staff directory records, and this case is served in ${LANGUAGE_NAMES[p.language].en}. Pick someone who works in ${LANGUAGE_NAMES[p.language].en}.`,
  fr: (p) =>
    p.language === 'bilingual'
      ? `Selon le répertoire du personnel, ${p.name} (${p.staffId}) ne travaille pas à la fois en français et en anglais, les deux langues de service de ce dossier. Choisissez une personne qui travaille en français et en anglais.`
      : `Selon le répertoire du personnel, ${p.name} (${p.staffId}) ne travaille pas en ${LANGUAGE_NAMES[p.language].fr}, la langue de service de ce dossier. Choisissez une personne qui travaille en ${LANGUAGE_NAMES[p.language].fr}.`,
});
