import { z } from 'zod';
import { RegionCode } from '../../domain/regions';
import { fieldKind, Instant, StaffId, SubjectId } from '../../domain/schemas';
import { Channel, Concerns, Kind } from './commands';
import { ProgramName } from './settings';

const HandlerId = StaffId;
const Level = z.number().int().positive();
/** The title of a level of authority, from the escalation chain in configuration: never from a request. */
const LevelTitle = fieldKind(z.string().min(1).max(200), 'code');
/**
 * The same title in French, recorded beside the English where configuration gives one (absent in
 * complaints received before titles were bilingual). A field `<name>Fr` is the French of `<name>`.
 */
const LevelTitleFr = LevelTitle.optional();

/** One level of authority as configured when the complaint was received. */
export const EscalationLevel = z.strictObject({ level: Level, title: LevelTitle, titleFr: LevelTitleFr });

/**
 * A complaint reached the program. The escalation chain in force at receipt is recorded with it:
 * the case keeps that chain, so a later change of configuration never changes a complaint's levels.
 */
export const ComplaintReceived = z.strictObject({
  type: z.literal('ComplaintReceived'),
  data: z.strictObject({
    /** Absent in complaints recorded before feedback was told apart: a complaint. */
    kind: Kind.optional(),
    channel: Channel,
    receivedAt: Instant,
    region: RegionCode,
    complainant: z.strictObject({
      subjectId: SubjectId,
      name: z.string().min(1).max(200),
      pseudonym: z.boolean(),
      contact: z.string().min(1).max(500).optional(),
    }),
    text: z.string().min(1).max(20_000),
    concerns: Concerns.optional(),
    /** The registered workflow whose read scope the complaint is read under: the program it concerns. */
    readAs: ProgramName.optional(),
    escalationChain: z.array(EscalationLevel).min(1).max(20),
    /** The level the complaint starts at: the lowest. */
    level: Level,
    levelTitle: LevelTitle,
    levelTitleFr: LevelTitleFr,
  }),
}).meta({
  description: 'A complaint reached the program; the escalation chain in force is recorded with it.',
  descriptionFr: 'Une plainte est parvenue au programme\u00a0; la chaîne de révision en vigueur est consignée avec elle.',
});

export const ComplaintAcknowledged = z.strictObject({
  type: z.literal('ComplaintAcknowledged'),
  data: z.strictObject({
    acknowledgedAt: Instant,
    method: z.enum(['email', 'mail', 'phone', 'inPerson']).optional(),
  }),
}).meta({ description: 'Receipt of the complaint was acknowledged to the complainant.', descriptionFr: 'Un accusé de réception de la plainte a été transmis à la personne plaignante.' });

/** The person who reviews the complaint at its current level. `previousHandlerId` is set on a reassignment. */
export const HandlerAssigned = z.strictObject({
  type: z.literal('HandlerAssigned'),
  data: z.strictObject({
    handlerId: HandlerId,
    level: Level,
    levelTitle: LevelTitle,
    levelTitleFr: LevelTitleFr,
    assignedAt: Instant,
    previousHandlerId: HandlerId.optional(),
  }),
}).meta({
  description: 'The complaint was sent to the person who reviews it at its current level.',
  descriptionFr: 'La plainte a été confiée à la personne qui l’examine à son palier actuel.',
});

/** The response at a level. Below the last level it names who the complaint can be elevated to next. */
export const ComplaintResponded = z.strictObject({
  type: z.literal('ComplaintResponded'),
  data: z.strictObject({
    respondedAt: Instant,
    level: Level,
    levelTitle: LevelTitle,
    levelTitleFr: LevelTitleFr,
    complainantId: SubjectId,
    response: z.string().min(1).max(20_000),
    /** Absent only at the last level of the chain. */
    nextLevel: z
      .strictObject({
        level: Level,
        title: LevelTitle,
        titleFr: LevelTitleFr,
        subjectId: SubjectId,
        name: z.string().min(1).max(200),
        /**
         * The role the responder typed, in responses recorded before the role was the chain's next
         * level: `title` is that role now, so new responses do not repeat it.
         */
        role: z.string().min(1).max(200).optional(),
        contact: z.string().min(1).max(500),
      })
      .optional(),
  }),
}).meta({
  description: 'The complaint was answered at its current level, naming who it can be elevated to next.',
  descriptionFr: 'La plainte a reçu une réponse à son palier actuel, qui nomme la personne à qui elle peut ensuite être transmise en révision.',
});

export const ResponseAccepted = z.strictObject({
  type: z.literal('ResponseAccepted'),
  data: z.strictObject({ acceptedAt: Instant, level: Level, levelTitle: LevelTitle, levelTitleFr: LevelTitleFr }),
}).meta({ description: 'The complainant accepted the response: the complaint is resolved.', descriptionFr: 'La personne plaignante a accepté la réponse\u00a0: la plainte est réglée.' });

/** The complainant used the right of review: the complaint moves up to `level`. */
export const ReviewRequested = z.strictObject({
  type: z.literal('ReviewRequested'),
  data: z.strictObject({
    requestedAt: Instant,
    fromLevel: Level,
    level: Level,
    levelTitle: LevelTitle,
    levelTitleFr: LevelTitleFr,
    complainantId: SubjectId,
    grounds: z.string().min(1).max(20_000).optional(),
  }),
}).meta({
  description: 'The complainant used the right of review: the complaint moved to the next level of authority.',
  descriptionFr: 'La personne plaignante a exercé son droit de révision\u00a0: la plainte est passée au palier d’autorité suivant.',
});

export const ComplaintClosed = z.strictObject({
  type: z.literal('ComplaintClosed'),
  data: z.strictObject({
    closedAt: Instant,
    level: Level,
    levelTitle: LevelTitle,
    levelTitleFr: LevelTitleFr,
    /**
     * `reviewsExhausted`: answered at the last level; `reviewNotRequested`: the review window passed
     * without a review request; `feedbackRecorded`: feedback, noted.
     */
    outcome: z.enum(['reviewsExhausted', 'reviewNotRequested', 'feedbackRecorded']),
  }),
}).meta({
  description: 'The complaint was closed without being accepted (its review window passed, or the last level answered), or the feedback was noted.',
  descriptionFr: 'La plainte a été fermée sans que la réponse ait été acceptée (son délai de révision a expiré, ou le dernier palier a répondu), ou le commentaire a été consigné.',
});

export const ComplaintWithdrawn = z.strictObject({
  type: z.literal('ComplaintWithdrawn'),
  data: z.strictObject({ withdrawnAt: Instant, level: Level, levelTitle: LevelTitle, levelTitleFr: LevelTitleFr }),
}).meta({ description: 'The complainant withdrew the complaint.', descriptionFr: 'La personne plaignante a retiré sa plainte.' });

export const ComplaintEvent = z.discriminatedUnion('type', [
  ComplaintReceived,
  ComplaintAcknowledged,
  HandlerAssigned,
  ComplaintResponded,
  ResponseAccepted,
  ReviewRequested,
  ComplaintClosed,
  ComplaintWithdrawn,
]);
export type ComplaintEvent = z.infer<typeof ComplaintEvent>;
export type ComplaintEventType = ComplaintEvent['type'];
export type ComplaintEventOf<T extends ComplaintEventType> = Extract<ComplaintEvent, { type: T }>;
