import { idParamsSchema } from '../../../contracts/common.ts';
import { importRunSchema } from '../../../contracts/imports.ts';
import { requireActor } from '../auth/auth-plugin.ts';
import type { AppModule } from '../module.ts';
import { getImportRun, purgeFinishedImportRuns } from './import-runs.ts';

/**
 * Background imports (of any module): their uploader follows them at `GET /imports/{id}`. The modules that import
 * queue the runs and register the jobs that carry them out.
 */
export const importsModule: AppModule = {
  name: 'platform-imports',
  routes: (app, deps) => {
    app.get(
      '/imports/:id',
      {
        schema: {
          tags: ['导入'],
          summary: '后台导入的进度与结果（仅上传者本人可查看）',
          params: idParamsSchema,
          response: { 200: importRunSchema },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return getImportRun(deps, requireActor(request), request.params.id);
      },
    );
  },
  purgeExpired: purgeFinishedImportRuns,
};
