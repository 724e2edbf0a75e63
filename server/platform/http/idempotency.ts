import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canonicalJson, digest } from '../crypto/hashing.ts';
import type { Executor } from '../db/database.ts';
import type { AppDependencies } from '../module.ts';
import { errorLogFields } from './error-handler.ts';
import { idempotencyKeys } from './idempotency.tables.ts';
import { badRequest, conflict, unprocessable } from './problem.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set while this request is the first one with its Idempotency-Key; its response is stored for retries. */
    idempotencyRecord: { orgId: string; userId: string; key: string } | null;
  }
  interface FastifyContextConfig {
    /** The route honours the Idempotency-Key header: a retried request replays the first response. */
    idempotent?: boolean;
  }
}

/** Request header carrying the client's key. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Response header set on a replayed response. */
export const REPLAYED_HEADER = 'idempotent-replayed';
/** A pending row older than this is taken to belong to a request that died (node crash) and may be taken over. */
const ABANDONED_AFTER_MS = 5 * 60_000;
/** Stored keys are kept this long, then purged by the daily maintenance job. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3600_000;

/**
 * Statuses that are not stored: server errors (the retry should run again), and refusals that depend on the
 * session or on load rather than on the request (401, 403, 429), so a retry after logging in again is not refused
 * forever. Every other 2xx and 4xx is stored and replayed.
 */
function isStored(status: number): boolean {
  if (status >= 500 || status < 200) return false;
  return status !== 401 && status !== 403 && status !== 429;
}

/** What a stored response holds: the exact text and content type sent the first time. */
type StoredResponse = { contentType: string; text: string };

/** The hash that tells a retry (same request) from a reused key (different request). */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return digest('sha256', `${method.toUpperCase()}\n${url}\n${canonicalJson(body ?? null)}`);
}

/** Reads and checks the key header: 1–200 characters, one header only. */
function readKey(request: FastifyRequest): string | null {
  const value = request.headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.length < 1 || value.length > 200) {
    throw badRequest('Idempotency-Key 请求头应为 1 到 200 个字符的唯一标识', undefined, 'idempotency_key_invalid');
  }
  return value;
}

/** Sends the stored response of the first request again. */
function replay(reply: FastifyReply, status: number, stored: StoredResponse | null): FastifyReply {
  reply.header(REPLAYED_HEADER, 'true').code(status);
  if (!stored) return reply.send();
  return reply.type(stored.contentType).send(stored.text);
}

/**
 * Installs Idempotency-Key handling for routes whose config has `idempotent: true`. The first request with a key
 * stores a pending row (its own short statement, so it is visible to retries at once), runs, and stores its
 * response; a retry with the same key and request replays it; the same key with another request is a 422; a
 * retry while the first still runs is a 409. Keys are per committee and user.
 */
export async function registerIdempotency(app: FastifyInstance, dependencies: AppDependencies): Promise<void> {
  const orm = dependencies.database.orm;
  app.decorateRequest('idempotencyRecord', null);

  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config?.idempotent || !request.actor) return;
    const key = readKey(request);
    if (key === null) return;
    const { orgId, userId } = request.actor;
    const requestHash = requestFingerprint(request.method, request.url, request.body);
    const now = dependencies.now();
    const identity = and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));

    const inserted = await orm
      .insert(idempotencyKeys)
      .values({
        orgId,
        userId,
        key,
        requestHash,
        method: request.method,
        path: request.url.slice(0, 2000),
        createdAt: now.toISOString(),
      })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) {
      request.idempotencyRecord = { orgId, userId, key };
      return;
    }

    const [existing] = await orm.select().from(idempotencyKeys).where(identity);
    if (!existing) throw conflict('相同 Idempotency-Key 的请求刚刚结束，请重试', 'request_in_progress');
    if (existing.requestHash !== requestHash) {
      throw unprocessable(
        '此 Idempotency-Key 已用于另一个不同的请求，请为新请求生成新的 Idempotency-Key',
        undefined,
        'idempotency_key_reused',
      );
    }
    if (existing.statusCode !== null) {
      return replay(reply, existing.statusCode, existing.responseBody as StoredResponse | null);
    }
    // Still pending: either the first request runs right now, or its node died before finishing.
    const abandonedBefore = new Date(now.getTime() - ABANDONED_AFTER_MS).toISOString();
    const takenOver = await orm
      .update(idempotencyKeys)
      .set({ createdAt: now.toISOString() })
      .where(and(identity, isNull(idempotencyKeys.statusCode), lt(idempotencyKeys.createdAt, abandonedBefore)))
      .returning({ key: idempotencyKeys.key });
    if (takenOver.length > 0) {
      request.idempotencyRecord = { orgId, userId, key };
      return;
    }
    throw conflict('相同 Idempotency-Key 的请求仍在处理中，请稍后重试', 'request_in_progress');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const record = request.idempotencyRecord;
    if (!record) return payload;
    request.idempotencyRecord = null;
    const identity = and(
      eq(idempotencyKeys.orgId, record.orgId),
      eq(idempotencyKeys.userId, record.userId),
      eq(idempotencyKeys.key, record.key),
    );
    try {
      const text = typeof payload === 'string' ? payload : payload == null ? '' : null;
      if (!isStored(reply.statusCode) || text === null) {
        await orm.delete(idempotencyKeys).where(identity);
        return payload;
      }
      const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
      await orm
        .update(idempotencyKeys)
        .set({ statusCode: reply.statusCode, responseBody: text === '' ? null : { contentType, text } })
        .where(identity);
    } catch (error) {
      request.log.error({ error: errorLogFields(error) }, 'could not store the idempotent response');
      await orm
        .delete(idempotencyKeys)
        .where(identity)
        .catch(() => {});
    }
    return payload;
  });
}

/** Deletes stored keys older than the retention (24 h); returns how many went. */
export async function purgeIdempotencyKeys(executor: Executor, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS).toISOString();
  const result = await executor.delete(idempotencyKeys).where(sql`${idempotencyKeys.createdAt} < ${cutoff}`);
  return result.rowCount ?? 0;
}
