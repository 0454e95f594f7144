import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp } from '../test/support/app';
import { API_TYPES_FILE, apiTypes } from '../test/support/openapi-types';

/** Writes the client types generated from a fresh Mend's /openapi.json to test/client/mend-api.d.ts. */
async function main(): Promise<void> {
  const running = await startApp();
  try {
    const document = await (await fetch(`${running.baseUrl}/openapi.json`)).text();
    writeFileSync(join(__dirname, '..', API_TYPES_FILE), await apiTypes(document));
    console.log(`wrote ${API_TYPES_FILE}`);
  } finally {
    await running.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
