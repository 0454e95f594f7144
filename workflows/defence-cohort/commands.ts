import { z } from 'zod';
import { DEFAULT_REGION, RegionCode } from '../../domain/regions';
import { caseOf, ChosenSubjectId, Instant, LocalDate, StaffId, SubjectId, text } from '../../domain/schemas';
import { withFrench } from '../../domain/validation';

/** A list whose entries must differ, so that the error names the list when one repeats. */
function distinct<T extends z.ZodType>(item: T) {
  return z.array(item).refine((values) => new Set(values).size === values.length, {
    message: withFrench('entries must not repeat', 'les éléments ne doivent pas se répéter'),
  });
}

/** A restorative practitioner guiding the cohort: their login, never personal data of a representative. */
export const PractitionerId = StaffId;
/** A Defence representative's id within Mend: the data subject their name and commitments are sealed under. */
export const RepresentativeId = SubjectId;

/** A class member's Restorative Engagement case (its case id): a session with the cohort links it by its id only. */
export const EngagementCaseId = caseOf('restorative-engagement', { for: 'engagementSession' });

/** "Full-time cohorts will meet daily for 12 weeks, and part-time cohorts will meet on a week-on/week-off rotation for 25 weeks." */
export const CohortFormat = z.enum(['fullTime', 'partTime']);
export type CohortFormat = z.infer<typeof CohortFormat>;
/** "…either virtually, in person, or a mix of both." */
export const CohortDelivery = z.enum(['virtual', 'inPerson', 'mixed']);
export type CohortDelivery = z.infer<typeof CohortDelivery>;
/** "Defence representatives are CAF members and DND public service employees." */
export const Affiliation = z.enum(['cafMember', 'dndEmployee']);

/** A nominated Defence representative: name and contact are personal information. */
export const Representative = z.strictObject({
  /** When absent, a new data subject is minted. */
  subjectId: ChosenSubjectId.optional(),
  name: text(200),
  contact: text(500).optional(),
  affiliation: Affiliation,
  /** The day the representative's nomination was received. */
  nominatedOn: LocalDate,
});

export const FormCohort = z.strictObject({
  type: z.literal('FormCohort'),
  data: z.strictObject({
    region: RegionCode.default(DEFAULT_REGION),
    format: CohortFormat,
    delivery: CohortDelivery,
    /** Exactly two (a business rule, so that every broken rule is reported at once). */
    practitionerIds: distinct(PractitionerId).max(10),
    /** Six to eight (a business rule, reported with the others). */
    representatives: z.array(Representative).min(1).max(20),
  }),
}).meta({
  description:
    'Open a cohort: six to eight nominated Defence representatives and the two restorative practitioners who guide them, full-time (daily for 12 weeks) or part-time (week-on/week-off for 25 weeks), virtual, in person or mixed. Every broken rule is reported at once.',
  descriptionFr:
    'Former une cohorte\u00a0: de six à huit personnes représentantes de la Défense nommées et les deux praticiennes ou praticiens en approche réparatrice qui les guident, à temps plein (chaque jour pendant 12\u00a0semaines) ou à temps partiel (une semaine sur deux pendant 25\u00a0semaines), en mode virtuel, en personne ou mixte. Toutes les règles non respectées sont signalées en même temps.',
  example: {
    region: 'ON',
    format: 'fullTime',
    delivery: 'mixed',
    practitionerIds: ['practitioner-1', 'practitioner-2'],
    representatives: [
      { subjectId: 'rep-1', name: 'Cpl Alex Martin', contact: 'alex.martin@example.org', affiliation: 'cafMember', nominatedOn: '2026-01-12' },
      { subjectId: 'rep-2', name: 'Jordan Roy', contact: 'jordan.roy@example.org', affiliation: 'dndEmployee', nominatedOn: '2026-01-14' },
      { subjectId: 'rep-3', name: 'Capt Sam Gagnon', affiliation: 'cafMember', nominatedOn: '2026-01-15' },
      { subjectId: 'rep-4', name: 'Robin Chen', affiliation: 'dndEmployee', nominatedOn: '2026-01-19' },
      { subjectId: 'rep-5', name: 'MWO Taylor Singh', affiliation: 'cafMember', nominatedOn: '2026-01-20' },
      { subjectId: 'rep-6', name: 'Morgan Leblanc', affiliation: 'dndEmployee', nominatedOn: '2026-01-21' },
    ],
  },
});

