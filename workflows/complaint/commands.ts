import { z } from 'zod';
import { ClockKey } from '../../domain/clocks/events';
import { DEFAULT_REGION, RegionCode } from '../../domain/regions';
import { caseOf, ChosenSubjectId, Instant, StaffId, text } from '../../domain/schemas';
import { responseClock } from './clocks';
import { ProgramName } from './settings';

/** An actor id (the person's login), never personal data. */
const HandlerId = StaffId;

/** How a complaint reached the program: electronic (email, web form) or mail. */
export const Channel = z.enum(['electronic', 'mail']);
export type Channel = z.infer<typeof Channel>;

/**
 * "Concerns, complaints, or feedback": a complaint runs the 2- and 30-business-day clocks and the
 * right of review; feedback is recorded, acknowledged if the program wishes, and closed, without them.
 */
export const Kind = z.enum(['complaint', 'feedback']);
export type Kind = z.infer<typeof Kind>;

/** What a complaint is about: a program (a registered workflow's name, GET /workflows) and, if any, one of its cases. */
export const Concerns = z.strictObject({
  program: ProgramName,
  /** The case the complaint is about, if any: one of that program's. */
  caseId: caseOf({ workflowField: 'program' }).optional(),
});

/** The complainant: a real name or a pseudonym, and how to reach them. Personal information. */
export const Complainant = z.strictObject({
  /** When absent, a new data subject is minted. */
  subjectId: ChosenSubjectId.optional(),
  name: text(200),
  pseudonym: z.boolean().default(false),
  contact: text(500).optional(),
});

/**
 * Who the complaint can be elevated to next: "name, role and contact information". The role is the
 * title of the next level of the complaint's escalation chain: filled in from it when absent, and
 * a response naming another level is refused.
 */
export const NextLevelContact = z.strictObject({
  subjectId: ChosenSubjectId.optional(),
  name: text(200),
  role: text(200).optional(),
  contact: text(500),
});

export const ReceiveComplaint = z.strictObject({
  type: z.literal('ReceiveComplaint'),
  data: z.strictObject({
    kind: Kind.default('complaint'),
    channel: Channel,
    /** When the program received it; for mail, the day the letter reached the program, not the day it was sent. Not before 2004-01-01 in its region (`EARLIEST_RECEIVED_ON`). */
    receivedAt: Instant,
    region: RegionCode.default(DEFAULT_REGION),
    complainant: Complainant,
    /** The concerns, complaint or feedback, as written by the complainant. */
    text: text(20_000),
    /** The program it is about: its escalation chain applies, and the complaint is read as that program's cases are. */
    concerns: Concerns.optional(),
  }),
}).meta({
  description:
    "Record a complaint, concern or feedback from a participant. A complaint starts the 2-business-day acknowledgement and the 30-business-day level-1 response clocks from the time the program received it (for mail, the day the letter arrived); feedback runs no clock. The escalation chain is the one configured for the program it concerns, else the default; a complaint about a program whose cases are confidential is as confidential as they are.",
  descriptionFr:
    'Enregistrer une plainte, une préoccupation ou un commentaire d’une personne qui participe à un programme. Une plainte fait courir le délai d’accusé de réception de 2 jours ouvrables et le délai de réponse de 30 jours ouvrables au palier 1, à compter du moment où le programme l’a reçue (pour le courrier, le jour où la lettre est parvenue au programme)\u00a0; un commentaire ne fait courir aucun délai. La chaîne de révision est celle qui est configurée pour le programme visé, sinon la chaîne par défaut\u00a0; une plainte visant un programme dont les dossiers sont confidentiels est aussi confidentielle que ces dossiers.',
  example: {
    channel: 'electronic',
    receivedAt: '2026-03-02T09:30:00-05:00',
    region: 'ON',
    complainant: { name: 'Robin', pseudonym: true, contact: 'robin.participant@example.org' },
    text: 'My preparation meeting was cancelled twice without notice and nobody called me back.',
  },
});

