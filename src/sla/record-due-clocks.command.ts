/** Record the warnings and breaches that are due on one case: what the SLA scheduler sends per case it sweeps. */
export class RecordDueClocks {
  constructor(
    readonly input: {
      readonly caseId: string;
      /** The sweep this belongs to: every event recorded in one sweep shares it. */
      readonly correlationId: string;
    },
  ) {}
}
