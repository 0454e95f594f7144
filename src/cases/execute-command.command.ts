import type { Actor } from '../../domain/roles';

/** Run one command of a workflow on a case: what every HTTP command sends. */
export class ExecuteCommand {
  constructor(
    readonly input: {
      readonly caseId: string;
      /** Set to open a new case of this workflow; otherwise the case must exist. */
      readonly openWorkflow?: string;
      readonly command: string;
      readonly data: unknown;
      readonly actor: Actor;
      /** From `If-Match`: the revision the client saw. A mismatch is a conflict, never retried. */
      readonly expectedRevision?: number;
      readonly correlationId: string;
      readonly causationId: string;
    },
  ) {}
}
