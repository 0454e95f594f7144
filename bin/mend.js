#!/usr/bin/env node
'use strict';
const { spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

/**
 * A rebuild of the read models keeps little (about 65 MiB of heap at its peak over 1M events), but
 * V8 lets the heap grow far past that between full collections: 477 MiB resident over 1M events
 * uncapped, 298 MiB with the old space capped at 256 MiB, for some 10% more time (bench/README.md).
 * The commands that rebuild (`projections rebuild`, `restore`) run in a node with that cap, unless
 * the operator set one in NODE_OPTIONS.
 */
const REBUILD_OLD_SPACE_MIB = 256;
/** What stops a command: `kill`, `timeout`, `systemctl stop` (TERM), Ctrl-C (INT), a closed terminal (HUP). */
const STOPPING = ['SIGTERM', 'SIGINT', 'SIGHUP'];
const [command, subcommand] = process.argv.slice(2);
const rebuilds = (command === 'projections' && subcommand === 'rebuild') || command === 'restore';
const capped = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((option) => option.includes('--max-old-space-size'));
if (rebuilds && !capped) {
  const child = spawn(process.execPath, [`--max-old-space-size=${REBUILD_OLD_SPACE_MIB}`, join(__dirname, 'mend.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
  // The pid an operator stops is this one: the signal goes on to the child, which stops its work
  // (a restore removes its staging directory); this process then ends as the child did.
  const forward = (signal) => child.kill(signal);
  for (const signal of STOPPING) process.on(signal, forward);
  child.on('error', (error) => {
    console.error(`mend: cannot start the rebuilding node: ${error.message}`);
    process.exit(70);
  });
  child.on('exit', (code, signal) => {
    for (const stopping of STOPPING) process.off(stopping, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 70);
  });
} else {
  run();
}

function run() {
  const entry = join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
  if (!existsSync(entry)) {
    console.error('mend: the build is missing. Run `npm run build` (npm start builds it too), then try again.');
    process.exit(70);
  }
  require(entry).main(process.argv).then(
    (code) => process.exit(code),
    (error) => {
      // main() reports its own failures; one that escapes it is a defect (docs/operations.md: exit 70).
      console.error(`mend: unexpected failure (a defect; please report it): ${error instanceof Error ? error.message : error}`);
      process.exit(70);
    },
  );
}
