import { z } from 'zod';
import { DEFAULT_REGION, RegionCode } from '../../domain/regions';
import { ChosenRecordId, ChosenSubjectId, endsInSupportedYears, Instant, recordOf, StaffId, text, SUPPORTED_YEARS } from '../../domain/schemas';
import { withFrench } from '../../domain/validation';

/**
 * Who a session is for: "an information session to learn more about what to expect as a class
 * member or as a future Defence representative" (seed 000), or a group presentation on SMSRC
 * services and programs requested by a unit (seed 004).
 */
export const Audience = z.enum(['classMembers', 'futureDefenceRepresentatives', 'unitPresentation']);
export type Audience = z.infer<typeof Audience>;

/** "In-person or virtual group presentations." */
export const SessionFormat = z.enum(['inPerson', 'virtual']);
export type SessionFormat = z.infer<typeof SessionFormat>;

/** The official language of the session, or both. */
export const SessionLanguage = z.enum(['en', 'fr', 'bilingual']);
export type SessionLanguage = z.infer<typeof SessionLanguage>;

/** A registration the session took (its id in AttendeeRegistered): forms offer a pick of them. */
export const RegistrationId = recordOf('AttendeeRegistered', 'registrationId');

/** What the audience wants to hear about. */
export const Topic = z.enum(['smsrcServices', 'restorativeEngagement', 'responseAndSupportCoordination', 'defenceRepresentatives', 'peerSupport']);

/** Whoever asked for a group presentation: the unit and its contact. Personal information. */
export const Requester = z.strictObject({
  /** When absent, a new data subject is minted. */
  subjectId: ChosenSubjectId.optional(),
  unit: text(300),
  name: text(200),
  contact: text(500),
});

export const RequestInformationSession = z.strictObject({
  type: z.literal('RequestInformationSession'),
  data: z
    .strictObject({
      audience: Audience,
      /** When the request reached the program (the online request form); now when left out. */
      requestedAt: Instant.optional(),
      region: RegionCode.default(DEFAULT_REGION),
      /** Required for a unit's presentation; the program plans the other sessions itself. */
      requester: Requester.optional(),
      preferredFormat: SessionFormat.optional(),
      preferredLanguage: SessionLanguage.optional(),
      expectedAttendees: z.number().int().min(1).max(1000).optional(),
      topics: z.array(Topic).max(Topic.options.length).default([]),
    })
    .superRefine((data, ctx) => {
      if (data.audience === 'unitPresentation' && data.requester === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['requester'],
          message: withFrench('is required for a presentation requested by a unit', 'est obligatoire pour une présentation demandée par une unité'),
        });
      }
    }),
}).meta({
  description:
    'Open a session: a unit requests a group presentation on SMSRC services and programs (with who asks), or the program plans an information session for class members or future Defence representatives.',
  descriptionFr:
    'Ouvrir le dossier d’une séance\u00a0: une unité demande une présentation de groupe sur les services et programmes du CSRIS (en précisant qui fait la demande), ou le programme planifie une séance d’information pour les membres du groupe ou les futures personnes représentantes de la Défense.',
  example: {
    audience: 'unitPresentation',
    region: 'NS',
    requester: { unit: '12 Wing Shearwater', name: 'Capt. Morgan Lee', contact: 'morgan.lee@example.org' },
    preferredFormat: 'inPerson',
    preferredLanguage: 'bilingual',
    expectedAttendees: 40,
    topics: ['smsrcServices', 'responseAndSupportCoordination'],
  },
});

