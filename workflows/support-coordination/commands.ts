import { z } from 'zod';
import { DEFAULT_REGION, RegionCode } from '../../domain/regions';
import { ChosenSubjectId, Instant, LocalDate, StaffId, text, unless, withUnlessRules } from '../../domain/schemas';
import { CoordinatorTimeZone } from './coordinator-zones';

/** A Response and Support coordinator's login: never personal data of the client. */
export const CoordinatorId = StaffId;

/** How the client reached the program: usually the SMSRC 24/7 line ("to discuss continuing support … call"), or its email. */
export const OptInChannel = z.enum(['supportLine', 'email', 'inPerson']);
export type OptInChannel = z.infer<typeof OptInChannel>;

export const OfficialLanguage = z.enum(['en', 'fr']);
export type OfficialLanguage = z.infer<typeof OfficialLanguage>;

/** Who the program serves: current and former CAF members, DND public service employees. */
export const Affiliation = z.enum(['cafMember', 'formerCafMember', 'dndEmployee', 'formerDndEmployee', 'notStated']);

/** Where the client is: a province or territory, or outside Canada (coordinators serve people "no matter where they are … including outside Canada"). */
export const ClientLocation = z.enum([...RegionCode.options, 'outsideCanada']);

/** "You may wish to sign up for the RSC program if you have registered or intend to register a formal complaint. However it is not necessary." */
export const FormalComplaint = z.enum(['none', 'intended', 'registered']);
export type FormalComplaint = z.infer<typeof FormalComplaint>;

/** What the client's name is asked for unless: said in the forms' and refusals' words. */
export const ANONYMOUS_CLIENT = { en: 'the client is anonymous', fr: 'la personne est anonyme' } as const;

/**
 * The client: "anonymously if you wish". An anonymous client gives no name, only, if they wish,
 * a way to be reached. Personal information.
 */
export const Client = withUnlessRules(
  z.strictObject({
    /** When absent, a new data subject is minted. */
    subjectId: ChosenSubjectId.optional(),
    anonymous: z.boolean().default(false),
    name: unless('anonymous', text(200), ANONYMOUS_CLIENT),
    contact: text(500).optional(),
    affiliation: Affiliation.default('notStated'),
    location: ClientLocation.optional(),
  }),
);

export const RecordOptIn = z.strictObject({
  type: z.literal('RecordOptIn'),
  data: z.strictObject({
    /** When the client opted in; now when left out. The first-contact clock runs from it. */
    optedInAt: Instant.optional(),
    channel: OptInChannel,
    /** The region of the coordination office that takes the case; the coordinator's region once one is assigned. */
    region: RegionCode.default(DEFAULT_REGION),
    client: Client,
    /** The official language the client chose to be served in. */
    language: OfficialLanguage,
    formalComplaint: FormalComplaint.default('none'),
    /** What the client asks for, in their words. */
    needs: text(5000).optional(),
  }),
}).meta({
  description:
    'A person affected by sexual misconduct opts into the Response and Support Coordination program, anonymously if they wish, in the official language of their choice. Starts the first-contact clock (2 business days by default).',
  descriptionFr:
    'Une personne touchée par l’inconduite sexuelle adhère au programme de Coordination de l’intervention et du soutien, de façon anonyme si elle le souhaite, dans la langue officielle de son choix. Le délai de premier contact (2\u00a0jours ouvrables par défaut) commence à courir.',
  example: {
    channel: 'supportLine',
    region: 'ON',
    client: { name: 'Jordan', contact: 'jordan.rsc@example.org', affiliation: 'cafMember' },
    language: 'en',
    formalComplaint: 'intended',
    needs: 'Would like help arranging a change of workplace and someone to come to appointments.',
  },
});

const assignment = {
  coordinatorId: CoordinatorId,
  /** The coordinator's time zone: Atlantic, Eastern or Pacific. First contact is judged on its clock. */
  timeZone: CoordinatorTimeZone,
  /** Where the coordinator is stationed (holidays); by default the zone's first region (NS, ON, BC). */
  region: RegionCode.optional(),
};

