/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/domain', '<rootDir>/workflows', '<rootDir>/projections', '<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30000,
  // Every test file used to leave about 27 MB behind in the process that ran it (prom-client's GC
  // observer kept each closed application: src/metrics/default-metrics.ts), which over all suites
  // outgrew Node's heap. A guard against the next such leak: a worker is replaced once a file leaves
  // it past this size, so no suite depends on how many came before it.
  workerIdleMemoryLimit: '1GB',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
