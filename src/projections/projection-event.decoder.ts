import { Injectable } from '@nestjs/common';
import { EventMetadata } from '../../domain/envelope';
import { findEventSchema } from '../../domain/fold';
import type { ProjectionEvent } from '../../projections/projection';
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
  private readonly categories: ReadonlySet<string>;

  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly codec: PersonalDataCodec,
  ) {
    this.categories = new Set(registry.categories().map((c) => c.category));
  }

  decode(stored: RecordedEvent): ProjectionEvent | undefined {
    // Read models never hold personal information: sealed fields are redacted without a key.
    const recorded = this.codec.open(stored, 'redact');
    const dash = recorded.streamId.indexOf('-');
    const category = dash > 0 ? recorded.streamId.slice(0, dash) : '';
    if (!this.categories.has(category)) return undefined;
    const metadata = EventMetadata.safeParse(recorded.metadata);
    if (!metadata.success) throw this.undecodable(recorded, `metadata: ${metadata.error.message}`);
    let definition;
    try {
      definition = this.registry.version(metadata.data.workflow, metadata.data.workflowVersion);
    } catch (error) {
      throw this.undecodable(recorded, (error as Error).message);
    }
    const schema = findEventSchema(definition, recorded.type);
    if (!schema) throw this.undecodable(recorded, `${definition.name} v${definition.version} has no event ${recorded.type}`);
    const data = schema.schema.safeParse(recorded.data);
    if (!data.success) throw this.undecodable(recorded, `data: ${data.error.message}`);
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

  private undecodable(recorded: RecordedEvent, reason: string): UndecodableEventError {
    return new UndecodableEventError(
      `Event ${recorded.id} (${recorded.type}, stream ${recorded.streamId}, revision ${recorded.revision}, position ${recorded.position}) cannot be decoded: ${reason}`,
    );
  }
}
