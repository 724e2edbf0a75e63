import multipart from '@fastify/multipart';
import { and, eq } from 'drizzle-orm';
import { environmentSchema } from '../../../contracts/people.ts';
import { MAX_UPLOAD_BYTES } from '../../platform/http/xlsx-transfer.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { memberRoutes } from './members.routes.ts';
import { users } from './people.tables.ts';
import { unitRoutes } from './units.routes.ts';
import { userRoutes } from './users.routes.ts';

/** The product's name as the web shows it. */
export const PRODUCT_NAME = '数字政协';

/** True while any active demo account (with its published password) exists. */
export async function demoAccountsExist(deps: AppDependencies): Promise<boolean> {
  const [row] = await deps.database.orm
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.demo, true), eq(users.state, 'active')))
    .limit(1);
  return Boolean(row);
}

/** Registers the people routes: members, units, accounts, and the public environment route. */
export async function peopleRoutes(app: ApiApp, deps: AppDependencies): Promise<void> {
  await app.register(async (scope) => {
    const api = scope as unknown as ApiApp;
    await api.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 12 } });
    memberRoutes(api, deps);
    unitRoutes(api, deps);
    userRoutes(api, deps);
  });

  app.get(
    '/environment',
    {
      config: { public: true },
      schema: { tags: ['平台'], summary: '运行环境：是否为演示环境（公开）', response: { 200: environmentSchema } },
    },
    async () => ({ demo: await demoAccountsExist(deps), productName: PRODUCT_NAME }),
  );
}
