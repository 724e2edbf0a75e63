import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common.ts';
import {
  portalListQuerySchema,
  portalOrgQuerySchema,
  portalProposalPageSchema,
  portalProposalSchema,
} from '../../../contracts/publication.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { getPortalProposal, listPortalOrganizations, listPortalProposals, listPortalSessions } from './portal.queries.ts';

const tags = ['门户'];
const publicRoute = { public: true };

/** The public portal's API (no login): committees, sessions, published proposals and replies. */
export function portalRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/portal/organizations',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: '门户：政协组织列表（无需登录）',
        response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }) },
      },
    },
    async () => listPortalOrganizations(deps.database.orm),
  );

  app.get(
    '/portal/sessions',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: '门户：会议及各次会议公开的提案数（无需登录）',
        querystring: portalOrgQuerySchema,
        response: {
          200: z.object({
            organization: z.object({ name: z.string() }),
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                year: z.number().int(),
                isCurrent: z.boolean(),
                publishedCount: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => listPortalSessions(deps.database.orm, request.query.org),
  );

  app.get(
    '/portal/proposals',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: '门户：公开的提案（无需登录；按会议、类别筛选）',
        querystring: portalListQuerySchema,
        response: { 200: portalProposalPageSchema },
      },
    },
    async (request) => listPortalProposals(deps.database.orm, request.query),
  );

  app.get(
    '/portal/proposals/:id',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: '门户：一件公开的提案及其答复（脱敏；无需登录）',
        params: idParamsSchema,
        querystring: portalOrgQuerySchema,
        response: { 200: portalProposalSchema },
      },
    },
    async (request) => getPortalProposal(deps.database.orm, request.query.org, request.params.id),
  );
}
