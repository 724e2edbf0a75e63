import { count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { routingStatusSchema } from '../../../contracts/routing.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { listModels } from './routing.model-store.ts';
import { canManageRouting } from './routing.policy.ts';
import { routingHistory } from './routing.tables.ts';

/** GET /routing/status (office): how many history rows were imported and when each model was trained on how many. */
export async function routingStatus(deps: AppDependencies, actor: Actor): Promise<z.infer<typeof routingStatusSchema>> {
  if (!canManageRouting(actor)) throw forbidden('只有提案委工作人员可以查看分办模型');
  const orm = deps.database.orm;
  const [history] = await orm.select({ total: count() }).from(routingHistory).where(eq(routingHistory.orgId, actor.orgId));
  return { historyCount: Number(history?.total ?? 0), models: await listModels(orm, actor.orgId) };
}
