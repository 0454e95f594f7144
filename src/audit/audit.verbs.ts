import { Option, type Command } from 'commander';
import type { ExportOptions } from './export.command';
import { EXPORT_FORMATS } from './export-format';

/** The auditors' verbs: `replay`, `audit verify`, `audit checkpoint`, `export`; each loads its implementation when it runs (see cli/main.ts). */
export function auditVerbs(program: Command): void {
  program
    .command('replay')
    .description('print a case’s timeline: each event with its time, actor and facts, the state it led to, the clocks')
    .argument('<caseId>', 'the case')
    .action((caseId: string) => (require('./replay.command') as typeof import('./replay.command')).replayCommand(caseId));

  const audit = program.command('audit').description('the tamper-evident log');
  audit
    .command('verify')
    .description('check the hash chain of every stream (or of one case) and compare the store with its latest signed checkpoint; exit code 1 names what was changed or deleted')
    .option('--case <id>', 'only this case: its stream and its access log')
    .option('--checkpoint <digest>', 'a checkpoint digest published earlier: the store must still hold that genuine checkpoint')
    .action((options: { case?: string; checkpoint?: string }) =>
      (require('./verify.command') as typeof import('./verify.command')).verifyCommand(options),
    );
  audit
    .command('checkpoint')
    .description('sign the store’s head (position, event count, every stream’s last hash) with the audit key (MEND_AUDIT_KEY or MEND_AUDIT_KEY_FILE) and print the digest to publish')
    .action(() => (require('./verify.command') as typeof import('./verify.command')).checkpointCommand());

  program
    .command('export')
    .description('write case histories as NDJSON or CSV, streamed (progress on stderr)')
    .option('--case <id>', 'one case')
    .option('--workflow <name>', 'every case of a workflow')
    .option('--from <time>', 'events that occurred at or after this ISO 8601 time')
    .option('--to <time>', 'events that occurred before this ISO 8601 time')
    .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).default('ndjson'))
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--overwrite', 'replace the --out file if it exists (otherwise refused); the file is written owner-only (mode 600), never inside the data directory')
    .action((options: ExportOptions) =>
      (require('./export.command') as typeof import('./export.command')).exportCommand(options),
    );
}