export const AddRepresentative = z.strictObject({
  type: z.literal('AddRepresentative'),
  data: z.strictObject({ representative: Representative }),
}).meta({
  description: 'A nominated representative joins the cohort before it starts (eight at most).',
  descriptionFr: 'Une personne représentante nommée se joint à la cohorte avant son début (huit au maximum).',
  example: { representative: { subjectId: 'rep-7', name: 'Lt(N) Casey Nguyen', affiliation: 'cafMember', nominatedOn: '2026-02-02' } },
});

/** Why a representative left: never free text, which would be personal information about them. */
export const WithdrawalReason = z.enum(['ownRequest', 'operationalRequirements', 'postingOrDeployment', 'leave', 'other']);

export const WithdrawRepresentative = z.strictObject({
  type: z.literal('WithdrawRepresentative'),
  data: z.strictObject({
    representativeId: RepresentativeId,
    reason: WithdrawalReason,
    withdrawnAt: Instant.optional(),
  }),
}).meta({
  description:
    'A representative leaves the cohort, at any time. What the cohort recorded with them stays in its history; a cohort left with fewer than six is flagged to the supervisor, not closed.',
  descriptionFr:
    'Une personne représentante quitte la cohorte, à tout moment. Ce que la cohorte a consigné à son sujet demeure dans l’historique de celle-ci\u00a0; une cohorte réduite à moins de six personnes représentantes est signalée au personnel de supervision, sans être fermée.',
  example: { representativeId: 'rep-6', reason: 'postingOrDeployment' },
});

export const PractitionerChangeReason = z.enum(['availability', 'conflictOfInterest', 'leave', 'other']);

export const ReplacePractitioner = z.strictObject({
  type: z.literal('ReplacePractitioner'),
  data: z.strictObject({
    practitionerId: PractitionerId,
    replacementId: PractitionerId,
    reason: PractitionerChangeReason,
  }),
}).meta({
  description: 'A supervisor replaces one of the cohort’s two restorative practitioners with another.',
  descriptionFr: 'Le personnel de supervision remplace une praticienne ou un praticien en approche réparatrice de la cohorte par une autre personne.',
  example: { practitionerId: 'practitioner-2', replacementId: 'practitioner-3', reason: 'availability' },
});

export const StartCohort = z.strictObject({
  type: z.literal('StartCohort'),
  data: z.strictObject({
    /** The day of the cohort's first meeting: today or earlier. */
    startedOn: LocalDate,
  }),
}).meta({
  description:
    'The cohort met for the first time. It needs six to eight representatives and its two practitioners (every broken rule is reported at once); its planned end (12 weeks full-time, 25 weeks part-time) is computed now and recorded.',
  descriptionFr:
    'La cohorte s’est réunie pour la première fois. Elle doit compter de six à huit personnes représentantes et ses deux praticiennes ou praticiens (toutes les règles non respectées sont signalées en même temps)\u00a0; sa fin prévue (12\u00a0semaines à temps plein, 25\u00a0semaines à temps partiel) est alors calculée et consignée.',
  example: { startedOn: '2026-03-02' },
});

/** "Facilitating reflection, dialogue, learning, understanding, skills building, preparation, and planning for action." */
export const SessionKind = z.enum(['learning', 'reflection', 'planningForAction']);
export const SessionDelivery = z.enum(['virtual', 'inPerson']);

