import { Instant } from '../../domain/schemas';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { parseInput } from '../../domain/validation';
import { CaseId } from '../../domain/schemas';
import { CliError } from '../cli/cli-error';
import { ExitCode } from '../cli/exit-codes';
import { progress } from '../cli/progress';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import { AccessLog } from './access-log.service';
import { cliReader, withAuditContext } from './audit-cli';
import { AuditReader, type EventSelection } from './audit-reader.service';
import type { HistoryItem } from './audit.schemas';
import { encodeExport, type ExportFormat } from './export-format';

export interface ExportOptions {
  readonly case?: string;
  readonly workflow?: string;
  readonly from?: string;
  readonly to?: string;
  readonly format: ExportFormat;
  readonly out?: string;
}

/** Records of the cases seen last, so a case whose events are spread through a bulk export is recorded about once. */
const RECENTLY_RECORDED = 10_000;
const BATCH = 500;

/**
 * `mend export`: one case, or every case of a workflow and/or a time window, as NDJSON or CSV on
 * stdout or in a file, streamed. Progress goes to stderr. Each case is recorded as read in its
 * access log before any of its events is written out.
 */
export async function exportCommand(options: ExportOptions): Promise<void> {
  const selection = selectionOf(options);
  let out: Writable = process.stdout;
  const events = await withAuditContext(async (context) => {
    const reader = context.get(AuditReader);
    const store = context.get<EventStore>(EVENT_STORE);
    const accessLog = context.get(AccessLog);
    const actor = cliReader();
    const correlationId = uuidv7();
    if ('workflow' in selection && selection.workflow !== undefined) context.get(WorkflowRegistry).get(selection.workflow);
    const total = 'caseId' in selection ? await caseLength(store, reader, selection.caseId) : await store.headPosition();
    if (options.out) out = createWriteStream(options.out);
    const bar = progress('export');
    const recorded = new Set<string>();
    let count = 0;
    const record = async (items: readonly HistoryItem[]) => {
      const fresh = [...new Set(items.map((item) => item.caseId))].filter((caseId) => !recorded.has(caseId));
      const details = { format: options.format, via: 'mend export' };
      await Promise.all(fresh.map((caseId) => accessLog.record({ caseId, read: 'export', details, actor, correlationId, causationId: correlationId })));
      for (const caseId of fresh) {
        recorded.add(caseId);
        if (recorded.size > RECENTLY_RECORDED) recorded.delete(recorded.values().next().value!);
      }
    };
    async function* recordedFirst(): AsyncGenerator<HistoryItem> {
      for await (const batch of batches(reader.read(selection, actor), BATCH)) {
        await record(batch);
        count += batch.length;
        const last = batch[batch.length - 1]!;
        bar.update('caseId' in selection ? last.revision + 1 : last.position, total);
        yield* batch;
      }
    }
    for await (const chunk of encodeExport(recordedFirst(), options.format)) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    bar.update(total, total);
    bar.stop();
    return count;
  });
  if (out !== process.stdout) {
    out.end();
    await once(out, 'finish');
  }
  process.stderr.write(`exported ${events} events${options.out ? ` to ${options.out}` : ''}\n`);
}

async function* batches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function selectionOf(options: ExportOptions): EventSelection {
  const ranged = options.workflow !== undefined || options.from !== undefined || options.to !== undefined;
  if (options.case !== undefined) {
    if (ranged) throw new CliError('--case exports one whole case: it cannot be combined with --workflow, --from or --to', ExitCode.usage);
    return { caseId: parse(CaseId, options.case, '--case') };
  }
  if (!ranged) throw new CliError('say what to export: --case <id>, or --workflow <name> and/or --from <time> --to <time>', ExitCode.usage);
  return {
    ...(options.workflow !== undefined ? { workflow: options.workflow } : {}),
    ...(options.from !== undefined ? { from: parse(Instant, options.from, '--from') } : {}),
    ...(options.to !== undefined ? { to: parse(Instant, options.to, '--to') } : {}),
  };
}

function parse<T extends z.ZodType>(schema: T, value: string, option: string): z.output<T> {
  try {
    return parseInput(schema, value, option);
  } catch (error) {
    throw new CliError((error as Error).message, ExitCode.usage);
  }
}

async function caseLength(store: EventStore, reader: AuditReader, caseId: string): Promise<number> {
  const { streamId } = await reader.locate(caseId);
  const [last] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
  return (last?.revision ?? -1) + 1;
}
