import { z } from 'zod';
import { RegionCode } from '../../domain/regions';
import { Instant, LocalDate, recordOf, StatePath } from '../../domain/schemas';
import {
  Affiliation,
  CohortDelivery,
  CohortFormat,
  DisbandReason,
  EngagementCaseId,
  EngagementDelivery,
  EngagementSetting,
  PractitionerChangeReason,
  PractitionerId,
  RepresentativeId,
  SessionDelivery,
  SessionKind,
  WithdrawalReason,
} from './commands';

/** The state the cohort was in, written by the workflow. */
const Stage = StatePath;
const Count = z.number().int().nonnegative();

export const CohortFormed = z.strictObject({
  type: z.literal('CohortFormed'),
  data: z.strictObject({
    region: RegionCode,
    format: CohortFormat,
    delivery: CohortDelivery,
    practitionerIds: z.array(PractitionerId).length(2),
    /** The bounds on its size in force when it was formed: the cohort keeps them, whatever the settings later say. */
    minimumRepresentatives: z.number().int().positive(),
    maximumRepresentatives: z.number().int().positive(),
    formedAt: Instant,
  }),
}).meta({
  description: 'A cohort was formed with its two restorative practitioners; its representatives join next.',
  descriptionFr: 'Une cohorte a été formée avec ses deux praticiennes ou praticiens en approche réparatrice\u00a0; ses personnes représentantes s’y joignent ensuite.',
});

export const RepresentativeJoined = z.strictObject({
  type: z.literal('RepresentativeJoined'),
  data: z.strictObject({
    representative: z.strictObject({
      subjectId: RepresentativeId,
      name: z.string().min(1).max(200),
      contact: z.string().min(1).max(500).optional(),
      affiliation: Affiliation,
      nominatedOn: LocalDate,
    }),
    joinedAt: Instant,
  }),
}).meta({ description: 'A nominated Defence representative joined the cohort.', descriptionFr: 'Une personne représentante de la Défense nommée s’est jointe à la cohorte.' });

export const RepresentativeWithdrawn = z.strictObject({
  type: z.literal('RepresentativeWithdrawn'),
  data: z.strictObject({
    representativeId: RepresentativeId,
    reason: WithdrawalReason,
    withdrawnAt: Instant,
    stage: Stage,
    /** Representatives left in the cohort. */
    remaining: Count,
  }),
}).meta({
  description: 'A representative left the cohort; what was recorded with them stays in its history.',
  descriptionFr: 'Une personne représentante a quitté la cohorte\u00a0; ce qui a été consigné à son sujet demeure dans l’historique de la cohorte.',
});

/** Recorded with each withdrawal that leaves the cohort below its minimum: the supervisor decides what to do. */
export const CohortBelowMinimum = z.strictObject({
  type: z.literal('CohortBelowMinimum'),
  data: z.strictObject({ representatives: Count, minimum: z.number().int().positive(), flaggedAt: Instant }),
}).meta({
  description: 'The cohort has fewer representatives than the minimum: flagged to the supervisor, not closed.',
  descriptionFr: 'La cohorte compte moins de personnes représentantes que le minimum\u00a0: elle est signalée au personnel de supervision, sans être fermée.',
});

export const PractitionerReplaced = z.strictObject({
  type: z.literal('PractitionerReplaced'),
  data: z.strictObject({
    previousPractitionerId: PractitionerId,
    practitionerId: PractitionerId,
    reason: PractitionerChangeReason,
    replacedAt: Instant,
  }),
}).meta({ description: 'One of the cohort’s two practitioners was replaced.', descriptionFr: 'Une praticienne ou un praticien de la cohorte a été remplacé.' });

export const CohortStarted = z.strictObject({
  type: z.literal('CohortStarted'),
  data: z.strictObject({
    startedOn: LocalDate,
    format: CohortFormat,
    /** The length of the cohort in force when it started (settings may change later; this does not). */
    weeks: z.number().int().positive(),
    /** The last day of its last week. */
    plannedEndOn: LocalDate,
    representatives: Count,
  }),
}).meta({
  description: 'The cohort met for the first time; its planned end is recorded.',
  descriptionFr: 'La cohorte s’est réunie pour la première fois\u00a0; sa fin prévue est consignée.',
});

export const CohortSessionHeld = z.strictObject({
  type: z.literal('CohortSessionHeld'),
  data: z.strictObject({
    sessionId: recordOf('CohortSessionHeld', 'sessionId'),
    kind: SessionKind,
    heldAt: Instant,
    delivery: SessionDelivery,
    attendeeIds: z.array(RepresentativeId).optional(),
  }),
}).meta({
  description: 'A cohort session (learning, reflection or planning for action) was held.',
  descriptionFr: 'Une séance de la cohorte (apprentissage, réflexion ou planification de l’action) a été tenue.',
});

export const EngagementSessionHeld = z.strictObject({
  type: z.literal('EngagementSessionHeld'),
  data: z.strictObject({
    sessionId: recordOf('EngagementSessionHeld', 'sessionId'),
    heldAt: Instant,
    delivery: EngagementDelivery,
    setting: EngagementSetting,
    engagementCaseIds: z.array(EngagementCaseId).min(1),
  }),
}).meta({
  description: 'An engagement session with class members was held; the Restorative Engagement cases that took part are linked by id.',
  descriptionFr:
    'Une séance d’engagement avec des membres du groupe a été tenue\u00a0; les dossiers d’engagement réparateur des membres du groupe qui y ont participé sont liés par leur identifiant.',
});

export const RepresentativeCommitted = z.strictObject({
  type: z.literal('RepresentativeCommitted'),
  data: z.strictObject({
    representativeId: RepresentativeId,
    commitments: z.string().min(1).max(4000),
    recordedAt: Instant,
  }),
}).meta({
  description: 'A representative’s commitments and actions, recorded at completion.',
  descriptionFr: 'Les engagements et actions d’une personne représentante, consignés à l’achèvement de la cohorte.',
});

export const CohortCompleted = z.strictObject({
  type: z.literal('CohortCompleted'),
  data: z.strictObject({
    completedAt: Instant,
    representatives: Count,
    sessionsHeld: Count,
    engagementSessionsHeld: Count,
    plannedEndOn: LocalDate,
  }),
}).meta({ description: 'The cohort completed its work.', descriptionFr: 'La cohorte a terminé ses travaux.' });

export const CohortDisbanded = z.strictObject({
  type: z.literal('CohortDisbanded'),
  data: z.strictObject({ reason: DisbandReason, disbandedAt: Instant, stage: Stage }),
}).meta({ description: 'A supervisor ended the cohort before completion.', descriptionFr: 'Le personnel de supervision a dissous la cohorte avant son achèvement.' });

export const DefenceCohortEvent = z.discriminatedUnion('type', [
  CohortFormed,
  RepresentativeJoined,
  RepresentativeWithdrawn,
  CohortBelowMinimum,
  PractitionerReplaced,
  CohortStarted,
  CohortSessionHeld,
  EngagementSessionHeld,
  RepresentativeCommitted,
  CohortCompleted,
  CohortDisbanded,
]);
export type DefenceCohortEvent = z.infer<typeof DefenceCohortEvent>;
