import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * `npm run test:documents`: the generated Word and Excel files converted by LibreOffice (libreoffice-writer and
 * libreoffice-calc must be installed; .ci/run installs them). `npm test` checks the same files with Node alone.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: ['server/**/*.libreoffice.test.ts'],
    exclude: configDefaults.exclude,
    testTimeout: 180_000,
  },
});
