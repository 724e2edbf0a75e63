import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common.ts';
import {
  dictionaryCreateSchema,
  dictionaryEntrySchema,
  dictionaryListQuerySchema,
  dictionaryUpdateSchema,
} from '../../../contracts/orgs.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { expectedVersion } from '../../platform/http/concurrency.ts';
import { requestContext, setVersionTag } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { createDictionaryEntry } from './actions/create-dictionary-entry.ts';
import { updateDictionaryEntry } from './actions/update-dictionary-entry.ts';
import { requireReader } from './orgs.http.ts';
import { presentDictionaryEntry } from './orgs.presenter.ts';
import { listDictionaryEntries, loadDictionaryEntry } from './orgs.queries.ts';

const tags = ['字典'];

/** Routes of the committee's dictionaries: everyone reads; the system administrator and proposal office write. */
export function dictionaryRoutes(app: ApiApp, deps: AppDependencies): void {
  const orm = deps.database.orm;

  app.get(
    '/dictionaries',
    {
      schema: {
        tags,
        summary: '字典项列表（按类别筛选；默认只列启用的）',
        querystring: dictionaryListQuerySchema,
        response: { 200: z.object({ items: z.array(dictionaryEntrySchema) }) },
      },
    },
    async (request) => {
      const actor = requireReader(request);
      const rows = await listDictionaryEntries(orm, actor.orgId, request.query);
      return { items: rows.map(presentDictionaryEntry) };
    },
  );

  app.get(
    '/dictionaries/:id',
    { schema: { tags, summary: '字典项详情', params: idParamsSchema, response: { 200: dictionaryEntrySchema } } },
    async (request, reply) => {
      const actor = requireReader(request);
      const row = await loadDictionaryEntry(orm, actor.orgId, request.params.id);
      setVersionTag(reply, row.version);
      return presentDictionaryEntry(row);
    },
  );

  app.post(
    '/dictionaries',
    {
      schema: {
        tags,
        summary: '新增字典项（不给代码时自动编号）',
        body: dictionaryCreateSchema,
        response: { 201: dictionaryEntrySchema },
      },
    },
    async (request, reply) => {
      const row = await createDictionaryEntry(deps, requireActor(request), request.body, requestContext(request));
      setVersionTag(reply, row.version);
      return reply.status(201).send(presentDictionaryEntry(row));
    },
  );

  app.patch(
    '/dictionaries/:id',
    {
      schema: {
        tags,
        summary: '修改字典项（If-Match 版本号；active=false 即停用，字典项不做物理删除）',
        params: idParamsSchema,
        body: dictionaryUpdateSchema,
        response: { 200: dictionaryEntrySchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await updateDictionaryEntry(
        deps,
        actor,
        request.params.id,
        expectedVersion(request),
        request.body,
        requestContext(request),
      );
      setVersionTag(reply, row.version);
      return presentDictionaryEntry(row);
    },
  );

  for (const [action, active, label] of [
    ['deactivate', false, '停用'],
    ['reactivate', true, '重新启用'],
  ] as const) {
    app.post(
      `/dictionaries/:id/${action}`,
      {
        schema: {
          tags,
          summary: `${label}字典项（If-Match 版本号；已被引用的记录仍显示其名称）`,
          params: idParamsSchema,
          response: { 200: dictionaryEntrySchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const row = await updateDictionaryEntry(
          deps,
          actor,
          request.params.id,
          expectedVersion(request),
          { active },
          requestContext(request),
        );
        setVersionTag(reply, row.version);
        return presentDictionaryEntry(row);
      },
    );
  }
}
