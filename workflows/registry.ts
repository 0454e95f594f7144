import type { AnyWorkflowDefinition } from '../domain/workflow';
import { complaintWorkflow } from './complaint';
import { informationSessionWorkflow } from './information-session';
import { restorativeEngagementWorkflow } from './restorative-engagement';
import { restorativeOpportunitiesWorkflow } from './restorative-opportunities';
import { supportCoordinationWorkflow } from './support-coordination';

/**
 * Every workflow Mend runs, at every version still needed to replay a case. A new workflow is one
 * folder and one line here; a new version of one is added beside the old, never in place of it.
 */
export const workflowDefinitions: readonly AnyWorkflowDefinition[] = [
  restorativeEngagementWorkflow,
  restorativeOpportunitiesWorkflow,
  complaintWorkflow,
  supportCoordinationWorkflow,
  informationSessionWorkflow,
];