export const AssignCoordinator = z.strictObject({
  type: z.literal('AssignCoordinator'),
  data: z.strictObject(assignment),
}).meta({
  description:
    "Assign the client's dedicated coordinator, with their time zone and region: the case's region becomes the coordinator's, wherever the client is.",
  descriptionFr:
    'Attribuer à la personne une coordonnatrice ou un coordonnateur attitré, avec le fuseau horaire et la région de celle-ci ou de celui-ci\u00a0: la région du dossier devient celle de la coordonnatrice ou du coordonnateur, où que se trouve la personne.',
  example: { coordinatorId: 'practitioner-1', timeZone: 'America/Toronto', region: 'ON' },
});

export const ReassignmentReason = z.enum(['availability', 'clientRequest', 'regionChange', 'conflictOfInterest', 'other']);

export const ReassignCoordinator = z.strictObject({
  type: z.literal('ReassignCoordinator'),
  data: z.strictObject({ ...assignment, reason: ReassignmentReason }),
}).meta({
  description: 'A supervisor gives the client another dedicated coordinator; the previous one and the reason are recorded.',
  descriptionFr:
    'Le personnel de supervision attribue à la personne une autre coordonnatrice ou un autre coordonnateur attitré\u00a0; la coordonnatrice ou le coordonnateur précédent et le motif sont inscrits.',
  example: { coordinatorId: 'practitioner-2', timeZone: 'America/Vancouver', region: 'BC', reason: 'availability' },
});

export const ContactMethod = z.enum(['phone', 'videoCall', 'inPerson', 'email']);

export const RecordFirstContact = z.strictObject({
  type: z.literal('RecordFirstContact'),
  data: z.strictObject({
    /** When the coordinator reached the client; now when left out. */
    contactedAt: Instant.optional(),
    method: ContactMethod,
    notes: text(5000).optional(),
  }),
}).meta({
  description:
    "The coordinator made first contact with the client. Clients are promised first contact on weekdays, 7:00–17:00 in the coordinator's time zone: a contact made outside those hours is recorded as it happened, with why it was outside them (a weekend, a holiday, before or after the hours). Meets the first-contact clock.",
  descriptionFr:
    'La coordonnatrice ou le coordonnateur a établi le premier contact avec la personne. Le premier contact est promis en semaine, de 7\u00a0h à 17\u00a0h dans le fuseau horaire de la coordonnatrice ou du coordonnateur\u00a0: un contact fait en dehors de ces heures est consigné tel qu’il a eu lieu, avec la raison (une fin de semaine, un jour férié, avant ou après les heures). Le délai de premier contact est respecté.',
  example: { method: 'phone', notes: 'Introduced the program; the client wants help with workplace arrangements first.' },
});

/** The services a coordinator provides: "case coordination, advocacy, accompaniment, assistance with workplace arrangements and other practical matters". */
export const Service = z.enum(['caseCoordination', 'advocacy', 'accompaniment', 'workplaceArrangements', 'practicalMatters']);

export const RecordService = z.strictObject({
  type: z.literal('RecordService'),
  data: z.strictObject({
    service: Service,
    /** The day it was provided, in the coordinator's time zone; today when left out. */
    providedOn: LocalDate.optional(),
    note: text(5000).optional(),
  }),
}).meta({
  description: 'Record a service the coordinator provided: case coordination, advocacy, accompaniment, workplace arrangements or practical matters.',
  descriptionFr:
    'Consigner un service fourni par la coordonnatrice ou le coordonnateur\u00a0: coordination du dossier, défense des intérêts, accompagnement, aménagements en milieu de travail ou questions pratiques.',
  example: { service: 'accompaniment', note: 'Accompanied the client to a medical appointment.' },
});