export const AcknowledgeComplaint = z.strictObject({
  type: z.literal('AcknowledgeComplaint'),
  data: z.strictObject({
    /** When the complainant was told: between the complaint's receipt and now; now when absent. */
    acknowledgedAt: Instant.optional(),
    method: z.enum(['email', 'mail', 'phone', 'inPerson']).optional(),
  }),
}).meta({
  description:
    'Record that receipt of the complaint was acknowledged to the complainant, when it was (now if not given). Meets the acknowledgement clock at that time, so an acknowledgement entered late still counts as on time if it was.',
  descriptionFr:
    'Consigner qu’un accusé de réception de la plainte a été transmis à la personne plaignante, et à quel moment (maintenant si ce n’est pas précisé). Le délai d’accusé de réception est respecté à ce moment-là\u00a0: un accusé de réception saisi tardivement compte donc comme transmis à temps s’il l’a effectivement été.',
  example: { method: 'email' },
});

export const AssignHandler = z.strictObject({
  type: z.literal('AssignHandler'),
  data: z.strictObject({ handlerId: HandlerId }),
}).meta({
  description:
    'Send the complaint to the person who reviews it at its current level. Replacing an assigned handler is for supervisors; someone who handled a lower level cannot review it.',
  descriptionFr:
    'Attribuer la plainte à la personne qui l’examine à son palier actuel. Le remplacement de la personne déjà désignée comme responsable de la plainte est réservé au personnel de supervision\u00a0; une personne qui a traité la plainte à un palier inférieur ne peut pas l’examiner.',
  example: { handlerId: 'practitioner-1' },
});

export const Respond = z.strictObject({
  type: z.literal('Respond'),
  data: z.strictObject({
    /** The response as sent to the complainant. */
    response: text(20_000),
    /**
     * When it was sent to the complainant: not before the level's response clock started (the
     * complaint's receipt, or the review request), nor its acknowledgement, nor after now; now when absent.
     */
    respondedAt: Instant.optional(),
    /** Required below the last level of the chain (a business rule, so that the error can name the level); refused at the last. */
    nextLevel: NextLevelContact.optional(),
  }),
}).meta({
  description:
    "Record the response at the current level, and when it was sent to the complainant (now if not given): between the start of the level (the complaint's receipt, or the review request), its acknowledgement, and now. Below the last level it must give the name and contact information of who the complaint can be elevated to; their role is the title of the next level of the complaint's chain (filled in when absent, refused when it names another level). Meets the level's response clock at the time it was sent, so a response entered late still counts as on time if it was; below the last level it starts the complainant's review window from that day (30 calendar days unless the program sets another length).",
  descriptionFr:
    'Consigner la réponse au palier actuel, et le moment où elle a été envoyée à la personne plaignante (maintenant si ce n’est pas précisé)\u00a0: entre le début du palier (la réception de la plainte, ou la demande de révision), son accusé de réception, et maintenant. À tout palier autre que le dernier, la réponse doit indiquer le nom et les coordonnées de la personne à qui la plainte peut être transmise en révision\u00a0; le poste de cette personne est le titre du palier suivant de la chaîne de révision de la plainte (rempli s’il est laissé vide, refusé s’il désigne un autre palier). Le délai de réponse du palier est respecté au moment de l’envoi\u00a0: une réponse saisie tardivement compte donc comme donnée à temps si elle l’a effectivement été. À tout palier autre que le dernier, la réponse ouvre, à compter du jour de son envoi, le délai de révision de la personne plaignante (30 jours civils, sauf si le programme en a fixé un autre nombre).',
  example: {
    response: 'We apologise for the cancellations. Your practitioner will call you this week to book a new meeting.',
    nextLevel: {
      name: 'Alex Tremblay',
      contact: 'alex.tremblay@example.gc.ca, 613-555-0142',
    },
  },
});

export const AcceptResponse = z.strictObject({
  type: z.literal('AcceptResponse'),
  data: z.strictObject({}),
}).meta({
  description:
    'The complainant is satisfied with the response: the complaint is resolved.',
  descriptionFr:
    'La personne plaignante est satisfaite de la réponse\u00a0: la plainte est réglée.',
  example: {},
});

