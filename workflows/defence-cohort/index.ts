import { z } from 'zod';
import { attentionFlag } from '../../domain/attention';
import { personalInformationCorrection } from '../../domain/corrections';
import { grants, readScopes } from '../../domain/access';
import { LocalDate } from '../../domain/schemas';
import { commandsFrom, eventsFrom, type CaseState, type CaseSummary, type WorkflowDefinition } from '../../domain/workflow';
import { CohortDelivery, CohortFormat, DefenceCohortCommand } from './commands';
import { cohortContext, decide } from './decide';
import { defenceCohortDemo } from './demo';
import { DefenceCohortEvent } from './events';
import { defenceCohortLabels } from './labels';
import { activeRepresentatives, defenceCohortMachine } from './machine';
import { DEFENCE_COHORT, DefenceCohortSettings } from './settings';

const commands = commandsFrom(DefenceCohortCommand, {
  FormCohort: {
    grants: grants.supervisorOnly,
    primaryEvent: 'CohortFormed',
  },
  AddRepresentative: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'RepresentativeJoined',
  },
  WithdrawRepresentative: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'RepresentativeWithdrawn',
  },
  ReplacePractitioner: {
    grants: grants.supervisorOnly,
    assigns: true,
    primaryEvent: 'PractitionerReplaced',
  },
  StartCohort: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'CohortStarted',
  },
  RecordSession: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'CohortSessionHeld',
  },
  RecordEngagementSession: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'EngagementSessionHeld',
  },
  CompleteCohort: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'CohortCompleted',
    // A representative erased since joining gives no commitments.
    readsErasures: true,
  },
  DisbandCohort: {
    grants: grants.supervisorOnly,
    primaryEvent: 'CohortDisbanded',
  },
});

const events = eventsFrom(DefenceCohortEvent, {
  RepresentativeJoined: {
    personalData: [{ subject: 'representative.subjectId', fields: ['representative.name', 'representative.contact'] }],
    search: ['representative.name'],
  },
  RepresentativeWithdrawn: { ends: 'representativeId' },
  RepresentativeCommitted: {
    personalData: [{ subject: 'representativeId', fields: ['commitments'] }],
  },
});

/** What lists show of a cohort: its shape and progress, and whether it fell below its minimum; never who the representatives are. */
const CohortDetails = z.strictObject({
  format: CohortFormat.nullable(),
  delivery: CohortDelivery.nullable(),
  representatives: z.number().int(),
  representativesWithdrawn: z.number().int(),
  /** Flagged to the supervisor while the cohort is open: it is not closed for it. */
  belowMinimum: attentionFlag(),
  startedOn: LocalDate.nullable(),
  plannedEndOn: LocalDate.nullable(),
  sessionsHeld: z.number().int(),
  planningSessionsHeld: z.number().int(),
  engagementSessionsHeld: z.number().int(),
  engagementCases: z.number().int(),
});

function summarize(state: CaseState): CaseSummary {
  const context = cohortContext(state);
  const active = activeRepresentatives(context).length;
  const { sessions } = context;
  return {
    region: context.region,
    assignees: context.practitionerIds,
    details: {
      format: context.format ?? null,
      delivery: context.delivery ?? null,
      representatives: active,
      representativesWithdrawn: context.representatives.length - active,
      // Flagged to the supervisor while the cohort is open: it is not closed for it.
      belowMinimum: state.snapshot.status === 'active' && context.representatives.length > 0 && active < context.minimumRepresentatives,
      startedOn: context.startedOn ?? null,
      plannedEndOn: context.plannedEndOn ?? null,
      sessionsHeld: sessions.learning + sessions.reflection + sessions.planningForAction,
      planningSessionsHeld: sessions.planningForAction,
      engagementSessionsHeld: context.engagementSessions,
      engagementCases: context.engagementCaseIds.length,
    } satisfies z.infer<typeof CohortDetails>,
  };
}

// A person's name or contact details corrected, at their request or because they were recorded wrong.
const correction = personalInformationCorrection({ events, labels: defenceCohortLabels, grants: grants.assignedOrSupervisor });

/** Defence representative cohorts of the SMSRC Restorative Engagement program (seed 000). */
export const defenceCohortWorkflow: WorkflowDefinition = {
  name: DEFENCE_COHORT,
  version: 1,
  category: 'defenceCohort',
  referencePrefix: 'DRC',
  labels: correction.labels,
  readScope: readScopes.departmental,
  machine: defenceCohortMachine,
  openingCommand: 'FormCohort',
  commands: [...commands, correction.command],
  events: [...events, correction.event],
  decide,
  settings: DefenceCohortSettings,
  demo: defenceCohortDemo,
  summarize,
  details: CohortDetails,
};
