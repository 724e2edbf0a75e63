import { searchPageSchema, searchQuerySchema } from '../../../contracts/search.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { forbidden } from '../../platform/http/problem.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { staffSearchScope } from './search.policy.ts';
import { searchItems } from './search.queries.ts';

const tags = ['检索'];

/** The staff search: every text item of the committee the user may read, by words or quoted phrases. */
export function searchRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/search',
    {
      schema: {
        tags,
        summary: '全文检索（繁简通查，引号内为短语；按相关度或最新排序）',
        querystring: searchQuerySchema,
        response: { 200: searchPageSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const scope = staffSearchScope(actor);
      if (!scope) {
        throw forbidden('全文检索仅供提案委、督办领导和党政领导使用；委员和承办单位请在各自的列表中搜索');
      }
      return searchItems(deps.database.orm, scope, request.query);
    },
  );
}
