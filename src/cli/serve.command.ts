import { serve } from '../main';
import { cliConfig } from './cli-config';

/** `mend serve`: the server, until the process is stopped. */
export async function serveCommand(): Promise<void> {
  await serve(cliConfig());
  await new Promise(() => undefined);
}
