#!/usr/bin/env node
'use strict';
const { spawnSync } = require('node:child_process');
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
const [command, subcommand] = process.argv.slice(2);
const rebuilds = (command === 'projections' && subcommand === 'rebuild') || command === 'restore';
const capped = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((option) => option.includes('--max-old-space-size'));
if (rebuilds && !capped) {
  const child = spawnSync(process.execPath, [`--max-old-space-size=${REBUILD_OLD_SPACE_MIB}`, join(__dirname, 'mend.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 1);
}

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
