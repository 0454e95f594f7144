import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ProjectionsService } from '../../src/projections/projections.service';
import { startApp } from '../support/app';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * An application closed in a process that goes on (each test file's, several nodes in one test)
 * leaves nothing running that keeps it: prom-client's default metrics subscribe a GC observer and an
 * event-loop monitor to the process, which kept every closed application (27 MB a test file).
 */
describe('an application once closed', () => {
  it('can be collected: nothing it started keeps it in memory', async () => {
    let running: Awaited<ReturnType<typeof startApp>> | undefined = await startApp({ start: '2026-03-02T14:00:00Z' });
    expect((await (await running.as('supervisor')).get('/cases')).status).toBe(200);
    const projections = new WeakRef(running.app.get(ProjectionsService));
    await running.close();
    running = undefined;
    for (let round = 0; round < 5 && projections.deref() !== undefined; round++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      collectGarbage();
    }
    expect(projections.deref()).toBeUndefined();
  });
});
