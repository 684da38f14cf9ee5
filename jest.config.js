/** Unit suite: needs nothing outside the repository. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  // One worker per core (jest's default leaves one core idle, which on a 2-core machine halves the speed).
  maxWorkers: '100%',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
