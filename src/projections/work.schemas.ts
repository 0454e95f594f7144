import { z } from 'zod';
import { ClockViewSchema } from '../http/response-schemas';
import { CaseSummarySchema } from './projections.schemas';

/**
 * Schemas of "my work": a person's inbox and the workload per person. The source of the OpenAPI
 * document's shapes and of the console's types. Nothing here may import NestJS.
 */
export const InboxItemSchema = CaseSummarySchema.extend({
  waitingFor: ClockViewSchema.nullable().meta({
    description: 'The open clock that falls due first (running, paused, or breached and not yet met): what the case waits for; null when no clock runs',
  }),
  overdue: z.boolean().meta({ description: 'That clock’s due time has passed' }),
  commands: z.array(z.string()).meta({ description: 'The commands you may run on the case now (their labels are in GET /workflows)' }),
  nextSteps: z.array(z.string()).meta({ description: 'The commands the case’s state allows now, whoever may run them (their `grants` are in GET /workflows)' }),
}).meta({ id: 'InboxItem' });

export const InboxSchema = z
  .object({
    assignee: z.string(),
    items: z.array(InboxItemSchema),
    nextCursor: z.string().optional().meta({ description: 'Pass as ?cursor= for the next page' }),
  })
  .meta({ id: 'Inbox' });

export const WorkloadRowSchema = z
  .object({
    assignee: z.string().nullable().meta({ description: 'A staff id; null for the open cases nobody is assigned to' }),
    openCases: z.number().int(),
    openClocks: z.number().int().meta({ description: 'Clocks running or paused' }),
    warned: z.number().int().meta({ description: 'Running clocks with a warning recorded' }),
    overdue: z.number().int().meta({ description: 'Running clocks past their due time whose breach is not recorded yet' }),
    breached: z.number().int().meta({ description: 'Clocks breached and not met since' }),
    nextDueAt: z.string().nullable().meta({ description: 'The earliest due time among their open cases’ open clocks' }),
    cannotWork: z.number().int().meta({
      description:
        'Of their open cases, those they can no longer work, to be given to someone else: the staff directory marks them inactive, or their role has changed to one that cannot take the case’s steps. Always 0 for the open cases nobody is assigned to, and where no directory is kept',
    }),
  })
  .meta({ id: 'WorkloadRow' });

export const WorkloadSchema = z
  .object({
    asOf: z.string().meta({ format: 'date-time' }),
    people: z.array(WorkloadRowSchema).meta({ description: 'Busiest first; a case with two assignees counts for each' }),
  })
  .meta({ id: 'Workload' });
