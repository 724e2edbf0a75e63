import type { FastifyRequest } from 'fastify';
import {
  auditEventDetailSchema,
  auditEventPageSchema,
  auditEventQuerySchema,
  auditEventTypesSchema,
  chainVerificationSchema,
} from '../../../contracts/audit.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { attachmentDisposition } from '../../platform/files/attachment-files.ts';
import { forbidden } from '../../platform/http/problem.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { downloadCheckpoints } from './actions/download-checkpoints.ts';
import { sealLegacyChains } from './actions/seal-legacy-chains.ts';
import { verifyAuditChain } from './actions/verify-audit-chain.ts';
import { auditOnlyMessage, canReadAuditLog } from './audit.policy.ts';
import { presentEventDetail, presentEventSummary, presentVerification } from './audit.presenter.ts';
import { getEvent, listEvents, listEventTypes } from './audit.queries.ts';

const tags = ['audit'];

/** The logged-in auditor of the request; 403 for every other role. */
function requireAuditor(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  if (!canReadAuditLog(actor)) throw forbidden(auditOnlyMessage);
  return actor;
}

/**
 * Routes of the audit log: list, detail, event types, chain verification and the checkpoint file, for the auditor
 * only. When the app is ready, chains still in the v0.2.0 format are sealed with a checkpoint (see
 * sealLegacyChains); a failure there is logged, not fatal, and verification keeps reporting it.
 */
export async function auditRoutes(app: ApiApp, dependencies: AppDependencies): Promise<void> {
  const orm = dependencies.database.orm;

  app.addHook('onReady', async () => {
    try {
      await sealLegacyChains(dependencies, app.log);
    } catch (error) {
      app.log.error({ err: error }, '封存旧版审计记录失败');
    }
  });

  app.get(
    '/audit/events',
    {
      schema: {
        tags,
        summary: '查询审计日志（按时间倒序，游标分页）',
        querystring: auditEventQuerySchema,
        response: { 200: auditEventPageSchema },
      },
    },
    async (request) => {
      const actor = requireAuditor(request);
      const page = await listEvents(orm, actor.orgId, request.query);
      return { items: page.rows.map(presentEventSummary), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/audit/events/:id',
    {
      schema: { tags, summary: '查看一条审计记录', params: idParamsSchema, response: { 200: auditEventDetailSchema } },
    },
    async (request) => {
      const actor = requireAuditor(request);
      return presentEventDetail(await getEvent(orm, actor.orgId, request.params.id));
    },
  );

  app.get(
    '/audit/event-types',
    { schema: { tags, summary: '审计日志中出现过的事件类型', response: { 200: auditEventTypesSchema } } },
    async (request) => {
      const actor = requireAuditor(request);
      return { items: await listEventTypes(orm, actor.orgId) };
    },
  );

  app.get(
    '/audit/verify',
    { schema: { tags, summary: '校验审计日志哈希链是否完整（防篡改）', response: { 200: chainVerificationSchema } } },
    async (request) => {
      const actor = requireAuditor(request);
      const { result, written, verifiedAt } = await verifyAuditChain(dependencies, actor, {
        ip: request.ip,
        requestId: request.id,
      });
      return presentVerification(result, written, verifiedAt);
    },
  );

  app.get(
    '/audit/checkpoints/file',
    {
      schema: {
        tags,
        summary: '下载本委员会的审计检查点文件（每行一个带签名的链头，JSON Lines）',
        produces: ['application/x-ndjson'],
      },
    },
    async (request, reply) => {
      const actor = requireAuditor(request);
      const file = await downloadCheckpoints(dependencies, actor, { ip: request.ip, requestId: request.id });
      return reply
        .header('content-type', 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.text);
    },
  );
}