export const RequestReview = z.strictObject({
  type: z.literal('RequestReview'),
  data: z.strictObject({
    /** Why the complainant is not satisfied, in their words. */
    grounds: text(20_000).optional(),
    /**
     * When the complainant sent the request: not before the response it asks to review, nor after
     * now; now when absent. The review window is judged by it.
     */
    requestedAt: Instant.optional(),
  }),
}).meta({
  description:
    'The complainant is not satisfied and uses the right of review, within the review window: the complaint goes to the next level of authority, with a new 30-business-day response clock. Record when the complainant sent the request (now if not given): between the response and now. The review window is judged at that time, so a request sent within the window and entered after its end is still accepted, unless the window’s end has already closed the complaint; the window is met, and the next level’s response clock starts, at that time.',
  descriptionFr:
    'La personne plaignante, insatisfaite, exerce son droit de révision dans le délai prévu à cette fin\u00a0: la plainte passe au palier d’autorité suivant, avec un nouveau délai de réponse de 30 jours ouvrables. Consigner le moment où la personne plaignante a envoyé sa demande (maintenant si ce n’est pas précisé)\u00a0: entre la réponse et maintenant. Le délai de révision est apprécié à ce moment-là\u00a0: une demande envoyée dans le délai et saisie après son expiration est donc acceptée, sauf si l’expiration du délai a déjà fermé la plainte\u00a0; le délai de révision est respecté, et le délai de réponse du palier suivant commence, à ce moment-là.',
  example: { grounds: 'The meeting was booked again but I still have not been told why it was cancelled.' },
});

export const PauseClock = z.strictObject({
  type: z.literal('PauseClock'),
  data: z.strictObject({
    clock: ClockKey,
    reason: text(500),
  }),
}).meta({
  description:
    'Stop a running clock, e.g. a response clock while awaiting information from the complainant. A reason is required. The acknowledgement clock cannot be paused: acknowledging receipt needs nothing from the complainant.',
  descriptionFr:
    'Suspendre un délai en cours, par exemple un délai de réponse en attendant des renseignements de la personne plaignante. Un motif est obligatoire. Le délai d’accusé de réception ne peut pas être suspendu\u00a0: accuser réception n’exige rien de la personne plaignante.',
  example: { clock: responseClock(1), reason: 'Awaiting the dates the complainant is available for a call.' },
});

export const ResumeClock = z.strictObject({
  type: z.literal('ResumeClock'),
  data: z.strictObject({ clock: ClockKey }),
}).meta({
  description:
    'Restart a paused clock: its due time moves by the business time it spent paused.',
  descriptionFr:
    'Reprendre un délai suspendu\u00a0: son échéance est reportée d’une durée égale au temps ouvrable pendant lequel il a été suspendu.',
  example: { clock: responseClock(1) },
});

export const CloseComplaint = z.strictObject({
  type: z.literal('CloseComplaint'),
  data: z.strictObject({}),
}).meta({
  description:
    'Close feedback, or a complaint answered at the last level of review that the complainant did not accept. Below the last level the right of review cannot be cut off: the complaint closes by itself when the review window passes without a request.',
  descriptionFr:
    'Fermer un commentaire, ou une plainte qui a reçu au dernier palier de révision une réponse que la personne plaignante n’a pas acceptée. À tout palier autre que le dernier, le droit de révision ne peut pas être écourté\u00a0: la plainte se ferme d’elle-même lorsque le délai de révision expire sans qu’une révision ait été demandée.',
  example: {},
});

export const WithdrawComplaint = z.strictObject({
  type: z.literal('WithdrawComplaint'),
  data: z.strictObject({}),
}).meta({
  description:
    'The complainant withdraws the complaint. Possible at any time before it ends; open clocks are cancelled.',
  descriptionFr:
    'La personne plaignante retire sa plainte. Possible à tout moment avant que la plainte prenne fin\u00a0; les délais en cours sont annulés.',
  example: {},
});

export const ComplaintCommand = z.discriminatedUnion('type', [
  ReceiveComplaint,
  AcknowledgeComplaint,
  AssignHandler,
  Respond,
  AcceptResponse,
  RequestReview,
  PauseClock,
  ResumeClock,
  CloseComplaint,
  WithdrawComplaint,
]);
export type ComplaintCommand = z.infer<typeof ComplaintCommand>;
