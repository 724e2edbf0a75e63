import { z } from 'zod';
import {
  currentOrganizationSchema,
  organizationCreateSchema,
  organizationSummarySchema,
  settingsPatchSchema,
} from '../../../contracts/orgs.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import type { Executor } from '../../platform/db/database.ts';
import { expectedVersion } from '../../platform/http/concurrency.ts';
import { forbidden } from '../../platform/http/problem.ts';
import { requestContext, setVersionTag } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { createChildOrganization } from './actions/create-organization.ts';
import { updateSettings } from './actions/update-settings.ts';
import { requireReader } from './orgs.http.ts';
import { canListChildOrganizations } from './orgs.policy.ts';
import { presentCurrentOrganization, presentOrganizationSummary } from './orgs.presenter.ts';
import { listChildOrganizations, loadOrganization, type OrganizationRow } from './orgs.queries.ts';

const tags = ['本会与下级政协'];

/** The committee with its parent's name, as GET /orgs/current and the settings change answer. */
async function presentWithParent(executor: Executor, row: OrganizationRow) {
  const parent = row.parentId ? await loadOrganization(executor, row.parentId).catch(() => null) : null;
  return presentCurrentOrganization(row, parent?.name ?? null);
}

/** Routes of the current committee, its settings and its subordinate committees. */
export function organizationRoutes(app: ApiApp, deps: AppDependencies): void {
  const orm = deps.database.orm;

  app.get(
    '/orgs/current',
    { schema: { tags, summary: '本会信息（含生效的设置和版本号）', response: { 200: currentOrganizationSchema } } },
    async (request, reply) => {
      const actor = requireReader(request);
      const row = await loadOrganization(orm, actor.orgId);
      setVersionTag(reply, row.version);
      return presentWithParent(orm, row);
    },
  );

  app.patch(
    '/orgs/current/settings',
    {
      schema: {
        tags,
        summary: '修改本会设置（If-Match 版本号；安全设置由安全管理员、业务设置由系统管理员修改）',
        body: settingsPatchSchema,
        response: { 200: currentOrganizationSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await updateSettings(deps, actor, expectedVersion(request), request.body, requestContext(request));
      setVersionTag(reply, row.version);
      return presentWithParent(orm, row);
    },
  );

  app.get(
    '/orgs/children',
    {
      schema: {
        tags,
        summary: '下级政协列表',
        response: { 200: z.object({ items: z.array(organizationSummarySchema) }) },
      },
    },
    async (request) => {
      const actor = requireReader(request);
      if (!canListChildOrganizations(actor)) throw forbidden('您无权查看下级政协');
      const rows = await listChildOrganizations(orm, actor.orgId);
      return { items: rows.map(presentOrganizationSummary) };
    },
  );

  app.post(
    '/orgs',
    {
      schema: {
        tags,
        summary: '新建下级政协（系统管理员；级别须低于本级，自动建立默认字典和法定节假日）',
        body: organizationCreateSchema,
        response: { 201: organizationSummarySchema },
      },
    },
    async (request, reply) => {
      const row = await createChildOrganization(deps, requireActor(request), request.body, requestContext(request));
      return reply.status(201).send(presentOrganizationSummary(row));
    },
  );
}
