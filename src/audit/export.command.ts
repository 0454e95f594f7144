import { createWriteStream, existsSync, fchmodSync, fstatSync, openSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import { CaseId, Instant } from '../../domain/schemas';
import { cliConfig } from '../cli/cli-config';
import { CliError } from '../cli/cli-error';
import { CLI_TEXTS } from '../cli/messages';
import { cliLanguage } from '../config/language';
import { ExitCode } from '../cli/exit-codes';
import { parseOption } from '../cli/parse-option';
import { progress } from '../cli/progress';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { isInsideFollowingLinks } from '../security/private-files';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import { AccessLog } from './access-log.service';
import { withContext } from '../cli/context';
import { cliReader } from './audit-cli';
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
  /** Replace an existing --out file. */
  readonly overwrite?: boolean;
}

/** Records of the cases seen last, so a case whose events are spread through a bulk export is recorded about once. */
const RECENTLY_RECORDED = 10_000;
const BATCH = 500;

/**
 * `mend export`: one case, or every case of a workflow and/or a time window, as NDJSON or CSV on
 * stdout or in a file, streamed. Progress goes to stderr. Each case is recorded as read in its
 * access log before any of its events is written out. An export holds personal information in
 * clear: its file is its owner's only, never inside the data directory (which holds none in clear,
 * so an erasure reaches everything there), and never replaces a file unasked.
 */
export async function exportCommand(options: ExportOptions): Promise<void> {
  const selection = selectionOf(options);
  const file = options.out === undefined ? undefined : outputFile(options.out, cliConfig().dataDir);
  if (file && !options.overwrite && existsSync(file)) throw new CliError(CLI_TEXTS.outExists(file), ExitCode.cannotCreate);
  let output: Output | undefined;
  try {
    const events = await withContext(async (context) => {
      const reader = context.get(AuditReader);
      const store = context.get<EventStore>(EVENT_STORE);
      const accessLog = context.get(AccessLog);
      const actor = cliReader();
      const correlationId = uuidv7();
      if ('workflow' in selection && selection.workflow !== undefined) context.get(WorkflowRegistry).get(selection.workflow);
      const total = 'caseId' in selection ? await caseLength(store, reader, selection.caseId) : await store.headPosition();
      output = file ? Output.file(file, options.overwrite ?? false) : Output.stdout();
      const bar = progress(CLI_TEXTS.progressExport[cliLanguage()]);
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
      try {
        for await (const chunk of encodeExport(recordedFirst(), options.format)) await output.write(chunk);
        bar.update(total, total);
      } finally {
        bar.stop();
      }
      return count;
    });
    await output?.close();
    process.stderr.write(`${CLI_TEXTS.exported(events, file ?? '')[cliLanguage()]}\n`);
  } catch (error) {
    // The reader of stdout stopped reading (`mend export … | head`): what it wanted, it has.
    if (output?.closedByReader(error)) return;
    output?.discard();
    throw output?.failure(error) ?? error;
  }
}

/** The --out path, refused inside the data directory (symbolic links followed). */
function outputFile(out: string, dataDir: string): string {
  const path = resolve(out);
  if (isInsideFollowingLinks(path, dataDir)) {
    throw new CliError(CLI_TEXTS.outInsideDataDir(path, dataDir), ExitCode.cannotCreate);
  }
  return path;
}

/** Where the export goes: stdout, or a file written owner-only; a write that fails is reported once, in one line. */
class Output {
  private error: Error | undefined;

  private constructor(
    private readonly stream: Writable,
    private readonly path: string | undefined,
    /** A regular file, which a failed export removes; never a device or a pipe given as --out. */
    private readonly regular = false,
  ) {
    stream.on('error', (error: Error) => (this.error ??= error));
  }

  static stdout(): Output {
    return new Output(process.stdout, undefined);
  }

  static file(path: string, overwrite: boolean): Output {
    let fd: number;
    let regular: boolean;
    try {
      fd = openSync(path, overwrite ? 'w' : 'wx', 0o600);
      regular = fstatSync(fd).isFile();
      // An existing file keeps its mode when it is opened: it is replaced by one its owner only reads.
      if (regular) fchmodSync(fd, 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(code === 'EEXIST' ? CLI_TEXTS.outExists(path) : CLI_TEXTS.outUnwritable(`--out ${path}`, (error as Error).message), ExitCode.cannotCreate);
    }
    return new Output(createWriteStream(path, { fd }), path, regular);
  }

  async write(chunk: string): Promise<void> {
    if (this.error) throw this.error;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.error) throw this.error;
    if (this.path === undefined) return;
    this.stream.end();
    await once(this.stream, 'finish');
  }

  closedByReader(error: unknown): boolean {
    return this.path === undefined && (error as NodeJS.ErrnoException).code === 'EPIPE';
  }

  /** A file cut short is removed: it holds personal information, and is not the export asked for. */
  discard(): void {
    if (this.path === undefined) return;
    this.stream.destroy();
    if (this.regular) rmSync(this.path, { force: true });
  }

  failure(error: unknown): unknown {
    if (error === this.error) return new CliError(CLI_TEXTS.outUnwritable(this.path === undefined ? 'stdout' : `--out ${this.path}`, (error as Error).message), ExitCode.cannotCreate);
    return error;
  }
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
    if (ranged) throw new CliError(CLI_TEXTS.caseNotCombined, ExitCode.usage);
    return { caseId: parseOption(CaseId, options.case, '--case') };
  }
  if (!ranged) throw new CliError(CLI_TEXTS.exportWhat, ExitCode.usage);
  return {
    ...(options.workflow !== undefined ? { workflow: options.workflow } : {}),
    ...(options.from !== undefined ? { from: parseOption(Instant, options.from, '--from') } : {}),
    ...(options.to !== undefined ? { to: parseOption(Instant, options.to, '--to') } : {}),
  };
}

async function caseLength(store: EventStore, reader: AuditReader, caseId: string): Promise<number> {
  const { streamId } = await reader.locate(caseId);
  const [last] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
  return (last?.revision ?? -1) + 1;
}
