import { defineError } from '../../domain/errors';

/** GET /workflows/{name} with a name no workflow has: 404, naming those there are. */
export const WorkflowNotFound = defineError<{ workflow: string; known: string }>('WORKFLOW.NOT_FOUND', 'not_found', {
  en: (p) => `There is no workflow named "${p.workflow}". Known workflows: ${p.known}.`,
  fr: (p) => `Aucun processus ne s’appelle «\u00a0${p.workflow}\u00a0». Processus connus\u00a0: ${p.known}.`,
});
