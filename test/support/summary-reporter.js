// Writes the run's totals to test-results/summary.json, so .ci/run can close with the plain line
// "N passed, N failed" that CI reads (it reads no jest summary).
'use strict';
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.root = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const failedSuites = results.numRuntimeErrorTestSuites + results.testResults.filter((r) => r.testExecError).length;
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + failedSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      suites: results.numTotalTestSuites,
    };
    const dir = join(this.root, 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'summary.json'), `${JSON.stringify(summary)}\n`);
  }
}

module.exports = SummaryReporter;
