/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/domain', '<rootDir>/workflows', '<rootDir>/projections', '<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30000,
  // Every test file leaves about 27 MB behind in the process that ran it, which over all suites
  // outgrew Node's heap. Suites run in a worker that is replaced once a file leaves it past this size,
  // so no suite depends on how many came before it.
  workerIdleMemoryLimit: '1GB',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
