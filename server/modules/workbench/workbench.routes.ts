import { workbenchSchema } from '../../../contracts/workbench.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { getWorkbench } from './workbench.queries.ts';

/** The route of the workbench: every card of the current user in one call. */
export function workbenchRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/workbench',
    {
      schema: {
        tags: ['工作台'],
        summary: '工作台：当前用户待办的各项计数（按角色；每项可打开筛选后的列表）',
        response: { 200: workbenchSchema },
      },
    },
    async (request) => getWorkbench(deps, requireActor(request)),
  );
}
