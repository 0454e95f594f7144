import { z } from 'zod';
import { ClockKey } from '../../domain/clocks/events';
import { DEFAULT_REGION, RegionCode } from '../../domain/regions';
import { Instant, RecordId, StaffId, SubjectId } from '../../domain/schemas';

/** An actor id (the person's login), never personal data. */
const HandlerId = StaffId;

/** How a complaint reached the program: electronic (email, web form) or mail. */
export const Channel = z.enum(['electronic', 'mail']);
export type Channel = z.infer<typeof Channel>;

/** The programs whose participants may raise a complaint about their participation. */
export const Program = z.enum(['restorative-engagement', 'restorative-opportunities', 'other']);

/** The complainant: a real name or a pseudonym, and how to reach them. Personal information. */
export const Complainant = z.strictObject({
  /** When absent, a new data subject is minted. */
  subjectId: SubjectId.optional(),
  name: z.string().min(1).max(200),
  pseudonym: z.boolean().default(false),
  contact: z.string().min(1).max(500).optional(),
});

/** Who the complaint can be elevated to next: "name, role and contact information". */
export const NextLevelContact = z.strictObject({
  subjectId: SubjectId.optional(),
  name: z.string().min(1).max(200),
  role: z.string().min(1).max(200),
  contact: z.string().min(1).max(500),
});

export const ReceiveComplaint = z.strictObject({
  type: z.literal('ReceiveComplaint'),
  data: z.strictObject({
    channel: Channel,
    /** When the program received it; for mail, the day the letter reached the program, not the day it was sent. */
    receivedAt: Instant,
    region: RegionCode.default(DEFAULT_REGION),
    complainant: Complainant,
    /** The concerns, complaint or feedback, as written by the complainant. */
    text: z.string().min(1).max(20_000),
    concerns: z
      .strictObject({
        program: Program,
        /** The case the complaint is about, if any. */
        caseId: RecordId.optional(),
      })
      .optional(),
  }),
});

export const AcknowledgeComplaint = z.strictObject({
  type: z.literal('AcknowledgeComplaint'),
  data: z.strictObject({
    method: z.enum(['email', 'mail', 'phone', 'inPerson']).optional(),
  }),
});

export const AssignHandler = z.strictObject({
  type: z.literal('AssignHandler'),
  data: z.strictObject({ handlerId: HandlerId }),
});

export const Respond = z.strictObject({
  type: z.literal('Respond'),
  data: z.strictObject({
    /** The response as sent to the complainant. */
    response: z.string().min(1).max(20_000),
    /** Required below the last level of the chain (a business rule, so that the error can name the level); refused at the last. */
    nextLevel: NextLevelContact.optional(),
  }),
});

export const AcceptResponse = z.strictObject({
  type: z.literal('AcceptResponse'),
  data: z.strictObject({}),
});

export const RequestReview = z.strictObject({
  type: z.literal('RequestReview'),
  data: z.strictObject({
    /** Why the complainant is not satisfied, in their words. */
    grounds: z.string().min(1).max(20_000).optional(),
  }),
});

export const PauseClock = z.strictObject({
  type: z.literal('PauseClock'),
  data: z.strictObject({
    clock: ClockKey,
    reason: z.string().min(1).max(500),
  }),
});

export const ResumeClock = z.strictObject({
  type: z.literal('ResumeClock'),
  data: z.strictObject({ clock: ClockKey }),
});

export const CloseComplaint = z.strictObject({
  type: z.literal('CloseComplaint'),
  data: z.strictObject({}),
});

export const WithdrawComplaint = z.strictObject({
  type: z.literal('WithdrawComplaint'),
  data: z.strictObject({}),
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
