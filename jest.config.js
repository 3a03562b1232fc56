/** Jest runs the TypeScript sources through esbuild (test/esbuild-transform.js; types are checked by `npm run typecheck`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  rootDir: __dirname,
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': '<rootDir>/test/esbuild-transform.js',
  },
  // office-addin-mock reaches an ESM-only module through office-addin-manifest; only its enum is needed.
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/test/stubs/office-addin-manifest.js',
  },
  setupFiles: ['<rootDir>/test/fast-check-seed.js'],
  testTimeout: 60000,
};
