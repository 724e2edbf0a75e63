import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { AuditEventQuery } from '../../../contracts/audit.ts';
import type { Executor } from '../../platform/db/database.ts';
import { events } from '../../platform/events/events.tables.ts';
import { badRequest, notFound } from '../../platform/http/problem.ts';

type EventRow = typeof events.$inferSelect;

/** The cursor of a page: the chain sequence of its last row, opaque to clients. */
export function encodeSequenceCursor(sequence: number): string {
  return Buffer.from(`s:${sequence}`, 'utf8').toString('base64url');
}

/** Reads a cursor back; anything that is not one of ours is a 400. */
export function decodeSequenceCursor(cursor: string): number {
  const match = /^s:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badRequest('分页游标无效，请从第一页重新查询', [{ field: 'cursor', message: '分页游标无效' }], 'bad_cursor');
  return Number.parseInt(match[1], 10);
}

/** Escapes LIKE wildcards and appends one, so "proposal." finds every type that starts with it. */
function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** One page of a committee's events, newest first (by chain sequence), with the filters applied. */
export async function listEvents(
  executor: Executor,
  orgId: string,
  query: AuditEventQuery,
): Promise<{ rows: EventRow[]; nextCursor: string | null }> {
  const conditions = [eq(events.orgId, orgId)];
  if (query.type) conditions.push(sql`${events.type} like ${prefixPattern(query.type)}`);
  if (query.actorId) conditions.push(eq(events.actorId, query.actorId));
  if (query.subjectType) conditions.push(eq(events.subjectType, query.subjectType));
  if (query.subjectId) conditions.push(eq(events.subjectId, query.subjectId));
  if (query.result) conditions.push(eq(events.result, query.result));
  if (query.from) conditions.push(gte(events.occurredAt, new Date(query.from).toISOString()));
  if (query.to) conditions.push(lt(events.occurredAt, new Date(query.to).toISOString()));
  if (query.cursor) conditions.push(lt(events.sequence, decodeSequenceCursor(query.cursor)));
  const rows = await executor
    .select()
    .from(events)
    .where(and(...conditions))
    .orderBy(desc(events.sequence))
    .limit(query.limit + 1);
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  return { rows: page, nextCursor: more ? encodeSequenceCursor(page[page.length - 1].sequence) : null };
}

/** One event of the committee; another committee's event is a 404 like a missing one. */
export async function getEvent(executor: Executor, orgId: string, id: string): Promise<EventRow> {
  const [row] = await executor
    .select()
    .from(events)
    .where(and(eq(events.orgId, orgId), eq(events.id, id)));
  if (!row) throw notFound('审计记录');
  return row;
}

/** The distinct event types recorded in the committee, alphabetically, for the type filter. */
export async function listEventTypes(executor: Executor, orgId: string): Promise<string[]> {
  const rows = await executor
    .selectDistinct({ type: events.type })
    .from(events)
    .where(eq(events.orgId, orgId))
    .orderBy(events.type)
    .limit(1000);
  return rows.map((row) => row.type);
}