export const ScheduleInformationSession = z.strictObject({
  type: z.literal('ScheduleInformationSession'),
  data: z.strictObject({
    startsAt: Instant,
    durationMinutes: z.number().int().min(15).max(480),
    format: SessionFormat,
    language: SessionLanguage,
    /** Who gives the session. */
    presenterId: StaffId,
    /** Seats; none when there is no limit. */
    capacity: z.number().int().min(1).max(1000).optional(),
  }).refine((d) => endsInSupportedYears(d.startsAt, d.durationMinutes * 60_000), {
    path: ['durationMinutes'],
    message: withFrench(`would end the session after the year ${SUPPORTED_YEARS.to}`, `ferait finir la séance après l’année ${SUPPORTED_YEARS.to}`),
  }),
}).meta({
  description:
    'Schedule the session (or move it): when, how long, in person or virtual, in English, French or both, who presents and how many seats. A session given already may be recorded after the fact; a new capacity must hold the registrations made.',
  descriptionFr:
    'Planifier la séance (ou en modifier l’horaire)\u00a0: date et heure, durée, en personne ou virtuelle, en anglais, en français ou dans les deux langues, personne qui présente et nombre de places. Une séance déjà donnée peut être consignée après coup\u00a0; un nouveau nombre de places doit suffire aux inscriptions déjà faites.',
  example: { startsAt: '2026-03-24T13:00:00-03:00', durationMinutes: 90, format: 'inPerson', language: 'bilingual', presenterId: 'practitioner-1', capacity: 40 },
});

export const AttendeeRole = z.enum(['classMember', 'futureDefenceRepresentative', 'other']);

export const RegisterAttendee = z.strictObject({
  type: z.literal('RegisterAttendee'),
  data: z.strictObject({
    attendee: z.strictObject({
      subjectId: ChosenSubjectId.optional(),
      /** A name or a pseudonym. */
      name: text(200),
      contact: text(500).optional(),
      role: AttendeeRole,
    }),
    /** Chosen by the client, so that retries are safe; minted when left out. */
    registrationId: ChosenRecordId.optional(),
  }),
}).meta({
  description: 'Register someone for a scheduled session for class members or future Defence representatives, within its capacity.',
  descriptionFr: 'Inscrire une personne à une séance planifiée destinée aux membres du groupe ou aux futures personnes représentantes de la Défense, dans la limite des places disponibles.',
  example: { attendee: { name: 'Sam', contact: 'sam.session@example.org', role: 'classMember' } },
});

export const CancelRegistration = z.strictObject({
  type: z.literal('CancelRegistration'),
  data: z.strictObject({ registrationId: RegistrationId }),
}).meta({
  description: 'Cancel a registration: the seat is free again.',
  descriptionFr: 'Annuler une inscription\u00a0: la place redevient libre.',
  example: { registrationId: 'registration-1' },
});

export const RecordSessionHeld = z.strictObject({
  type: z.literal('RecordSessionHeld'),
  data: z.strictObject({
    /** When it began; the scheduled start when left out. Never later than now. */
    heldAt: Instant.optional(),
    /** How many people attended (walk-ins included). */
    attendance: z.number().int().min(0).max(10_000),
  }),
}).meta({
  description: 'The session was held: record how many people attended. Not before its scheduled start.',
  descriptionFr: 'La séance a été donnée\u00a0: consigner le nombre de personnes présentes. Impossible avant l’heure de début prévue.',
  example: { attendance: 35 },
});

export const CancellationReason = z.enum(['requesterCancelled', 'presenterUnavailable', 'tooFewRegistrations', 'declined', 'other']);

export const CancelInformationSession = z.strictObject({
  type: z.literal('CancelInformationSession'),
  data: z.strictObject({ reason: CancellationReason }),
}).meta({
  description: 'Cancel the session, requested or scheduled (a request the program cannot take is declined this way); registrations end with it.',
  descriptionFr:
    'Annuler la séance, qu’elle soit demandée ou planifiée (c’est ainsi qu’on refuse une demande que le programme ne peut pas accepter)\u00a0; les inscriptions prennent fin avec elle.',
  example: { reason: 'requesterCancelled' },
});

export const InformationSessionCommand = z.discriminatedUnion('type', [
  RequestInformationSession,
  ScheduleInformationSession,
  RegisterAttendee,
  CancelRegistration,
  RecordSessionHeld,
  CancelInformationSession,
]);
export type InformationSessionCommand = z.output<typeof InformationSessionCommand>;
