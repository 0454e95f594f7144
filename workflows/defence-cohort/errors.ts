import { defineError, defineTimeInFuture, listed, quoted } from '../../domain/errors';
import type { DefenceCohortCommand } from './commands';
import { defenceCohortLabels } from './labels';

export const RepresentativesOutOfRange = defineError<{ count: number; minimum: number; maximum: number }>('DRC.REPRESENTATIVES_OUT_OF_RANGE', 'rule', {
  en: (p) => `A cohort has ${p.minimum} to ${p.maximum} Defence representatives; this one would have ${p.count}.`,
  fr: (p) => `Une cohorte compte de ${p.minimum} à ${p.maximum} personnes représentantes de la Défense\u00a0; celle-ci en compterait ${p.count}.`,
});

export const PractitionersNotTwo = defineError<{ count: number }>('DRC.PRACTITIONERS_NOT_TWO', 'rule', {
  en: (p) => `Two restorative practitioners guide each cohort; ${p.count} ${p.count === 1 ? 'was' : 'were'} named.`,
  fr: (p) => `Deux praticiennes ou praticiens en approche réparatrice guident chaque cohorte\u00a0; ${p.count} ${p.count > 1 ? 'personnes ont été nommées' : 'personne a été nommée'}.`,
});

export const RepresentativeNamedTwice = defineError<{ ids: string }>('DRC.REPRESENTATIVE_TWICE', 'rule', {
  en: (p) => `A representative can be in the cohort only once: ${p.ids} is named more than once.`,
  fr: (p) => `Une personne représentante ne peut faire partie de la cohorte qu’une fois\u00a0: ${p.ids} figure plus d’une fois.`,
});

export const AlreadyInCohort = defineError<{ representativeId: string }>('DRC.ALREADY_IN_COHORT', 'rule', {
  en: (p) => `Representative ${p.representativeId} has already been in this cohort.`,
  fr: (p) => `La personne représentante ${p.representativeId} a déjà fait partie de cette cohorte.`,
});

export const CohortFull = defineError<{ maximum: number }>('DRC.COHORT_FULL', 'rule', {
  en: (p) => `The cohort already has ${p.maximum} representatives, the most a cohort may have.`,
  fr: (p) => `La cohorte compte déjà ${p.maximum} personnes représentantes, le maximum permis.`,
});

export const NotInCohort = defineError<{ ids: string }>('DRC.NOT_IN_COHORT', 'rule', {
  en: (p) => `Not a representative in this cohort now: ${p.ids}.`,
  fr: (p) => `Ne fait pas partie de cette cohorte actuellement\u00a0: ${p.ids}.`,
});

export const NotCohortPractitioner = defineError<{ practitionerId: string; practitioners: readonly string[] }>(
  'DRC.NOT_COHORT_PRACTITIONER',
  'rule',
  {
    en: (p) => `${p.practitionerId} does not guide this cohort; its practitioners are ${listed(p.practitioners, 'en')}.`,
    fr: (p) => `${p.practitionerId} ne guide pas cette cohorte\u00a0; elle est guidée par ${listed(p.practitioners, 'fr')}.`,
  },
  { staff: ['practitionerId', 'practitioners'] },
);

export const AlreadyCohortPractitioner = defineError<{ practitionerId: string }>('DRC.ALREADY_COHORT_PRACTITIONER', 'rule', {
  en: (p) => `${p.practitionerId} already guides this cohort.`,
  fr: (p) => `${p.practitionerId} guide déjà cette cohorte.`,
}, { staff: ['practitionerId'] });

export const TimeInFuture = defineTimeInFuture('DRC.TIME_IN_FUTURE', defenceCohortLabels.fields);

export const BeforeStart = defineError<{ field: string; value: string; startedOn: string }>('DRC.BEFORE_START', 'rule', {
  en: (p) => `${quoted(defenceCohortLabels.fields, p.field, 'en')} (${p.value}) is before the cohort started (${p.startedOn}).`,
  fr: (p) => `${quoted(defenceCohortLabels.fields, p.field, 'fr')} (${p.value}) précède le début de la cohorte (${p.startedOn}).`,
});

