import { configDefaults, defineConfig } from 'vitest/config';

/**
 * `npm test`: every test that needs only Node and npm. The LibreOffice checks of the generated Word and Excel files
 * (`*.libreoffice.test.ts`) are their own tier, `npm run test:documents` (vitest.documents.config.ts).
 */
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'contracts/**/*.test.ts', 'web/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: [...configDefaults.exclude, '**/*.libreoffice.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
