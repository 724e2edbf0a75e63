import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common.ts';
import {
  dutyDayCreateSchema,
  dutyDayListQuerySchema,
  dutyDayListSchema,
  dutyDaySchema,
  dutyDayUpdateSchema,
  portalStationListSchema,
  stationCountsQuerySchema,
  stationCountsSchema,
  stationCreateSchema,
  stationListQuerySchema,
  stationListSchema,
  stationSchema,
  stationUpdateSchema,
  visitCloseSchema,
  visitConvertSchema,
  visitCreateSchema,
  visitListQuerySchema,
  visitorContactSchema,
  visitPageSchema,
  visitSchema,
  visitUpdateSchema,
} from '../../../contracts/stations.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { expectedVersion } from '../../platform/http/concurrency.ts';
import { registerItemAction } from '../../platform/http/item-action-route.ts';
import { requestContext, setVersionTag } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { cancelDutyDay } from './actions/cancel-duty-day.ts';
import { closeVisit } from './actions/close-visit.ts';
import { convertVisit } from './actions/convert-visit.ts';
import { createStation } from './actions/create-station.ts';
import { recordVisit } from './actions/record-visit.ts';
import { revealVisitor } from './actions/reveal-visitor.ts';
import { scheduleDutyDay } from './actions/schedule-duty-day.ts';
import { updateDutyDay } from './actions/update-duty-day.ts';
import { updateStation } from './actions/update-station.ts';
import { updateVisit } from './actions/update-visit.ts';
import { listDutyDays } from './duty-days.queries.ts';
import { stationCounts } from './station-counts.queries.ts';
import { portalStations } from './stations.portal.ts';
import { getStation, listStations } from './stations.queries.ts';
import { getVisit, listVisits } from './visits.queries.ts';

const tags = ['委员联络站'];

