import { parseInput } from '../../domain/validation';
import { CaseId } from '../cases/cases.controller';
import { CliError } from '../cli/cli-error';
import { ExitCode } from '../cli/exit-codes';
import { progress } from '../cli/progress';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { withAuditContext } from './audit-cli';
import { describeProblem } from './chain-verifier';
import { ChainVerification } from './verification.service';

/** `mend audit verify [--case <id>]`: exit 0 when every chain holds, 1 when an event was tampered with. */
export async function verifyCommand(options: { case?: string }): Promise<void> {
  const result = await withAuditContext(async (context) => {
    const verification = context.get(ChainVerification);
    if (options.case !== undefined) return verification.verifyCase(parseInput(CaseId, options.case, '--case'));
    const head = await context.get<EventStore>(EVENT_STORE).headPosition();
    const bar = progress('verify');
    const verified = await verification.verifyAll((position) => bar.update(position, head));
    bar.stop();
    return verified;
  });
  if (result.ok) {
    console.log(result.message);
    return;
  }
  console.log(`TAMPERED: ${result.tamperedStreams} of ${result.streams} streams (${result.events} events checked)`);
  for (const problem of result.problems) console.log(`  ${describeProblem(problem)}`);
  throw new CliError('the log has been tampered with: the first problem of each stream is listed above', ExitCode.failed);
}
