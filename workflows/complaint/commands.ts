import { z } from 'zod';
import { ClockKey } from '../../domain/clocks/events';
import { DEFAULT_REGION, RegionCode } from '../../domain/regions';
import { Instant, RecordId, StaffId, SubjectId } from '../../domain/schemas';
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
  /** The case the complaint is about, if any. */
  caseId: RecordId.optional(),
});

/** The complainant: a real name or a pseudonym, and how to reach them. Personal information. */
export const Complainant = z.strictObject({
  /** When absent, a new data subject is minted. */
  subjectId: SubjectId.optional(),
  name: z.string().min(1).max(200),
  pseudonym: z.boolean().default(false),
  contact: z.string().min(1).max(500).optional(),
});

/**
 * Who the complaint can be elevated to next: "name, role and contact information". The role is the
 * title of the next level of the complaint's escalation chain: filled in from it when absent, and
 * a response naming another level is refused.
 */
export const NextLevelContact = z.strictObject({
  subjectId: SubjectId.optional(),
  name: z.string().min(1).max(200),
  role: z.string().min(1).max(200).optional(),
  contact: z.string().min(1).max(500),
});

export const ReceiveComplaint = z.strictObject({
  type: z.literal('ReceiveComplaint'),
  data: z.strictObject({
    kind: Kind.default('complaint'),
    channel: Channel,
    /** When the program received it; for mail, the day the letter reached the program, not the day it was sent. */
    receivedAt: Instant,
    region: RegionCode.default(DEFAULT_REGION),
    complainant: Complainant,
    /** The concerns, complaint or feedback, as written by the complainant. */
    text: z.string().min(1).max(20_000),
    /** The program it is about: its escalation chain applies, and the complaint is read as that program's cases are. */
    concerns: Concerns.optional(),
  }),
}).meta({
  description:
    "Record a complaint, concern or feedback from a participant. A complaint starts the 2-business-day acknowledgement and the 30-business-day level-1 response clocks from the time the program received it (for mail, the day the letter arrived); feedback (kind `feedback`) runs no clock. The escalation chain is the one configured for the program it concerns, else the default; a complaint about a program whose cases are confidential is as confidential as they are.",
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
  example: { method: 'email' },
});

export const AssignHandler = z.strictObject({
  type: z.literal('AssignHandler'),
  data: z.strictObject({ handlerId: HandlerId }),
}).meta({
  description:
    'Send the complaint to the person who reviews it at its current level. Replacing an assigned handler is for supervisors; someone who handled a lower level cannot review it.',
  example: { handlerId: 'practitioner-1' },
});

export const Respond = z.strictObject({
  type: z.literal('Respond'),
  data: z.strictObject({
    /** The response as sent to the complainant. */
    response: z.string().min(1).max(20_000),
    /** Required below the last level of the chain (a business rule, so that the error can name the level); refused at the last. */
    nextLevel: NextLevelContact.optional(),
  }),
}).meta({
  description:
    "Record the response at the current level. Below the last level it must give the name and contact information of who the complaint can be elevated to; their role is the title of the next level of the complaint's chain (filled in when absent, refused when it names another level). Meets the level's response clock; below the last level it starts the complainant's review window (calendar days, `reviewWindowDays`).",
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
  example: {},
});

export const RequestReview = z.strictObject({
  type: z.literal('RequestReview'),
  data: z.strictObject({
    /** Why the complainant is not satisfied, in their words. */
    grounds: z.string().min(1).max(20_000).optional(),
  }),
}).meta({
  description:
    'The complainant is not satisfied and uses the right of review, within the review window: the complaint goes to the next level of authority, with a new 30-business-day response clock.',
  example: { grounds: 'The meeting was booked again but I still have not been told why it was cancelled.' },
});

export const PauseClock = z.strictObject({
  type: z.literal('PauseClock'),
  data: z.strictObject({
    clock: ClockKey,
    reason: z.string().min(1).max(500),
  }),
}).meta({
  description:
    'Stop a running clock, e.g. while awaiting information from the complainant. A reason is required.',
  example: { clock: responseClock(1), reason: 'Awaiting the dates the complainant is available for a call.' },
});

export const ResumeClock = z.strictObject({
  type: z.literal('ResumeClock'),
  data: z.strictObject({ clock: ClockKey }),
}).meta({
  description:
    'Restart a paused clock: its due time moves by the business time it spent paused.',
  example: { clock: responseClock(1) },
});

export const CloseComplaint = z.strictObject({
  type: z.literal('CloseComplaint'),
  data: z.strictObject({}),
}).meta({
  description:
    'Close feedback, or a complaint answered at the last level of review that the complainant did not accept. Below the last level the right of review cannot be cut off: the complaint closes by itself when the review window passes without a request.',
  example: {},
});

export const WithdrawComplaint = z.strictObject({
  type: z.literal('WithdrawComplaint'),
  data: z.strictObject({}),
}).meta({
  description:
    'The complainant withdraws the complaint. Possible at any time before it ends; open clocks are cancelled.',
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
