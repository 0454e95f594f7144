import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { EventMetadata, SCHEMA_VERSION } from '../../domain/envelope';
import { findEventSchema } from '../../domain/fold';
import { describeIssues } from '../../domain/validation';
import type { ProjectionDefinition, ProjectionEvent } from '../../projections/projection';
import type { RecordedEvent } from '../event-store/event-store';
import { PersonalDataCodec } from '../privacy/personal-data.codec';
import { WorkflowRegistry } from '../workflows/workflow-registry';

/** A stored event in a case stream that does not match its schemas: projections stop on it. */
export class UndecodableEventError extends Error {
  override readonly name = 'UndecodableEventError';
}

/**
 * Turns stored events into projection events: events of case streams are validated (metadata and
 * data against the schemas of the workflow version they were recorded under); other streams
 * (e.g. the access log) are not case events and are passed over.
 */
@Injectable()
export class ProjectionEventDecoder {
  private readonly workflowByCategory: ReadonlyMap<string, string>;

  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly codec: PersonalDataCodec,
  ) {
    this.workflowByCategory = new Map(registry.categories().map((c) => [c.category, c.name]));
  }

  /** The workflow whose stream holds this event, or undefined when it is not in a case stream. */
  workflowOf(recorded: Pick<RecordedEvent, 'streamId'>): string | undefined {
    const dash = recorded.streamId.indexOf('-');
    return dash > 0 ? this.workflowByCategory.get(recorded.streamId.slice(0, dash)) : undefined;
  }

  /**
   * The events of a batch as a projection reads them: as stored (decode redacts their personal
   * fields), or with those fields opened for a projection that `revealsPersonalData`.
   */
  async prepare(definition: ProjectionDefinition, batch: readonly RecordedEvent[]): Promise<readonly RecordedEvent[]> {
    if (!definition.revealsPersonalData) return batch;
    const fieldsOf = definition.revealedFields && ((event: RecordedEvent) => this.revealedFields(definition, event));
    const revealed = await this.codec.revealAll(
      batch.filter((event) => this.workflowOf(event) !== undefined),
      fieldsOf,
    );
    let next = 0;
    return batch.map((event) => (this.workflowOf(event) === undefined ? event : revealed[next++]!));
  }

  /** Per projection, workflow version and event type: the fields `revealedFields` names. */
  private readonly revealed = new Map<string, ReadonlySet<string> | undefined>();

  /**
   * The personal fields of a case event that a projection reads opened (`revealedFields`); undefined
   * (all of them) when its envelope names no workflow version this code knows: decoding it stops the
   * projection anyway.
   */
  private revealedFields(projection: ProjectionDefinition, event: RecordedEvent): ReadonlySet<string> | undefined {
    const metadata = event.metadata as Partial<EventMetadata> | null;
    const workflow = metadata?.workflow;
    const version = metadata?.workflowVersion;
    if (typeof workflow !== 'string' || typeof version !== 'number') return undefined;
    const key = `${projection.name}\u0000${workflow}\u0000${version}\u0000${event.type}`;
    if (this.revealed.has(key)) return this.revealed.get(key);
    let fields: ReadonlySet<string> | undefined;
    try {
      fields = new Set(projection.revealedFields!(this.registry.version(workflow, version), event.type));
    } catch {
      fields = undefined;
    }
    this.revealed.set(key, fields);
    return fields;
  }

  /**
   * The projection event of a stored case event, or undefined when it is not in a case stream.
   * `validate: false` (a rebuild) trusts what the log holds, as every event was validated against
   * these schemas when it was written: only the envelope is checked (its schema version, the
   * workflow version and the event type), not each field.
   */
  decode(stored: RecordedEvent, options: { readonly validate?: boolean } = {}): ProjectionEvent | undefined {
    if (options.validate === false) return this.decodeStored(stored, options);
    // Live projections read one shared page of the log (SqliteEventStore.readAfter): each event is validated once for all of them.
    let decoded = this.validated.get(stored);
    if (decoded === undefined && !this.validated.has(stored)) {
      decoded = this.decodeStored(stored, options);
      this.validated.set(stored, decoded);
    }
    return decoded;
  }

  /** Events validated and decoded, by the stored event read: nobody changes either. */
  private readonly validated = new WeakMap<RecordedEvent, ProjectionEvent | undefined>();

  private decodeStored(stored: RecordedEvent, options: { readonly validate?: boolean }): ProjectionEvent | undefined {
    // Read models never hold personal information: sealed fields are redacted without a key.
    const recorded = this.codec.redact(stored);
    if (this.workflowOf(recorded) === undefined) return undefined;
    const dash = recorded.streamId.indexOf('-');
    const metadata = options.validate === false ? this.envelopeOf(recorded) : EventMetadata.safeParse(recorded.metadata);
    if (!metadata.success) throw this.undecodable(recorded, issues(metadata.error, 'metadata'));
    let definition;
    try {
      definition = this.registry.version(metadata.data.workflow, metadata.data.workflowVersion);
    } catch (error) {
      throw this.undecodable(recorded, (error as Error).message);
    }
    const schema = findEventSchema(definition, recorded.type);
    if (!schema) throw this.undecodable(recorded, `${definition.name} v${definition.version} has no event ${recorded.type}`);
    const data = options.validate === false ? { success: true as const, data: recorded.data } : schema.schema.safeParse(recorded.data);
    if (!data.success) throw this.undecodable(recorded, issues(data.error, 'data'));
    return {
      caseId: recorded.streamId.slice(dash + 1),
      streamId: recorded.streamId,
      position: recorded.position,
      revision: recorded.revision,
      type: recorded.type,
      data: data.data,
      metadata: metadata.data,
      recordedAt: recorded.recordedAt,
      definition,
    };
  }

  /** The cheap check of a trusted event's envelope: the fields a projection reads, of the layout this code knows. */
  private envelopeOf(recorded: RecordedEvent): z.ZodSafeParseResult<EventMetadata> {
    const metadata = recorded.metadata as Partial<EventMetadata> | null;
    const known =
      metadata !== null &&
      typeof metadata === 'object' &&
      metadata.schemaVersion === SCHEMA_VERSION &&
      typeof metadata.workflow === 'string' &&
      typeof metadata.workflowVersion === 'number' &&
      typeof metadata.occurredAt === 'string' &&
      typeof metadata.actor?.id === 'string';
    return known ? { success: true, data: metadata as EventMetadata } : EventMetadata.safeParse(recorded.metadata);
  }

  private undecodable(recorded: RecordedEvent, reason: string): UndecodableEventError {
    return new UndecodableEventError(
      `Event ${recorded.id} (${recorded.type}, stream ${recorded.streamId}, revision ${recorded.revision}, position ${recorded.position}) cannot be decoded: ${reason}`,
    );
  }
}

/** Zod's issues on one line, each naming its field: `data.delivery: must be one of…; data.heldAt: …`. */
function issues(error: z.ZodError, prefix: string): string {
  return describeIssues(error, prefix)
    .map((issue) => `${issue.path}: ${issue.message.en}`)
    .join('; ');
}
