import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

/**
 * Where read models keep their SQL and what they may import (issue 18): each read model owns its
 * SQL in one queries file beside its projector — no SQL in controllers, the scheduler or metrics —
 * and a read model reads what it needs of a workflow from what the workflow exports for sharing,
 * never from its `decide`.
 */
const root = resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Storage adapters own their own tables (the log, the keys, backups, the read-model bookkeeping): not read models. */
const STORAGE = [/^src\/event-store\//, /^src\/privacy\/(postgres-)?key-store\.ts$/, /^src\/backup\//, /^src\/projections\/read-model\.database\.ts$/];
const SQL = /\b(SELECT\s[\s\S]*?\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|DELETE\s+FROM|UPDATE\s+\{?\w+\}?\s+SET|CREATE\s+(TABLE|INDEX|VIEW))\b/;
const isQueriesFile = (file: string) => /[.-]queries\.ts$/.test(file);

const srcFiles = sources(join(root, 'src')).map((file) => relative(root, file));

const importsOf = (text: string) => [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('read models', () => {
  it('write SQL only in queries files (and storage adapters own theirs)', () => {
    const withSql = srcFiles.filter((file) => SQL.test(readFileSync(join(root, file), 'utf8')));
    expect(withSql.filter((file) => !isQueriesFile(file) && !STORAGE.some((pattern) => pattern.test(file)))).toEqual([]);
    expect(withSql.filter(isQueriesFile).length).toBeGreaterThanOrEqual(3);
  });

  it('keep each queries file beside the projector of its read model', () => {
    const queries = srcFiles.filter((file) => isQueriesFile(file) && SQL.test(readFileSync(join(root, file), 'utf8')));
    const alone = queries.filter((file) => !readdirSync(join(root, dirname(file))).some((name) => name.endsWith('.projector.ts')));
    expect(alone).toEqual([]);
  });

  it('never import a workflow’s decide', () => {
    const offending = sources(join(root, 'projections')).flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => relative(root, resolve(dirname(file), specifier)))
        .filter((target) => target.startsWith('workflows/') && basename(target) === 'decide')
        .map((target) => `${relative(root, file)} imports ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('catches SQL when one is written (the check is not vacuous)', () => {
    expect(SQL.test("db.prepare(`SELECT * FROM complaint_board WHERE status = 'open'`)")).toBe(true);
    expect(SQL.test('INSERT OR REPLACE INTO {sla_alerts} (position) VALUES (@position)')).toBe(true);
    expect(SQL.test('Select the model of the meeting from the list')).toBe(false);
  });
});
