import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { searchPageSchema, searchQuerySchema } from '../../../contracts/search.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { organizations } from '../orgs/orgs.tables.ts';
import { searchItems } from './search.queries.ts';

/** GET /portal/search: the committee's code (`org`) and the staff search's fields, without `type`. */
export const portalSearchQuerySchema = searchQuerySchema.omit({ type: true }).extend({
  org: z.string().trim().min(1, { error: '请指定政协（org）' }).max(64, { error: 'org 不能超过 64 个字符' }),
});

/** The public portal's search: published proposals of one committee, without login. */
export function searchPortalRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/portal/search',
    {
      config: { public: true },
      schema: {
        tags: ['门户'],
        summary: '门户检索：已公开的提案及其答复（脱敏后的公开文本；无需登录）',
        querystring: portalSearchQuerySchema,
        response: { 200: searchPageSchema },
      },
    },
    async (request) => {
      const { org, ...query } = request.query;
      const orm = deps.database.orm;
      const [organization] = await orm.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, org));
      if (!organization) throw notFound('该政协');
      return searchItems(orm, { orgId: organization.id, publishedOnly: true, types: ['publication'] }, query);
    },
  );
}