/**
 * Where a client may be referred: CAF, DND, provincial, territorial and community-based support
 * and care resources; Veterans Affairs Canada programs; the Military Police Liaison Officer or
 * Military Liaison Officer for reporting information; a police organization.
 */
export const ReferralDestination = z.enum(['caf', 'dnd', 'provincial', 'territorial', 'community', 'veteransAffairsCanada', 'mplo', 'mlo', 'police']);

export const MakeReferral = z.strictObject({
  type: z.literal('MakeReferral'),
  data: z.strictObject({
    to: ReferralDestination,
    /** The client's permission: "with your permission". */
    clientConsented: z.boolean(),
    /** Referred without giving the client's identity: "anonymously if you wish". */
    anonymous: z.boolean().default(false),
    /** The organization, program or office referred to. */
    organization: text(300).optional(),
    note: text(5000).optional(),
  }),
}).meta({
  description:
    'Refer the client, with their permission and anonymously if they wish, to CAF, DND, provincial, territorial or community resources, Veterans Affairs Canada, an MPLO or MLO for reporting information, or the police.',
  descriptionFr:
    'Orienter la personne, avec sa permission et de façon anonyme si elle le souhaite, vers des ressources des FAC, du MDN, provinciales, territoriales ou communautaires, vers Anciens Combattants Canada, vers un officier de liaison de la police militaire ou un officier de liaison militaire pour la communication de renseignements, ou vers la police.',
  example: { to: 'veteransAffairsCanada', clientConsented: true, anonymous: false, organization: 'VAC case management' },
});

export const NoteFormalComplaint = z.strictObject({
  type: z.literal('NoteFormalComplaint'),
  data: z.strictObject({ status: FormalComplaint.exclude(['none']) }),
}).meta({
  description: 'Note that the client intends to register, or has registered, a formal complaint. Not required for support.',
  descriptionFr: 'Noter que la personne compte déposer une plainte officielle, ou qu’elle en a déposé une. Une plainte n’est pas requise pour recevoir du soutien.',
  example: { status: 'registered' },
});

/** Closure outcomes. `unreachable` is the only one before first contact. */
export const ClosureOutcome = z.enum(['needsMet', 'referredOn', 'unreachable', 'other']);
export type ClosureOutcome = z.infer<typeof ClosureOutcome>;

export const CloseSupport = z.strictObject({
  type: z.literal('CloseSupport'),
  data: z.strictObject({
    outcome: ClosureOutcome,
    note: text(5000).optional(),
  }),
}).meta({
  description:
    "Close the client's file with its outcome: needs met, referred on, could not be reached (the only outcome before first contact) or other. Open clocks are cancelled.",
  descriptionFr:
    'Fermer le dossier de la personne avec son résultat\u00a0: «\u00a0Besoins comblés\u00a0», «\u00a0Orientée ailleurs\u00a0», «\u00a0Injoignable\u00a0» (seul résultat possible avant le premier contact) ou «\u00a0Autre\u00a0». Les délais en cours sont annulés.',
  example: { outcome: 'needsMet', note: 'Workplace arrangements in place; the client knows to call the 24/7 line.' },
});

/** "Those who join the program can withdraw from it at any time." No reason is asked. */
export const RecordWithdrawal = z.strictObject({
  type: z.literal('RecordWithdrawal'),
  data: z.strictObject({}),
}).meta({
  description: 'The client withdraws from the program. Possible at any time; open clocks are cancelled and no reason is asked.',
  descriptionFr: 'La personne se retire du programme. Possible en tout temps\u00a0; les délais en cours sont annulés et aucun motif n’est demandé.',
  example: {},
});

export const SupportCoordinationCommand = z.discriminatedUnion('type', [
  RecordOptIn,
  AssignCoordinator,
  ReassignCoordinator,
  RecordFirstContact,
  RecordService,
  MakeReferral,
  NoteFormalComplaint,
  CloseSupport,
  RecordWithdrawal,
]);
export type SupportCoordinationCommand = z.output<typeof SupportCoordinationCommand>;
