import { z } from 'zod';
import { CaseReference } from '../../domain/case-reference';
import { RegionCode } from '../../domain/regions';
import { ServiceLanguage } from '../../domain/staff';

/**
 * Schemas of what the API answers. They document responses in OpenAPI, and the end-to-end tests
 * parse real responses with them, so the documentation cannot drift from the behaviour.
 */
export const ErrorBodySchema = z
  .object({
    code: z.string().meta({ description: 'Stable error code, e.g. COMPLAINT.RESPONSE_MISSING_NEXT_LEVEL' }),
    message: z.string().meta({ description: 'A sentence in English or French, by Accept-Language' }),
    details: z.unknown().optional().meta({
      description:
        'Structured detail: for 400 VALIDATION.INVALID_INPUT, `issues: [{path, message}]`, each message in plain words in the language of the error message; for 422 COMMAND.RULES_BROKEN (a command that breaks several business rules: all are named at once), `rules: [{code, message, details?}]`, one per rule, each message in that language',
    }),
  })
  .meta({ id: 'Error' });

export const ClockViewSchema = z
  .object({
    clock: z.string().meta({ description: 'Its key in the case: one of those its workflow declares (GET /workflows, `clocks`)' }),
    name: z.string().meta({ description: 'Its English name, recorded when it started; GET /workflows names each clock in the caller’s language' }),
    nameFr: z.string().optional().meta({ description: 'Its French name, recorded when it started (none for clocks started before French names were recorded)' }),
    level: z.number().int().optional(),
    basis: z.enum(['business', 'calendar']),
    days: z.number().int(),
    region: RegionCode,
    standard: z.literal(false).optional().meta({
      description: 'false for a clock that waits on someone outside the program (a complainant’s review window): no service standard, counted in no SLA figure',
    }),
    status: z.enum(['running', 'paused', 'met', 'breached', 'cancelled']),
    startedAt: z.string(),
    dueAt: z.string(),
    warnedThresholds: z.array(z.number()),
    nextWarningAt: z.string().optional(),
    pausedAt: z.string().optional(),
    breachedAt: z.string().optional(),
    metAt: z.string().optional(),
    onTime: z.boolean().optional(),
    cancelledAt: z.string().optional(),
  })
  .meta({ id: 'Clock' });

export const CaseViewSchema = z
  .object({
    caseId: z.uuid(),
    reference: CaseReference.nullable().meta({ description: 'The case’s human reference (CMP-2026-00042); null for cases opened before references' }),
    workflow: z.string(),
    workflowVersion: z.number().int(),
    state: z.string().meta({ description: 'Dotted path of the current state, e.g. phase2.engaging' }),
    status: z.enum(['open', 'closed']),
    revision: z.number().int().meta({ description: 'Revision of the last event; also the ETag' }),
    position: z.number().int().meta({ description: 'Global position of the last event: pass it as ?minPosition= to read your writes' }),
    allowedCommands: z.array(z.string()).meta({ description: 'The commands you may run now' }),
    nextSteps: z.array(z.string()).meta({
      description: 'The commands the case’s state allows now, whoever may run them (GET /workflows gives each command’s `grants`): what the case waits for when you may run none',
    }),
    requiredNow: z.record(z.string(), z.array(z.string())).meta({
      description:
        'Of the commands you may run now, those whose case’s state requires fields their schema leaves optional, with those fields (top-level fields of the command’s data): below the last level of review, a complaint’s response requires the next level. A command sent without them is refused (422). Commands with none are left out; empty when none',
    }),
    refusedNow: z.record(z.string(), z.array(z.string())).meta({
      description:
        'Of the commands you may run now, those whose case’s state refuses fields their schema allows, with those fields (top-level fields of the command’s data): at the last level of review, a complaint’s response refuses a next level. A command sent with them is refused (422). Commands with none are left out; empty when none',
    }),
    region: RegionCode,
    assignees: z.array(z.string()),
    serviceLanguage: ServiceLanguage.nullable().meta({
      description:
        'The official language the case is served in, as its workflow records it (the client’s choice, a session’s language), or `bilingual` when it is served in both (a bilingual information session): only people who work in it, or in both English and French, may be assigned (422 STAFF.DOES_NOT_WORK_IN_LANGUAGE); null when the workflow records none, or not yet',
    }),
    assignableRoles: z.array(z.string()).meta({
      description: 'The roles whose people could be assigned this case and work it (read it and take one of its steps): whom an assignment may name; someone of another role is refused (422 STAFF.CANNOT_WORK_CASE)',
    }),
    details: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .meta({ description: 'A few facts of the case, never personal information: GET /workflows gives their schema (`details`) and their names for people' }),
    clocks: z.array(ClockViewSchema),
    openedAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CaseView' });

/** An id a command minted for something it created, and where the case records it. */
export const CreatedIdSchema = z
  .object({
    id: z.string().meta({ description: 'The new id: send it back in later commands that name this thing' }),
    event: z.string().meta({ description: 'The type of the event that records it' }),
    field: z.string().meta({ description: 'Its dotted path within that event’s data, e.g. person.subjectId' }),
  })
  .meta({ id: 'CreatedId' });

/** What a command (or the opening of a case) answers: the case after it, and the ids it minted. */
export const CommandResultSchema = CaseViewSchema.extend({
  created: z.array(CreatedIdSchema).meta({
    description: 'The ids the command minted for what it created (a person, a meeting, an engagement), in the order minted; empty when it created nothing',
  }),
}).meta({ id: 'CommandResult' });
