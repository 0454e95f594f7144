import { parseInput } from '../../domain/validation';
import { CaseId } from '../../domain/schemas';
import { CliError } from '../cli/cli-error';
import { ExitCode } from '../cli/exit-codes';
import { progress } from '../cli/progress';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { withContext } from '../cli/context';
import { cliReader } from './audit-cli';
import { VerifyQuery } from './audit.queries';
import type { Verification } from './audit.schemas';
import { describeProblem } from './chain-verifier';
import { ChainVerification, describeCheckpointProblem } from './verification.service';

/**
 * `mend audit verify [--case <id>] [--checkpoint <digest>]`: exit 0 when every chain holds and the
 * store matches its latest signed checkpoint, 1 when it was tampered with, 78 when checkpoints are
 * stored but no public key is configured to check them.
 */
export async function verifyCommand(options: { case?: string; checkpoint?: string }): Promise<void> {
  const result = await withContext(async (context) => {
    const checkpoint = parseInput(VerifyQuery.shape.checkpoint, options.checkpoint, '--checkpoint');
    const expected = checkpoint === undefined ? {} : { expectedDigest: checkpoint };
    const verification = context.get(ChainVerification);
    if (options.case !== undefined) return verification.verifyCase(parseInput(CaseId, options.case, '--case'), expected);
    const head = await context.get<EventStore>(EVENT_STORE).headPosition();
    const bar = progress('verify');
    const verified = await verification.verifyAll({ ...expected, onProgress: (position) => bar.update(position, head) });
    bar.stop();
    return verified;
  });
  if (result.ok) {
    console.log(result.message);
    if (!result.checkpoint) console.error('no signed checkpoint: deleted or re-chained events cannot be detected (see `mend audit checkpoint`)');
    return;
  }
  if (result.verdict === 'unverifiable') {
    // Nothing was found wrong: the checkpoints could not be read, for want of the key to read them with.
    console.log(`NOT VERIFIED: the chains of ${result.streams} streams hold (${result.events} events checked); the signed checkpoints could not be checked`);
    throw new CliError(describeCheckpointProblem(result.checkpointProblems[0]!), ExitCode.config);
  }
  reportTampering(result);
  throw new CliError('the log has been tampered with: the first problem of each stream is listed above', ExitCode.failed);
}

function reportTampering(result: Verification): void {
  const against = result.checkpoint ? `checkpoint ${result.checkpoint.sequence} (position ${result.checkpoint.position}, sha256:${result.checkpoint.digest})` : undefined;
  console.log(`TAMPERED: ${result.tamperedStreams} of ${result.streams} streams (${result.events} events checked)`);
  for (const problem of result.problems) console.log(`  ${describeProblem(problem)}`);
  if (result.checkpointProblems.length > 0) console.log(`Compared with ${against ?? 'the stored checkpoints'}:`);
  for (const problem of result.checkpointProblems) console.log(`  ${describeCheckpointProblem(problem)}`);
}

/** `mend audit checkpoint`: signs the store's head with the audit key and prints the digest to publish. */
export async function checkpointCommand(): Promise<void> {
  const created = await withContext(async (context) => {
    const head = await context.get<EventStore>(EVENT_STORE).headPosition();
    const bar = progress('checkpoint');
    const made = await context.get(ChainVerification).checkpoint(cliReader(), (position) => bar.update(position, head));
    bar.stop();
    return made;
  });
  if ('refused' in created) {
    reportTampering(created.refused);
    throw new CliError('No checkpoint was signed: the log does not verify (the problems are listed above); a checkpoint must never vouch for a tampered store', ExitCode.failed);
  }
  console.log(`checkpoint ${created.sequence} signed at position ${created.position} (${created.events} events, ${created.streams} streams) with audit key ${created.keyId}`);
  console.log(`sha256:${created.digest}`);
  // The digest is the last line on stdout, for a script to take; the advice is for the person.
  console.error('Publish this digest outside this machine (ticket, e-mail to the privacy office, transparency log); `mend audit verify --checkpoint <digest>` checks the store against it.');
}
