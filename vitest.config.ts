import { defineConfig } from 'vitest/config';

/**
 * Test output is quiet: what the code under test logs (Powertools' logger, the local cloud) shows
 * only for a failing test, or for every test with `LOG_LEVEL` set (e.g. `LOG_LEVEL=DEBUG npm test`).
 */
const verbose = Boolean(process.env.LOG_LEVEL);

// DynamoDB Local's JVM with C1 only, as the suite always ran: a second quicker to start, for the
// dozen short-lived `npm start`s the suite runs (local/dynamodb/index.ts). Set here, in the runner's
// own process, so the run's DynamoDB Locals (global setup), the workers and every `npm start` they
// spawn see it.
process.env.DYNAMODB_LOCAL_JIT ??= 'quick';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'web/src/**/*.test.ts'],
    // One DynamoDB Local per worker for the whole run (the machine has 2 cores): see
    // test/global-setup.ts.
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // A limit for a hung test, not a speed check (speed is measured in bench/): tests that take
    // 30 s alone took twice that inside the suite on CI's 2 cores (transparency counters, 55 s of
    // a 60 s limit), so the limit is well above anything a test takes alone.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ['default'] : ['default'],
    silent: verbose ? false : 'passed-only',
    env: {
      // Powertools writes through the global console in dev mode, so the runner can hold it back.
      POWERTOOLS_DEV: 'true',
      // An EU statement of reasons the Transparency Database would refuse fails its step, so every
      // suite that produces one checks it against the database's documented rules.
      TRANSPARENCY_STRICT: 'true',
      // Business metrics (EMF lines) only when asked for.
      ...(verbose ? {} : { POWERTOOLS_METRICS_DISABLED: 'true' }),
    },
  },
});
