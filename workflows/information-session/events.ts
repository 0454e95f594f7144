import { z } from 'zod';
import { RegionCode } from '../../domain/regions';
import { Instant, StaffId, SubjectId } from '../../domain/schemas';
import { AttendeeRole, Audience, CancellationReason, RegistrationId, SessionFormat, SessionLanguage, Topic } from './commands';

export const InformationSessionRequested = z.strictObject({
  type: z.literal('InformationSessionRequested'),
  data: z.strictObject({
    audience: Audience,
    requestedAt: Instant,
    region: RegionCode,
    requester: z
      .strictObject({
        subjectId: SubjectId,
        unit: z.string().min(1).max(300),
        name: z.string().min(1).max(200),
        contact: z.string().min(1).max(500),
      })
      .optional(),
    preferredFormat: SessionFormat.optional(),
    preferredLanguage: SessionLanguage.optional(),
    expectedAttendees: z.number().int().min(1).max(1000).optional(),
    topics: z.array(Topic),
  }),
}).meta({
  description: 'A unit requested a group presentation, or the program planned an information session.',
  descriptionFr: 'Une unité a demandé une présentation de groupe, ou le programme a planifié une séance d’information.',
});

export const InformationSessionScheduled = z.strictObject({
  type: z.literal('InformationSessionScheduled'),
  data: z.strictObject({
    startsAt: Instant,
    endsAt: Instant,
    format: SessionFormat,
    language: SessionLanguage,
    presenterId: StaffId,
    capacity: z.number().int().min(1).max(1000).optional(),
    scheduledAt: Instant,
    /** Set when the session was moved: when it was to start before. */
    previousStartsAt: Instant.optional(),
  }),
}).meta({
  description: 'The session was scheduled, or moved: when, in which format and language, and who presents.',
  descriptionFr: 'La séance a été planifiée, ou son horaire a été modifié\u00a0: date et heure, format, langue et personne qui présente.',
});

export const AttendeeRegistered = z.strictObject({
  type: z.literal('AttendeeRegistered'),
  data: z.strictObject({
    registrationId: RegistrationId,
    attendee: z.strictObject({
      subjectId: SubjectId,
      name: z.string().min(1).max(200),
      contact: z.string().min(1).max(500).optional(),
      role: AttendeeRole,
    }),
    registeredAt: Instant,
  }),
}).meta({ description: 'Someone registered for the session.', descriptionFr: 'Une personne a été inscrite à la séance.' });

export const RegistrationCancelled = z.strictObject({
  type: z.literal('RegistrationCancelled'),
  data: z.strictObject({ registrationId: RegistrationId, cancelledAt: Instant }),
}).meta({ description: 'A registration was cancelled.', descriptionFr: 'Une inscription a été annulée.' });

export const InformationSessionHeld = z.strictObject({
  type: z.literal('InformationSessionHeld'),
  data: z.strictObject({
    heldAt: Instant,
    attendance: z.number().int().min(0).max(10_000),
    /** Registrations standing when it was held. */
    registered: z.number().int().min(0),
  }),
}).meta({ description: 'The session was held, with its attendance.', descriptionFr: 'La séance a été donnée, avec le nombre de personnes présentes.' });

export const InformationSessionCancelled = z.strictObject({
  type: z.literal('InformationSessionCancelled'),
  data: z.strictObject({
    cancelledAt: Instant,
    reason: CancellationReason,
    /** Registrations standing when it was cancelled: the people to tell. */
    registrationsAffected: z.number().int().min(0),
  }),
}).meta({ description: 'The session was cancelled, or the request declined.', descriptionFr: 'La séance a été annulée, ou la demande a été refusée.' });

export const InformationSessionEvent = z.discriminatedUnion('type', [
  InformationSessionRequested,
  InformationSessionScheduled,
  AttendeeRegistered,
  RegistrationCancelled,
  InformationSessionHeld,
  InformationSessionCancelled,
]);
export type InformationSessionEvent = z.infer<typeof InformationSessionEvent>;