/** Routes of stations and studios: the list (office), visits (station staff), duty days, counts and the portal. */
export function stationRoutes(app: ApiApp, deps: AppDependencies): void {
  // ── stations and studios ──
  app.get(
    '/stations',
    {
      schema: {
        tags,
        summary: '委员联络站和委员工作室（驻站委员、工作人员）',
        querystring: stationListQuerySchema,
        response: { 200: stationListSchema },
      },
    },
    async (request) => listStations(deps, requireActor(request), request.query),
  );
  app.get(
    '/stations/counts',
    {
      schema: {
        tags,
        summary: '各站统计：接待人次、反映事项、当场办结、转为微建议及其办结（提案委看全部，工作人员看本站）',
        querystring: stationCountsQuerySchema,
        response: { 200: stationCountsSchema },
      },
    },
    async (request) => stationCounts(deps, requireActor(request), request.query),
  );
  app.post(
    '/stations',
    {
      config: { idempotent: true },
      schema: { tags, summary: '新增联络站或委员工作室（提案委）', body: stationCreateSchema, response: { 201: stationSchema } },
    },
    async (request, reply) => {
      const station = await createStation(deps, requireActor(request), request.body, requestContext(request));
      setVersionTag(reply, station.version);
      return reply.code(201).send(station);
    },
  );
  app.get(
    '/stations/:id',
    { schema: { tags, summary: '一个联络站或工作室', params: idParamsSchema, response: { 200: stationSchema } } },
    async (request, reply) => {
      const station = await getStation(deps, requireActor(request), request.params.id);
      setVersionTag(reply, station.version);
      return station;
    },
  );
  app.patch(
    '/stations/:id',
    {
      schema: {
        tags,
        summary: '修改联络站或工作室（If-Match 版本号；memberIds 替换驻站委员；提案委）',
        params: idParamsSchema,
        body: stationUpdateSchema,
        response: { 200: stationSchema },
      },
    },
    async (request, reply) => {
      const station = await updateStation(
        deps,
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body,
        requestContext(request),
      );
      setVersionTag(reply, station.version);
      return station;
    },
  );

  // ── visits (来访登记) ──
  app.get(
    '/station-visits',
    {
      schema: {
        tags,
        summary: '来访登记（新的在前；来访群众姓名、电话脱敏；工作人员只看本站）',
        querystring: visitListQuerySchema,
        response: { 200: visitPageSchema },
      },
    },
    async (request) => listVisits(deps, requireActor(request), request.query),
  );
  app.post(
    '/station-visits',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '登记来访（联络站工作人员登记本站；提案委须指定联络站）',
        body: visitCreateSchema,
        response: { 201: visitSchema },
      },
    },
    async (request, reply) => {
      const visit = await recordVisit(deps, requireActor(request), request.body, requestContext(request));
      setVersionTag(reply, visit.version);
      return reply.code(201).send(visit);
    },
  );
  app.get(
    '/station-visits/:id',
    { schema: { tags, summary: '一次来访登记', params: idParamsSchema, response: { 200: visitSchema } } },
    async (request, reply) => {
      const visit = await getVisit(deps, requireActor(request), request.params.id);
      setVersionTag(reply, visit.version);
      return visit;
    },
  );
  app.patch(
    '/station-visits/:id',
    {
      schema: {
        tags,
        summary: '修改待处理的来访登记（If-Match 版本号）',
        params: idParamsSchema,
        body: visitUpdateSchema,
        response: { 200: visitSchema },
      },
    },
    async (request, reply) => {
      const visit = await updateVisit(
        deps,
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body,
        requestContext(request),
      );
      setVersionTag(reply, visit.version);
      return visit;
    },
  );
  registerItemAction(app, {
    path: '/station-visits/:id/actions/close',
    tags,
    summary: '当场办结（If-Match；留了手机号的来访群众会收到办理情况短信）',
    body: visitCloseSchema,
    response: visitSchema,
    idempotent: true,
    run: ({ actor, id, version, body, context }) => closeVisit(deps, actor, id, version, body, context),
  });
  registerItemAction(app, {
    path: '/station-visits/:id/actions/convert',
    tags,
    summary: '转为微建议（If-Match；以到场委员的名义提出，第一位为领衔委员）',
    body: visitConvertSchema,
    response: visitSchema,
    idempotent: true,
    run: ({ actor, id, version, body, context }) => convertVisit(deps, actor, id, version, body, context),
  });
  app.post(
    '/station-visits/:id/reveal',
    {
      schema: {
        tags,
        summary: '查看来访群众的完整姓名和电话（用于回访；留痕）',
        params: idParamsSchema,
        response: { 200: visitorContactSchema },
      },
    },
    async (request) => revealVisitor(deps, requireActor(request), request.params.id, requestContext(request)),
  );

  // ── duty days (接待日) ──
  app.get(
    '/station-duty-days',
    {
      schema: {
        tags,
        summary: '接待日（按日期；提案委看全部，工作人员看本站，委员看本人）',
        querystring: dutyDayListQuerySchema,
        response: { 200: dutyDayListSchema },
      },
    },
    async (request) => listDutyDays(deps, requireActor(request), request.query),
  );
  app.post(
    '/station-duty-days',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '安排委员接待日（提案委或本站工作人员；委员会收到通知）',
        body: dutyDayCreateSchema,
        response: { 201: dutyDaySchema },
      },
    },
    async (request, reply) => {
      const duty = await scheduleDutyDay(deps, requireActor(request), request.body, requestContext(request));
      setVersionTag(reply, duty.version);
      return reply.code(201).send(duty);
    },
  );
  app.patch(
    '/station-duty-days/:id',
    {
      schema: {
        tags,
        summary: '调整接待日（If-Match 版本号）',
        params: idParamsSchema,
        body: dutyDayUpdateSchema,
        response: { 200: dutyDaySchema },
      },
    },
    async (request, reply) => {
      const duty = await updateDutyDay(
        deps,
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body,
        requestContext(request),
      );
      setVersionTag(reply, duty.version);
      return duty;
    },
  );
  app.delete(
    '/station-duty-days/:id',
    { schema: { tags, summary: '取消接待日（If-Match 版本号）', params: idParamsSchema } },
    async (request, reply) => {
      await cancelDutyDay(deps, requireActor(request), request.params.id, expectedVersion(request), requestContext(request));
      return reply.code(204).send();
    },
  );

  // ── portal ──
  app.get(
    '/portal/stations',
    {
      config: { public: true },
      schema: {
        tags: ['门户'],
        summary: '门户：委员联络站和委员工作室（无需登录）',
        querystring: z.object({ org: z.string().trim().min(1, { error: '请指定政协（org）' }).max(64) }),
        response: { 200: portalStationListSchema },
      },
    },
    async (request) => portalStations(deps, request.query.org),
  );
}
