import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiExamplesDoc, runJourney } from '../test/support/api-examples';
import { startApp } from '../test/support/app';
import { EXAMPLES_CLOCK_START, journeys } from '../test/e2e/journeys.fixture';

/** Runs the README's journeys on a fresh Mend and writes what it answered to docs/api-examples.md. */
async function main(): Promise<void> {
  const running = await startApp({ start: EXAMPLES_CLOCK_START });
  try {
    const runs = [];
    for (const journey of journeys) runs.push({ journey, exchanges: await runJourney(running, journey) });
    writeFileSync(join(__dirname, '..', 'docs', 'api-examples.md'), apiExamplesDoc(runs));
    console.log('wrote docs/api-examples.md');
  } finally {
    await running.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
