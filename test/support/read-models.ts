import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectionDefinitions } from '../../projections/registry';
import { ProjectionsService } from '../../src/projections/projections.service';
import { READ_MODELS_FILE } from '../../src/projections/read-model.database';
import { cliContext } from './store-writer';

/** Every row of every read-model table (as JSON, sorted), and each projection's checkpoint. */
export interface ReadModelSnapshot {
  readonly tables: Readonly<Record<string, readonly string[]>>;
  readonly checkpoints: Readonly<Record<string, number>>;
}

/** Reads every projection's tables through their views, in one read transaction (one consistent state). */
export function snapshotReadModels(file: string): ReadModelSnapshot {
  const db = new Database(file, { fileMustExist: true });
  try {
    return db.transaction(() => {
      const tables: Record<string, string[]> = {};
      for (const table of projectionDefinitions.flatMap((p) => p.tables)) {
        tables[table.name] = db
          .prepare(`SELECT * FROM ${table.name}`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort();
      }
      const checkpoints = Object.fromEntries(
        db
          .prepare<[], { name: string; checkpoint: number }>('SELECT name, checkpoint FROM projection_state')
          .all()
          .map((s) => [s.name, s.checkpoint]),
      );
      return { tables, checkpoints };
    })();
  } finally {
    db.close();
  }
}

/** Copies a data directory while Mend may be running: SQLite files through the backup API, other files as they are; no read models. */
export async function copyDataDir(dataDir: string): Promise<string> {
  const copy = mkdtempSync(join(tmpdir(), 'mend-copy-'));
  for (const name of readdirSync(dataDir)) {
    const source = join(dataDir, name);
    if (name.startsWith(READ_MODELS_FILE) || name.endsWith('-wal') || name.endsWith('-shm') || !statSync(source).isFile()) continue;
    if (name.endsWith('.sqlite')) {
      const db = new Database(source, { fileMustExist: true });
      try {
        await db.backup(join(copy, name));
      } finally {
        db.close();
      }
    } else {
      copyFileSync(source, join(copy, name));
    }
  }
  return copy;
}

/**
 * What the read models would hold if they were built afresh from the log: the data directory is
 * copied, every projection is rebuilt there by Mend's own rebuild (as `mend projections rebuild`
 * does), and the result is read.
 */
export async function rebuiltReadModels(dataDir: string): Promise<ReadModelSnapshot> {
  const copy = await copyDataDir(dataDir);
  try {
    const context = await cliContext(copy);
    try {
      const service = context.get(ProjectionsService);
      for (const name of service.names()) await service.rebuild(name);
    } finally {
      await context.close();
    }
    return snapshotReadModels(join(copy, READ_MODELS_FILE));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** How two snapshots differ: a few rows of each table that only one holds, and checkpoints that disagree. Empty when equal. */
/** For a row only in one side, the columns in which it differs from the other side's row of the same first column. */
function columnsThatDiffer(row: string, others: readonly string[]): string {
  const mine = JSON.parse(row) as Record<string, unknown>;
  const key = Object.keys(mine)[0]!;
  const theirs = others.map((other) => JSON.parse(other) as Record<string, unknown>).find((other) => other[key] === mine[key]);
  if (!theirs) return '';
  const columns = Object.keys(mine).filter((column) => JSON.stringify(mine[column]) !== JSON.stringify(theirs[column]));
  const around = (a: string, b: string): [string, string] => {
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    const from = Math.max(0, at - 120);
    return [a.slice(from, at + 200), b.slice(from, at + 200)];
  };
  return columns
    .map((column) => {
      const [a, b] = around(JSON.stringify(mine[column]), JSON.stringify(theirs[column]));
      return `\n  ${key} ${String(mine[key])}: ${column} is …${a}… in the read model, …${b}… in the rebuild`;
    })
    .join('');
}

export function differences(actual: ReadModelSnapshot, expected: ReadModelSnapshot, sample = 3): string[] {
  const found: string[] = [];
  for (const table of new Set([...Object.keys(actual.tables), ...Object.keys(expected.tables)])) {
    const mine = new Set(actual.tables[table] ?? []);
    const theirs = new Set(expected.tables[table] ?? []);
    const extra = [...mine].filter((row) => !theirs.has(row));
    const missing = [...theirs].filter((row) => !mine.has(row));
    if (extra.length > 0 || missing.length > 0 || mine.size !== (actual.tables[table]?.length ?? 0)) {
      found.push(
        `${table}: ${extra.length} rows only in the read model, ${missing.length} only in the rebuild` +
          extra.slice(0, sample).map((row) => `\n  read model: ${row.slice(0, 600)}`).join('') +
          missing.slice(0, sample).map((row) => `\n  rebuild:    ${row.slice(0, 600)}`).join('') +
          extra.slice(0, sample).map((row) => columnsThatDiffer(row, missing)).join(''),
      );
    }
  }
  for (const name of new Set([...Object.keys(actual.checkpoints), ...Object.keys(expected.checkpoints)])) {
    if (actual.checkpoints[name] !== expected.checkpoints[name]) {
      found.push(`${name}: checkpoint ${actual.checkpoints[name]} in the read model, ${expected.checkpoints[name]} in the rebuild`);
    }
  }
  return found;
}
