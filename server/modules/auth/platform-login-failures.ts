import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { PlatformLoginFailure, PlatformLoginFailureQuery } from '../../../contracts/auth.ts';
import type { Executor } from '../../platform/db/database.ts';
import { events } from '../../platform/events/events.tables.ts';
import { PLATFORM_ORG_ID } from '../../platform/events/record-event.ts';
import { badRequest } from '../../platform/http/problem.ts';

/** The login events of the platform's chain: failed logins with names no committee has, and blocked addresses. */
const platformLoginEventTypes = ['auth.login_failed', 'auth.login_held', 'auth.address_blocked'];

/** The cursor of a page: the chain sequence of its last row, opaque to clients. */
function encodeCursor(sequence: number): string {
  return Buffer.from(`s:${sequence}`, 'utf8').toString('base64url');
}

/** Reads a cursor back; anything that is not one of ours is a 400. */
function decodeCursor(cursor: string): number {
  const match = /^s:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badRequest('分页游标无效，请从第一页重新查询', [{ field: 'cursor', message: '分页游标无效' }], 'bad_cursor');
  return Number.parseInt(match[1], 10);
}

/**
 * One page of the platform chain's login events (failed logins that named no committee, blocked addresses),
 * newest first. What was recorded is the masked login name and the address, never a password.
 */
export async function listPlatformLoginFailures(
  executor: Executor,
  query: PlatformLoginFailureQuery,
): Promise<{ items: PlatformLoginFailure[]; nextCursor: string | null }> {
  const conditions = [eq(events.orgId, PLATFORM_ORG_ID), inArray(events.type, platformLoginEventTypes)];
  if (query.cursor) conditions.push(lt(events.sequence, decodeCursor(query.cursor)));
  const rows = await executor
    .select()
    .from(events)
    .where(and(...conditions))
    .orderBy(desc(events.sequence))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const items = page.map((row) => {
    const after = (row.after ?? {}) as { loginName?: unknown };
    return {
      id: row.id,
      sequence: row.sequence,
      occurredAt: new Date(row.occurredAt).toISOString(),
      loginName: typeof after.loginName === 'string' ? after.loginName : null,
      summary: row.summary,
      ip: row.ip,
    };
  });
  return { items, nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1].sequence) : null };
}
