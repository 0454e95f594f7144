import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadModelDatabase } from '../../src/projections/read-model.database';

/** ReadModelDatabase.prepare keeps statements; a view swapped to a new generation must still be read afresh. */
describe('kept read-model statements', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mend-kept-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are prepared once and read the generation a view points at now, even when another connection swapped it', () => {
    const file = join(dir, 'read-models.sqlite');
    const readModels = new ReadModelDatabase(file);
    readModels.db.exec(`CREATE TABLE things__g1 (id TEXT); INSERT INTO things__g1 VALUES ('old'); CREATE VIEW things AS SELECT * FROM things__g1`);
    const sql = 'SELECT id FROM things';
    const first = readModels.prepare<[], { id: string }>(sql);
    expect(first.all()).toEqual([{ id: 'old' }]);

    // A rebuild in another process swaps the view inside one transaction, as swapIn does.
    const other = new Database(file);
    other.exec(`CREATE TABLE things__g2 (id TEXT); INSERT INTO things__g2 VALUES ('new')`);
    other.transaction(() => other.exec('DROP VIEW things; CREATE VIEW things AS SELECT * FROM things__g2; DROP TABLE things__g1'))();
    other.close();

    const again = readModels.prepare<[], { id: string }>(sql);
    expect(again).toBe(first);
    expect(again.all()).toEqual([{ id: 'new' }]);
    readModels.db.close();
  });
});
