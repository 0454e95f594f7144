import { z } from 'zod';
import { ATTENTION_KEYWORD } from './json-schema-keywords';
import type { AnyWorkflowDefinition } from './workflow';

/** A true/false fact of a case's details that calls for a supervisor's attention when true. */
export const attentionFlag = () => z.boolean().meta({ [ATTENTION_KEYWORD]: true });

/** The facts of a workflow's case details that call for a supervisor's attention when true (`attentionFlag()`). */
export function attentionFields(definition: Pick<AnyWorkflowDefinition, 'details'>): readonly string[] {
  return Object.entries(definition.details.shape)
    .filter(([, schema]) => (schema as z.ZodType).meta()?.[ATTENTION_KEYWORD] === true)
    .map(([field]) => field);
}
