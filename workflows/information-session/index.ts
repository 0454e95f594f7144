import { z } from 'zod';
import { personalInformationCorrection } from '../../domain/corrections';
import { grants, readScopes } from '../../domain/access';
import { Instant } from '../../domain/schemas';
import { commandsFrom, eventsFrom, type CaseState, type CaseSummary, type WorkflowDefinition } from '../../domain/workflow';
import { Audience, InformationSessionCommand, SessionFormat, SessionLanguage } from './commands';
import { decide, informationSessionContext } from './decide';
import { informationSessionDemo } from './demo';
import { NoRegistrationForUnitPresentation } from './errors';
import { InformationSessionEvent } from './events';
import { informationSessionLabels } from './labels';
import { informationSessionMachine, takesRegistrations } from './machine';

const commands = commandsFrom(InformationSessionCommand, {
  RequestInformationSession: {
    // The request form reaches program staff; any practitioner or supervisor records it.
    grants: grants.intake,
    primaryEvent: 'InformationSessionRequested',
  },
  ScheduleInformationSession: {
    // A supervisor schedules it and names the presenter, who may then move it.
    grants: grants.assignedOrSupervisor,
    assigns: true,
    primaryEvent: 'InformationSessionScheduled',
    // Moving a session starts from what it was scheduled as.
    restates: ['startsAt', 'format', 'language', 'capacity'],
  },
  RegisterAttendee: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'AttendeeRegistered',
    refusal: (state) =>
      state.snapshot.matches('scheduled') && !takesRegistrations(informationSessionContext(state)) ? NoRegistrationForUnitPresentation({}) : undefined,
  },
  CancelRegistration: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'RegistrationCancelled',
  },
  RecordSessionHeld: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'InformationSessionHeld',
  },
  CancelInformationSession: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'InformationSessionCancelled',
  },
});

const events = eventsFrom(InformationSessionEvent, {
  InformationSessionRequested: {
    personalData: [{ subject: 'requester.subjectId', fields: ['requester.unit', 'requester.name', 'requester.contact'] }],
    search: ['requester.name'],
  },
  AttendeeRegistered: {
    personalData: [{ subject: 'attendee.subjectId', fields: ['attendee.name', 'attendee.contact'] }],
    search: ['attendee.name'],
  },
  RegistrationCancelled: { ends: 'registrationId' },
});

/** What lists show of a session: who it is for, when and how, and how many came; never who registered. */
const SessionDetails = z.strictObject({
  audience: Audience.nullable(),
  startsAt: Instant.nullable(),
  format: SessionFormat.nullable(),
  language: SessionLanguage.nullable(),
  capacity: z.number().int().nullable(),
  registered: z.number().int(),
  attendance: z.number().int().nullable(),
});

function summarize(state: CaseState): CaseSummary {
  const context = informationSessionContext(state);
  return {
    region: context.region,
    assignees: context.presenterId !== undefined ? [context.presenterId] : [],
    // A session is presented in its language; a bilingual one in both, so its presenter must work in both.
    ...(context.language !== undefined ? { serviceLanguage: context.language } : {}),
    details: {
      audience: context.audience ?? null,
      startsAt: context.startsAt ?? null,
      format: context.format ?? null,
      language: context.language ?? null,
      capacity: context.capacity ?? null,
      registered: context.registrations.length,
      attendance: context.attendance ?? null,
    } satisfies z.infer<typeof SessionDetails>,
  };
}

// A person's name or contact details corrected, at their request or because they were recorded wrong.
const correction = personalInformationCorrection({ events, labels: informationSessionLabels, grants: grants.assignedOrSupervisor });

/** SMSRC information sessions and group presentations. */
export const informationSessionWorkflow: WorkflowDefinition = {
  name: 'information-session',
  version: 1,
  category: 'informationSession',
  referencePrefix: 'INF',
  labels: correction.labels,
  readScope: readScopes.departmental,
  machine: informationSessionMachine,
  openingCommand: 'RequestInformationSession',
  commands: [...commands, correction.command],
  events: [...events, correction.event],
  decide,
  demo: informationSessionDemo,
  summarize,
  details: SessionDetails,
};
