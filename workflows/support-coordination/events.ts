import { z } from 'zod';
import { RegionCode } from '../../domain/regions';
import { LOCAL_TIME_KEYWORD } from '../../domain/json-schema-keywords';
import { fieldKind, Instant, LocalDate, RecordId, StaffId, SubjectId, unless } from '../../domain/schemas';
import {
  Affiliation,
  ANONYMOUS_CLIENT,
  ClientLocation,
  ClosureOutcome,
  ContactMethod,
  FormalComplaint,
  OfficialLanguage,
  OptInChannel,
  ReassignmentReason,
  ReferralDestination,
  Service,
} from './commands';
import { CoordinatorTimeZone, OutsideBusinessHours } from './coordinator-zones';

const CoordinatorId = StaffId;
/** A local date and time on the coordinator's wall clock, `YYYY-MM-DDTHH:MM`, computed by the workflow. */
const LocalTime = fieldKind(z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/).meta({ [LOCAL_TIME_KEYWORD]: true }), 'code');

export const OptInRecorded = z.strictObject({
  type: z.literal('OptInRecorded'),
  data: z.strictObject({
    optedInAt: Instant,
    channel: OptInChannel,
    region: RegionCode,
    client: z.strictObject({
      subjectId: SubjectId,
      anonymous: z.boolean(),
      // Recorded as the opt-in asked for it: a correction may not remove it, nor give one to an anonymous client.
      name: unless('anonymous', z.string().min(1).max(200), ANONYMOUS_CLIENT),
      contact: z.string().min(1).max(500).optional(),
      affiliation: Affiliation,
      location: ClientLocation.optional(),
    }),
    language: OfficialLanguage,
    formalComplaint: FormalComplaint,
    needs: z.string().min(1).max(5000).optional(),
  }),
}).meta({
  description: 'A client opted into the Response and Support Coordination program, in the official language they chose.',
  descriptionFr: 'Une personne a adhéré au programme de Coordination de l’intervention et du soutien, dans la langue officielle de son choix.',
});

export const CoordinatorAssigned = z.strictObject({
  type: z.literal('CoordinatorAssigned'),
  data: z.strictObject({
    coordinatorId: CoordinatorId,
    timeZone: CoordinatorTimeZone,
    region: RegionCode,
    assignedAt: Instant,
  }),
}).meta({
  description: "The client's dedicated coordinator was assigned, with the time zone and region they work in.",
  descriptionFr: 'Une coordonnatrice ou un coordonnateur attitré a été attribué à la personne, avec le fuseau horaire et la région où elle ou il travaille.',
});

export const CoordinatorReassigned = z.strictObject({
  type: z.literal('CoordinatorReassigned'),
  data: z.strictObject({
    coordinatorId: CoordinatorId,
    previousCoordinatorId: CoordinatorId,
    timeZone: CoordinatorTimeZone,
    region: RegionCode,
    reason: ReassignmentReason,
    reassignedAt: Instant,
  }),
}).meta({
  description: 'The client was given another dedicated coordinator.',
  descriptionFr: 'Une autre coordonnatrice ou un autre coordonnateur attitré a été attribué à la personne.',
});

export const FirstContactMade = z.strictObject({
  type: z.literal('FirstContactMade'),
  data: z.strictObject({
    contactedAt: Instant,
    /** The coordinator's wall clock then. */
    localTime: LocalTime,
    timeZone: CoordinatorTimeZone,
    /** Why the contact fell outside the hours promised to clients, if it did; absent within them. */
    outsideBusinessHours: OutsideBusinessHours.optional(),
    /** The holiday it fell on, by the calendar's name for it, when that is why. */
    holiday: fieldKind(z.string().min(1).max(100), 'code').optional(),
    /** The holiday's name in French, from the same calendar. */
    holidayFr: fieldKind(z.string().min(1).max(100), 'code').optional(),
    coordinatorId: CoordinatorId,
    method: ContactMethod,
    clientId: SubjectId,
    notes: z.string().min(1).max(5000).optional(),
  }),
}).meta({
  description: 'The coordinator made first contact with the client. One made outside business hours in their time zone says why it was.',
  descriptionFr:
    'La coordonnatrice ou le coordonnateur a établi le premier contact avec la personne. Un contact fait en dehors des heures ouvrables de son propre fuseau horaire indique pourquoi.',
});

export const ServiceRecorded = z.strictObject({
  type: z.literal('ServiceRecorded'),
  data: z.strictObject({
    service: Service,
    providedOn: LocalDate,
    recordedAt: Instant,
    clientId: SubjectId,
    note: z.string().min(1).max(5000).optional(),
  }),
}).meta({ description: 'The coordinator provided a service to the client.', descriptionFr: 'La coordonnatrice ou le coordonnateur a fourni un service à la personne.' });

export const ReferralMade = z.strictObject({
  type: z.literal('ReferralMade'),
  data: z.strictObject({
    referralId: RecordId,
    to: ReferralDestination,
    anonymous: z.boolean(),
    referredAt: Instant,
    clientId: SubjectId,
    organization: z.string().min(1).max(300).optional(),
    note: z.string().min(1).max(5000).optional(),
  }),
}).meta({
  description: 'The client was referred, with their permission, to another service, anonymously or not.',
  descriptionFr: 'La personne a été orientée, avec sa permission, vers un autre service, de façon anonyme ou non.',
});

export const FormalComplaintNoted = z.strictObject({
  type: z.literal('FormalComplaintNoted'),
  data: z.strictObject({ status: FormalComplaint.exclude(['none']), notedAt: Instant }),
}).meta({
  description: 'The client intends to register, or registered, a formal complaint.',
  descriptionFr: 'La personne compte déposer une plainte officielle, ou en a déposé une.',
});

export const SupportClosed = z.strictObject({
  type: z.literal('SupportClosed'),
  data: z.strictObject({
    closedAt: Instant,
    outcome: ClosureOutcome,
    clientId: SubjectId,
    note: z.string().min(1).max(5000).optional(),
  }),
}).meta({ description: "The client's file was closed with its outcome.", descriptionFr: 'Le dossier de la personne a été fermé, avec son résultat.' });

export const ClientWithdrew = z.strictObject({
  type: z.literal('ClientWithdrew'),
  data: z.strictObject({ withdrawnAt: Instant }),
}).meta({ description: 'The client withdrew from the program.', descriptionFr: 'La personne s’est retirée du programme.' });

export const SupportCoordinationEvent = z.discriminatedUnion('type', [
  OptInRecorded,
  CoordinatorAssigned,
  CoordinatorReassigned,
  FirstContactMade,
  ServiceRecorded,
  ReferralMade,
  FormalComplaintNoted,
  SupportClosed,
  ClientWithdrew,
]);
export type SupportCoordinationEvent = z.infer<typeof SupportCoordinationEvent>;
