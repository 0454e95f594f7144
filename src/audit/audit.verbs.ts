import { Option, type Command } from 'commander';
import type { ExportOptions } from './export.command';
import { EXPORT_FORMATS } from './export-format';

/** The auditors' verbs: `replay`, `audit verify`, `export`; each loads its implementation when it runs (see cli/main.ts). */
export function auditVerbs(program: Command): void {
  program
    .command('replay')
    .description('print a case’s timeline: each event with its time, actor and facts, the state it led to, the clocks')
    .argument('<caseId>', 'the case')
    .action((caseId: string) => (require('./replay.command') as typeof import('./replay.command')).replayCommand(caseId));

  program
    .command('audit')
    .description('the tamper-evident log')
    .command('verify')
    .description('check the hash chain of every stream (or of one case); exit code 1 names the first tampered event of each stream')
    .option('--case <id>', 'only this case: its stream and its access log')
    .action((options: { case?: string }) => (require('./verify.command') as typeof import('./verify.command')).verifyCommand(options));

  program
    .command('export')
    .description('write case histories as NDJSON or CSV, streamed (progress on stderr)')
    .option('--case <id>', 'one case')
    .option('--workflow <name>', 'every case of a workflow')
    .option('--from <time>', 'events that occurred at or after this ISO 8601 time')
    .option('--to <time>', 'events that occurred before this ISO 8601 time')
    .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).default('ndjson'))
    .option('--out <file>', 'write to this file instead of stdout')
    .action((options: ExportOptions) =>
      (require('./export.command') as typeof import('./export.command')).exportCommand(options),
    );
}
