import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common.ts';
import {
  sessionCreateSchema,
  sessionListQuerySchema,
  sessionSchema,
  sessionUpdateSchema,
  termCreateSchema,
  termSchema,
  termUpdateSchema,
} from '../../../contracts/orgs.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { expectedVersion } from '../../platform/http/concurrency.ts';
import { notFound } from '../../platform/http/problem.ts';
import { requestContext, setVersionTag } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { createSession } from './actions/create-session.ts';
import { createTerm } from './actions/create-term.ts';
import { setCurrentSession } from './actions/set-current-session.ts';
import { updateSession } from './actions/update-session.ts';
import { updateTerm } from './actions/update-term.ts';
import { requireReader } from './orgs.http.ts';
import { presentSession, presentTerm } from './orgs.presenter.ts';
import { findCurrentSession, listSessions, listTerms, loadSession, loadTerm } from './orgs.queries.ts';

const tags = ['届次与会议'];

/** Routes of terms (届) and sessions (次会议): everyone reads; the system administrator and proposal office write. */
export function termRoutes(app: ApiApp, deps: AppDependencies): void {
  const orm = deps.database.orm;

  /** Names of the committee's terms by id. */
  const termNames = async (orgId: string) => new Map((await listTerms(orm, orgId)).map((term) => [term.id, term.name]));

  app.get(
    '/terms',
    { schema: { tags, summary: '届次列表（新的在前）', response: { 200: z.object({ items: z.array(termSchema) }) } } },
    async (request) => {
      const actor = requireReader(request);
      const [rows, current] = await Promise.all([listTerms(orm, actor.orgId), findCurrentSession(orm, actor.orgId)]);
      return { items: rows.map((row) => presentTerm(row, current?.termId ?? null)) };
    },
  );

  app.get(
    '/terms/:id',
    { schema: { tags, summary: '届次详情', params: idParamsSchema, response: { 200: termSchema } } },
    async (request, reply) => {
      const actor = requireReader(request);
      const row = await loadTerm(orm, actor.orgId, request.params.id);
      const current = await findCurrentSession(orm, actor.orgId);
      setVersionTag(reply, row.version);
      return presentTerm(row, current?.termId ?? null);
    },
  );

  app.post(
    '/terms',
    { schema: { tags, summary: '新建届次', body: termCreateSchema, response: { 201: termSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await createTerm(deps, actor, request.body, requestContext(request));
      const current = await findCurrentSession(orm, actor.orgId);
      setVersionTag(reply, row.version);
      return reply.status(201).send(presentTerm(row, current?.termId ?? null));
    },
  );

  app.patch(
    '/terms/:id',
    {
      schema: {
        tags,
        summary: '修改届次（If-Match 版本号）',
        params: idParamsSchema,
        body: termUpdateSchema,
        response: { 200: termSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await updateTerm(
        deps,
        actor,
        request.params.id,
        expectedVersion(request),
        request.body,
        requestContext(request),
      );
      const current = await findCurrentSession(orm, actor.orgId);
      setVersionTag(reply, row.version);
      return presentTerm(row, current?.termId ?? null);
    },
  );

  app.get(
    '/sessions',
    {
      schema: {
        tags,
        summary: '会议列表（可按届筛选，新的在前）',
        querystring: sessionListQuerySchema,
        response: { 200: z.object({ items: z.array(sessionSchema) }) },
      },
    },
    async (request) => {
      const actor = requireReader(request);
      const [rows, names] = await Promise.all([listSessions(orm, actor.orgId, request.query.termId), termNames(actor.orgId)]);
      return { items: rows.map((row) => presentSession(row, names.get(row.termId) ?? '')) };
    },
  );

  app.get(
    '/sessions/current',
    { schema: { tags, summary: '当前会议（未设置时 404）', response: { 200: sessionSchema } } },
    async (request, reply) => {
      const actor = requireReader(request);
      const row = await findCurrentSession(orm, actor.orgId);
      if (!row) throw notFound('当前会议', 'no_current_session');
      const term = await loadTerm(orm, actor.orgId, row.termId);
      setVersionTag(reply, row.version);
      return presentSession(row, term.name);
    },
  );

  app.get(
    '/sessions/:id',
    { schema: { tags, summary: '会议详情', params: idParamsSchema, response: { 200: sessionSchema } } },
    async (request, reply) => {
      const actor = requireReader(request);
      const row = await loadSession(orm, actor.orgId, request.params.id);
      const term = await loadTerm(orm, actor.orgId, row.termId);
      setVersionTag(reply, row.version);
      return presentSession(row, term.name);
    },
  );

  app.post(
    '/sessions',
    {
      schema: {
        tags,
        summary: '新建会议（本会第一次会议自动设为当前会议）',
        body: sessionCreateSchema,
        response: { 201: sessionSchema },
      },
    },
    async (request, reply) => {
      const { session, termName } = await createSession(deps, requireActor(request), request.body, requestContext(request));
      setVersionTag(reply, session.version);
      return reply.status(201).send(presentSession(session, termName));
    },
  );

  app.patch(
    '/sessions/:id',
    {
      schema: {
        tags,
        summary: '修改会议（If-Match 版本号；已归档的会议不能修改）',
        params: idParamsSchema,
        body: sessionUpdateSchema,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { session, termName } = await updateSession(
        deps,
        actor,
        request.params.id,
        expectedVersion(request),
        request.body,
        requestContext(request),
      );
      setVersionTag(reply, session.version);
      return presentSession(session, termName);
    },
  );

  app.post(
    '/sessions/:id/set-current',
    { schema: { tags, summary: '设为当前会议', params: idParamsSchema, response: { 200: sessionSchema } } },
    async (request, reply) => {
      const { session, termName } = await setCurrentSession(
        deps,
        requireActor(request),
        request.params.id,
        requestContext(request),
      );
      setVersionTag(reply, session.version);
      return presentSession(session, termName);
    },
  );
}
