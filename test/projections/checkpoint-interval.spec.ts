import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadModelDatabase } from '../../src/projections/read-model.database';

/** A rebuild spaces the WAL checkpoints of the read models while it writes, and only while it does. */
describe('read-model checkpoints during a rebuild', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mend-checkpoints-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checkpoints every given number of pages while the work runs, then as before, even when it fails or two overlap', async () => {
    const readModels = new ReadModelDatabase(join(dir, 'read-models.sqlite'));
    const interval = () => readModels.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    expect(interval()).toBe(1000);

    await expect(readModels.checkpointingEvery(5000, () => Promise.resolve(interval()))).resolves.toBe(5000);
    expect(interval()).toBe(1000);

    await expect(readModels.checkpointingEvery(5000, () => Promise.reject(new Error('rebuild failed')))).rejects.toThrow('rebuild failed');
    expect(interval()).toBe(1000);

    // Two rebuilds at once: the first to end leaves the second's interval; the last restores the default.
    let endSecond!: () => void;
    const second = readModels.checkpointingEvery(5000, () => new Promise<number>((resolve) => (endSecond = () => resolve(interval()))));
    await readModels.checkpointingEvery(5000, () => Promise.resolve());
    expect(interval()).toBe(5000);
    endSecond();
    await expect(second).resolves.toBe(5000);
    expect(interval()).toBe(1000);
    readModels.db.close();
  });
});