/** A cohort starting before one of its representatives was nominated: said beside the start (`data.startedOn`). */
export const StartBeforeNomination = defineError<{ startedOn: string; representativeId: string; nominatedOn: string }>('DRC.START_BEFORE_NOMINATION', 'rule', {
  en: (p) => `${quoted(defenceCohortLabels.fields, 'startedOn', 'en')} (${p.startedOn}) is before representative ${p.representativeId} was nominated (${p.nominatedOn}).`,
  fr: (p) =>
    `${quoted(defenceCohortLabels.fields, 'startedOn', 'fr')} (${p.startedOn}) précède la désignation de la personne représentante ${p.representativeId} (${p.nominatedOn}).`,
});

/** A cohort starting before the program's first cohorts: said beside the start (`data.startedOn`). */
export const StartBeforeProgram = defineError<{ startedOn: string; firstOn: string }>('DRC.START_BEFORE_PROGRAM', 'rule', {
  en: (p) => `${quoted(defenceCohortLabels.fields, 'startedOn', 'en')} (${p.startedOn}) is before the first cohorts of Defence representatives began (${p.firstOn}).`,
  fr: (p) =>
    `${quoted(defenceCohortLabels.fields, 'startedOn', 'fr')} (${p.startedOn}) précède le début des premières cohortes de personnes représentantes de la Défense (${p.firstOn}).`,
});

/** A departure dated before the representative joined: said beside the departure's date (`data.withdrawnAt`) where it is refused. */
export const BeforeJoined = defineError<{ value: string; representativeId: string; joinedAt: string }>('DRC.BEFORE_JOINED', 'rule', {
  en: (p) => `${quoted(defenceCohortLabels.fields, 'withdrawnAt', 'en')} (${p.value}) is before representative ${p.representativeId} joined the cohort (${p.joinedAt}).`,
  fr: (p) =>
    `${quoted(defenceCohortLabels.fields, 'withdrawnAt', 'fr')} (${p.value}) précède l’arrivée de la personne représentante ${p.representativeId} dans la cohorte (${p.joinedAt}).`,
});

export const EngagementSettingMismatch = defineError<{ setting: string; count: number }>('DRC.ENGAGEMENT_SETTING', 'rule', {
  en: (p) =>
    p.setting === 'individual'
      ? `An individual engagement session is with one class member: name one Restorative Engagement case, not ${p.count}.`
      : `A group engagement session is with several class members: name at least two Restorative Engagement cases, not ${p.count}.`,
  fr: (p) =>
    p.setting === 'individual'
      ? `Une séance d’engagement individuelle se tient avec un seul membre du groupe\u00a0: indiquez un dossier d’engagement réparateur, et non ${p.count}.`
      : `Une séance d’engagement de groupe réunit plusieurs membres du groupe\u00a0: indiquez au moins deux dossiers d’engagement réparateur, et non ${p.count}.`,
});

export const CommitmentsMissing = defineError<{ ids: string }>('DRC.COMMITMENTS_MISSING', 'rule', {
  en: (p) => `Completion records the commitments of every representative still in the cohort; missing: ${p.ids}.`,
  fr: (p) => `L’achèvement consigne les engagements de chaque personne représentante encore dans la cohorte\u00a0; il manque\u00a0: ${p.ids}.`,
});

export const NoPlanningSession = defineError('DRC.NO_PLANNING_SESSION', 'rule', {
  en: () =>
    `A cohort completes after at least one session of planning for action (${quoted(defenceCohortLabels.commands, 'RecordSession' satisfies DefenceCohortCommand['type'], 'en')}, kind ${quoted(defenceCohortLabels.values, 'planningForAction', 'en')}).`,
  fr: () =>
    `Une cohorte se termine après au moins une séance de planification de l’action (${quoted(defenceCohortLabels.commands, 'RecordSession' satisfies DefenceCohortCommand['type'], 'fr')}, type ${quoted(defenceCohortLabels.values, 'planningForAction', 'fr')}).`,
});
