import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  PortalMicro,
  PortalMicroCounts,
  portalMicroListQuerySchema,
  portalMicroPageSchema,
} from '../../../contracts/micro-suggestions.ts';
import type { Executor } from '../../platform/db/database.ts';
import { decodeCursor, encodeCursor, likePattern } from '../../platform/http/paging.ts';
import { badRequest, notFound } from '../../platform/http/problem.ts';
import { loadOrganization } from '../orgs/orgs.queries.ts';
import { portalOrganization } from '../portal/portal.queries.ts';
import { findPhotoFile, type PhotoFile } from './micro-suggestions.photo-files.ts';
import { microSuggestionPublications } from './micro-suggestions.tables.ts';

type PublicationRow = typeof microSuggestionPublications.$inferSelect;

/** The public URL of a published photo (the committee's code travels in the query, as every portal route). */
function publicPhotoUrl(code: string, itemId: string, photoId: string): string {
  return `/api/v1/portal/micro-suggestions/${itemId}/photos/${photoId}?org=${encodeURIComponent(code)}`;
}

/** The public view of a publication: redacted texts, the member names, the photos before and after. */
function presentPublic(code: string, row: PublicationRow): PortalMicro {
  const photo = (kind: 'before' | 'after') => (photoId: string) => ({
    id: photoId,
    kind,
    url: publicPhotoUrl(code, row.id, photoId),
  });
  const before = row.beforePhotoIds.map(photo('before'));
  const after = row.afterPhotoIds.map(photo('after'));
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    place: row.place,
    memberNames: row.memberNames,
    unitName: row.unitName,
    handlingMode: row.handlingMode as PortalMicro['handlingMode'],
    submittedOn: row.submittedOn,
    resolvedOn: row.resolvedOn,
    publishedAt: new Date(row.publishedAt).toISOString(),
    beforePhoto: before[0] ?? null,
    afterPhoto: after[0] ?? null,
    problem: row.problem,
    suggestion: row.suggestion,
    reply: row.reply,
    photos: [...before, ...after],
  };
}

/** GET /portal/micro-suggestions: the published ones of a committee, newest first (keyset paging), by place text. */
export async function listPortalMicro(
  executor: Executor,
  query: z.output<typeof portalMicroListQuerySchema>,
): Promise<z.infer<typeof portalMicroPageSchema>> {
  const organization = await portalOrganization(executor, query.org);
  const table = microSuggestionPublications;
  const conditions: SQL[] = [eq(table.orgId, organization.id)];
  if (query.place) conditions.push(sql`${table.place} ilike ${likePattern(query.place)}`);
  const key = decodeCursor(query.cursor, ['s', 's']);
  if (key) {
    const [after, id] = key as [string, string];
    if (Number.isNaN(Date.parse(after)) || !/^[0-9a-f-]{36}$/i.test(id)) {
      throw badRequest('分页游标无效，请从第一页重新查询', [{ field: 'cursor', message: '分页游标无效' }], 'bad_cursor');
    }
    conditions.push(sql`(${table.publishedAt}, ${table.id}) < (${after}::timestamptz, ${id}::uuid)`);
  }
  const found = await executor
    .select({
      row: table,
      key: sql<string>`to_char(${table.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(table)
    .where(and(...conditions))
    .orderBy(desc(table.publishedAt), desc(table.id))
    .limit(query.limit + 1);
  const rows = found.slice(0, query.limit);
  const last = rows[rows.length - 1];
  return {
    items: rows.map(({ row }) => {
      const {
        problem: _problem,
        suggestion: _suggestion,
        reply: _reply,
        photos: _photos,
        ...summary
      } = presentPublic(query.org, row);
      return summary;
    }),
    nextCursor: found.length > query.limit && last ? encodeCursor([last.key, last.row.id]) : null,
  };
}

/** The publication of a committee by id (404 when not published). */
async function loadPublication(executor: Executor, orgId: string, id: string): Promise<PublicationRow> {
  const [row] = await executor
    .select()
    .from(microSuggestionPublications)
    .where(and(eq(microSuggestionPublications.orgId, orgId), eq(microSuggestionPublications.id, id)));
  if (!row) throw notFound('公开的微建议');
  return row;
}

/** GET /portal/micro-suggestions/{id}: one published micro-suggestion (redacted) with its photos. */
export async function getPortalMicro(executor: Executor, code: string, id: string): Promise<PortalMicro> {
  const organization = await portalOrganization(executor, code);
  return presentPublic(code, await loadPublication(executor, organization.id, id));
}

/** A published photo's file: only the photos the publication lists (404 for any other, also of the same item). */
export async function publicPhotoFile(executor: Executor, code: string, id: string, photoId: string): Promise<PhotoFile> {
  const organization = await portalOrganization(executor, code);
  const publication = await loadPublication(executor, organization.id, id);
  if (![...publication.beforePhotoIds, ...publication.afterPhotoIds].includes(photoId)) throw notFound('照片');
  const file = await findPhotoFile(executor, organization.id, id, photoId);
  if (!file) throw notFound('照片');
  return file;
}

/**
 * GET /portal/micro-suggestions/counts: raised (submitted), resolved and the average days from submission to
 * resolution, of one year by submission or of all years, and how many are published. No personal data.
 */
export async function portalMicroCounts(executor: Executor, code: string, year: number | undefined): Promise<PortalMicroCounts> {
  const organization = await portalOrganization(executor, code);
  const { timeZone } = await loadOrganization(executor, organization.id);
  const inYear = year
    ? sql`and m.submitted_at >= (${`${year}-01-01`}::date)::timestamp at time zone ${timeZone}
        and m.submitted_at < (${`${year + 1}-01-01`}::date)::timestamp at time zone ${timeZone}`
    : sql``;
  const result = await executor.execute<{ raised: number | string; resolved: number | string; days: number | string | null }>(sql`
    select count(*) as raised, count(*) filter (where m.state = 'resolved') as resolved,
      avg(extract(epoch from (m.resolved_at - m.submitted_at)) / 86400) filter (where m.state = 'resolved') as days
    from micro_suggestions m
    where m.org_id = ${organization.id} and m.submitted_at is not null ${inYear}`);
  const published = await executor.execute<{ total: number | string }>(sql`
    select count(*) as total from micro_suggestion_publications p
    join micro_suggestions m on m.org_id = p.org_id and m.id = p.id
    where p.org_id = ${organization.id} ${inYear}`);
  const row = result.rows[0];
  return {
    year: year ?? null,
    raised: Number(row?.raised ?? 0),
    resolved: Number(row?.resolved ?? 0),
    averageDaysToResolve: row?.days === null || row?.days === undefined ? null : Math.round(Number(row.days) * 10) / 10,
    published: Number(published.rows[0]?.total ?? 0),
  };
}