export const RecordSession = z.strictObject({
  type: z.literal('RecordSession'),
  data: z.strictObject({
    kind: SessionKind,
    heldAt: Instant.optional(),
    delivery: SessionDelivery,
    /** The representatives present, when attendance is taken. */
    attendeeIds: distinct(RepresentativeId).max(20).optional(),
  }),
}).meta({
  description: 'A cohort session: learning, reflection, or planning for action.',
  descriptionFr: 'Une séance de la cohorte\u00a0: apprentissage, réflexion ou planification de l’action.',
  example: { kind: 'learning', delivery: 'virtual', heldAt: '2026-03-03T09:00:00-05:00' },
});

/** "Engagement sessions with class members … may be in-person, virtual or indirect, as an individual or in a group." */
export const EngagementDelivery = z.enum(['inPerson', 'virtual', 'indirect']);
export const EngagementSetting = z.enum(['individual', 'group']);

export const RecordEngagementSession = z.strictObject({
  type: z.literal('RecordEngagementSession'),
  data: z.strictObject({
    heldAt: Instant.optional(),
    delivery: EngagementDelivery,
    setting: EngagementSetting,
    /**
     * The Restorative Engagement cases of the class members who took part: their case ids only. The
     * cohort never records who they are or what they shared.
     */
    engagementCaseIds: distinct(EngagementCaseId).min(1).max(30),
  }),
}).meta({
  description:
    'An engagement session with class members, organised and facilitated by restorative practitioners: links the Restorative Engagement cases that took part, by case id only.',
  descriptionFr:
    'Une séance d’engagement avec des membres du groupe, organisée et animée par des praticiennes et praticiens en approche réparatrice\u00a0: elle relie les dossiers d’engagement réparateur des membres du groupe qui y ont pris part, par leur seul identifiant de dossier.',
  example: { delivery: 'virtual', setting: 'individual', engagementCaseIds: ['0195f3a0-5b1c-7a10-9d2e-3c4b5a697801'], heldAt: '2026-03-03T09:30:00-05:00' },
});

export const Commitment = z.strictObject({
  representativeId: RepresentativeId,
  /** What the representative commits to do in their daily role, in their words. Personal information. */
  commitments: text(4000),
});

export const CompleteCohort = z.strictObject({
  type: z.literal('CompleteCohort'),
  data: z.strictObject({
    commitments: z
      .array(Commitment)
      .min(1)
      .max(20)
      .refine((items) => new Set(items.map((c) => c.representativeId)).size === items.length, {
        message: withFrench('names a representative twice', 'nomme deux fois la même personne représentante'),
      }),
  }),
}).meta({
  description:
    'The cohort completed its work: the commitments and actions of each representative still in it, after at least one session of planning for action.',
  descriptionFr:
    'La cohorte a terminé ses travaux\u00a0: les engagements et actions de chaque personne représentante qui en fait toujours partie sont consignés, après au moins une séance de planification de l’action.',
  example: {
    commitments: ['rep-1', 'rep-2', 'rep-3', 'rep-4', 'rep-5', 'rep-6'].map((representativeId) => ({
      representativeId,
      commitments: 'Brief my unit on what class members told us, and review how complaints are received in my section.',
    })),
  },
});

export const DisbandReason = z.enum(['tooFewRepresentatives', 'practitionersUnavailable', 'programDecision', 'other']);

export const DisbandCohort = z.strictObject({
  type: z.literal('DisbandCohort'),
  data: z.strictObject({ reason: DisbandReason }),
}).meta({
  description: 'A supervisor ends a cohort that will not complete (e.g. too few representatives remain). Its history is kept.',
  descriptionFr: 'Le personnel de supervision dissout une cohorte qui n’ira pas à terme (p.\u00a0ex. s’il reste trop peu de personnes représentantes). Son historique est conservé.',
  example: { reason: 'tooFewRepresentatives' },
});

export const DefenceCohortCommand = z.discriminatedUnion('type', [
  FormCohort,
  AddRepresentative,
  WithdrawRepresentative,
  ReplacePractitioner,
  StartCohort,
  RecordSession,
  RecordEngagementSession,
  CompleteCohort,
  DisbandCohort,
]);
export type DefenceCohortCommand = z.output<typeof DefenceCohortCommand>;
