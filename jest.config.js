/** Unit suite: needs nothing outside the repository. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  // One worker per core (jest's default leaves one core idle, which on a 2-core machine halves the speed).
  maxWorkers: '100%',
  // A worker ends by letting its event loop drain; Node then tears down its heap. After the replay and CLI
  // suites (RSS 230-260 MB) that took 0.6-0.7 s from the worker's 'exit' event to its end on a 2-core VM,
  // over jest's default 500 ms: "A worker process has failed to exit gracefully" with no handle left open.
  workerGracefulExitTimeout: 5000,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
