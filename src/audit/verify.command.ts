import { parseInput } from '../../domain/validation';
import { CaseId } from '../../domain/schemas';
import { CliError } from '../cli/cli-error';
import { ExitCode } from '../cli/exit-codes';
import { CLI_TEXTS } from '../cli/messages';
import { cliLanguage } from '../config/language';
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
    // The verdict's sentences and each problem's detail, in the operator's language.
    const expected = { language: cliLanguage(), ...(checkpoint === undefined ? {} : { expectedDigest: checkpoint }) };
    const verification = context.get(ChainVerification);
    if (options.case !== undefined) return verification.verifyCase(parseInput(CaseId, options.case, '--case'), expected);
    const head = await context.get<EventStore>(EVENT_STORE).headPosition();
    const bar = progress(CLI_TEXTS.progressVerify[cliLanguage()]);
    const verified = await verification.verifyAll({ ...expected, onProgress: (position) => bar.update(position, head) });
    bar.stop();
    return verified;
  });
  if (result.ok) {
    console.log(result.message);
    if (!result.checkpoint) console.error(CLI_TEXTS.noCheckpointWarning[cliLanguage()]);
    return;
  }
  if (result.verdict === 'unverifiable') {
    // Nothing was found wrong: the checkpoints could not be read, for want of the key to read them with.
    console.log(CLI_TEXTS.notVerified(result.streams, result.events)[cliLanguage()]);
    throw new CliError(describeCheckpointProblem(result.checkpointProblems[0]!, cliLanguage()), ExitCode.config);
  }
  reportTampering(result);
  throw new CliError(CLI_TEXTS.logTampered, ExitCode.failed);
}

function reportTampering(result: Verification): void {
  const language = cliLanguage();
  const against = result.checkpoint
    ? CLI_TEXTS.checkpointAgainst(result.checkpoint.sequence, result.checkpoint.position, result.checkpoint.digest)
    : CLI_TEXTS.storedCheckpoints;
  console.log(CLI_TEXTS.tampered(result.tamperedStreams, result.streams, result.events)[language]);
  for (const problem of result.problems) console.log(`  ${describeProblem(problem, language)}`);
  if (result.checkpointProblems.length > 0) console.log(CLI_TEXTS.comparedWith(against[language])[language]);
  for (const problem of result.checkpointProblems) console.log(`  ${describeCheckpointProblem(problem, language)}`);
}

/** `mend audit checkpoint`: signs the store's head with the audit key and prints the digest to publish. */
export async function checkpointCommand(): Promise<void> {
  const created = await withContext(async (context) => {
    const head = await context.get<EventStore>(EVENT_STORE).headPosition();
    const bar = progress(CLI_TEXTS.progressCheckpoint[cliLanguage()]);
    const made = await context.get(ChainVerification).checkpoint(cliReader(), (position) => bar.update(position, head));
    bar.stop();
    return made;
  });
  if ('refused' in created) {
    reportTampering(created.refused);
    throw new CliError(CLI_TEXTS.noCheckpointSigned, ExitCode.failed);
  }
  console.log(CLI_TEXTS.checkpointSigned(created)[cliLanguage()]);
  console.log(`sha256:${created.digest}`);
  // The digest is the last line on stdout, for a script to take; the advice is for the person.
  console.error(CLI_TEXTS.publishDigest[cliLanguage()]);
}
