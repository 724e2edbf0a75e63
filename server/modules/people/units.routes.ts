import { idParamsSchema } from '../../../contracts/common.ts';
import { importRunSchema, isImportRun } from '../../../contracts/imports.ts';
import {
  importResultSchema,
  reasonBodySchema,
  unitCreateSchema,
  unitFilterSchema,
  unitListQuerySchema,
  unitPageSchema,
  unitSchema,
  unitUpdateSchema,
} from '../../../contracts/people.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { expectedVersion } from '../../platform/http/concurrency.ts';
import { forbidden } from '../../platform/http/problem.ts';
import { requestContext, setVersionTag } from '../../platform/http/request-context.ts';
import { receiveXlsx, sendXlsx } from '../../platform/http/xlsx-transfer.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { createUnit } from './actions/create-unit.ts';
import { recordExport } from './actions/record-export.ts';
import { setUnitActive } from './actions/set-unit-active.ts';
import { updateUnit } from './actions/update-unit.ts';
import { importUploadedRoster } from './people.imports.ts';
import { canManageUnits } from './people.policy.ts';
import { unitExport, unitTemplate } from './units.excel.ts';
import { findUnits, getUnit, listUnits } from './units.queries.ts';

const tags = ['承办单位'];

/** Routes of handling units (承办单位): list, detail, create, update, deactivate, Excel import/export. */
export function unitRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/units',
    {
      schema: {
        tags,
        summary: '承办单位列表（搜索、筛选、分页）',
        querystring: unitListQuerySchema,
        response: { 200: unitPageSchema },
      },
    },
    async (request) => listUnits(deps, requireActor(request), request.query),
  );

  app.post(
    '/units',
    { schema: { tags, summary: '新增承办单位', body: unitCreateSchema, response: { 201: unitSchema } } },
    async (request, reply) => {
      const unit = await createUnit(deps, requireActor(request), request.body, requestContext(request));
      setVersionTag(reply, unit.version);
      return reply.status(201).send(unit);
    },
  );

  app.get('/units/import-template.xlsx', { schema: { tags, summary: '下载承办单位导入模板' } }, async (request, reply) => {
    if (!canManageUnits(requireActor(request))) throw forbidden('您无权导入承办单位');
    return sendXlsx(reply, await unitTemplate(), '承办单位导入模板.xlsx');
  });

  app.get(
    '/units/export.xlsx',
    { schema: { tags, summary: '导出承办单位（Excel，联系电话脱敏）', querystring: unitFilterSchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      const units = await findUnits(deps, actor, request.query);
      const all =
        request.query.q || request.query.parentId || request.query.kind || request.query.active !== undefined
          ? await findUnits(deps, actor, {})
          : units;
      const codes = new Map(all.map((unit) => [unit.id, unit.code]));
      await recordExport(
        deps,
        actor,
        { type: 'unit.exported', what: '承办单位', count: units.length, filter: request.query },
        requestContext(request),
      );
      return sendXlsx(reply, await unitExport(units, codes), '承办单位.xlsx');
    },
  );

  app.post(
    '/units/import',
    {
      schema: {
        tags,
        summary:
          '从 Excel 导入承办单位（multipart/form-data，.xlsx，最大 5 MB；全部通过才写入）：小文件即时导入（200）；大文件转入后台（202，凭 id 查询 GET /imports/{id}）',
        consumes: ['multipart/form-data'],
        response: { 200: importResultSchema, 202: importRunSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!canManageUnits(actor)) throw forbidden('您无权导入承办单位');
      const outcome = await importUploadedRoster(deps, actor, 'units', await receiveXlsx(request), requestContext(request));
      return isImportRun(outcome) ? reply.status(202).send(outcome) : outcome;
    },
  );

  app.get(
    '/units/:id',
    { schema: { tags, summary: '承办单位详情', params: idParamsSchema, response: { 200: unitSchema } } },
    async (request, reply) => {
      const unit = await getUnit(deps, requireActor(request), request.params.id);
      setVersionTag(reply, unit.version);
      return unit;
    },
  );

  app.patch(
    '/units/:id',
    {
      schema: {
        tags,
        summary: '修改承办单位（If-Match 版本号；本单位经办人可改联系人、电话、地址）',
        params: idParamsSchema,
        body: unitUpdateSchema,
        response: { 200: unitSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const unit = await updateUnit(
        deps,
        actor,
        request.params.id,
        expectedVersion(request),
        request.body,
        requestContext(request),
      );
      setVersionTag(reply, unit.version);
      return unit;
    },
  );

  for (const [path, active, summary] of [
    ['deactivate', false, '停用承办单位（If-Match 版本号）'],
    ['reactivate', true, '启用承办单位（If-Match 版本号）'],
  ] as const) {
    app.post(
      `/units/:id/${path}`,
      { schema: { tags, summary, params: idParamsSchema, body: reasonBodySchema, response: { 200: unitSchema } } },
      async (request, reply) => {
        const unit = await setUnitActive(deps, requireActor(request), request.params.id, expectedVersion(request), active, {
          ...requestContext(request),
          reason: request.body.reason,
        });
        setVersionTag(reply, unit.version);
        return unit;
      },
    );
  }
}
