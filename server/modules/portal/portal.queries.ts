import { and, asc, count, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { PortalProposal, portalListQuerySchema } from '../../../contracts/publication.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/http/problem.ts';
import { organizations, sessions } from '../orgs/orgs.tables.ts';
import { publications } from '../publication/publication.tables.ts';

type PublicationRow = typeof publications.$inferSelect;

/** The committee of a portal request by its code (404 for an unknown code). */
export async function portalOrganization(executor: Executor, code: string): Promise<{ id: string; name: string }> {
  const [row] = await executor
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.code, code));
  if (!row) throw notFound('该政协');
  return row;
}

/** The public view of a publication. */
function presentPublication(row: PublicationRow, sessionName: string): PortalProposal {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    proposerNames: row.proposerNames,
    categoryName: row.categoryName,
    sessionId: row.sessionId,
    sessionName,
    mode: row.mode as PortalProposal['mode'],
    publishedAt: new Date(row.publishedAt).toISOString(),
    background: row.background,
    suggestions: row.suggestions,
    replies: row.replies,
  };
}

/** GET /portal/proposals: one committee's published proposals, newest publication first, by session and category. */
export async function listPortalProposals(executor: Executor, query: z.output<typeof portalListQuerySchema>) {
  const organization = await portalOrganization(executor, query.org);
  const conditions: SQL[] = [eq(publications.orgId, organization.id)];
  if (query.sessionId) conditions.push(eq(publications.sessionId, query.sessionId));
  if (query.categoryId) conditions.push(eq(publications.categoryId, query.categoryId));
  if (query.cursor) {
    if (!/^[0-9a-f-]{36}$/.test(query.cursor)) throw badRequest('分页游标无效', [{ field: 'cursor', message: '分页游标无效' }]);
    conditions.push(lt(publications.id, query.cursor));
  }
  const rows = await executor
    .select({ row: publications, sessionName: sessions.name })
    .from(publications)
    .innerJoin(sessions, and(eq(sessions.orgId, publications.orgId), eq(sessions.id, publications.sessionId)))
    .where(and(...conditions))
    .orderBy(desc(publications.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(({ row, sessionName }) => {
      const { background: _b, suggestions: _s, replies: _r, ...summary } = presentPublication(row, sessionName);
      return { ...summary, unitNames: row.unitNames };
    }),
    nextCursor: rows.length > query.limit ? page[page.length - 1].row.id : null,
  };
}

/** GET /portal/proposals/{id}: one published proposal with its public replies (404 if not published). */
export async function getPortalProposal(executor: Executor, code: string, id: string): Promise<PortalProposal> {
  const organization = await portalOrganization(executor, code);
  const [found] = await executor
    .select({ row: publications, sessionName: sessions.name })
    .from(publications)
    .innerJoin(sessions, and(eq(sessions.orgId, publications.orgId), eq(sessions.id, publications.sessionId)))
    .where(and(eq(publications.orgId, organization.id), eq(publications.id, id)));
  if (!found) throw notFound('公开的提案');
  return presentPublication(found.row, found.sessionName);
}

/** GET /portal/sessions: the committee's sessions with how many proposals of each are public. */
export async function listPortalSessions(executor: Executor, code: string) {
  const organization = await portalOrganization(executor, code);
  const rows = await executor
    .select({ id: sessions.id, name: sessions.name, year: sessions.year, isCurrent: sessions.isCurrent })
    .from(sessions)
    .where(eq(sessions.orgId, organization.id))
    .orderBy(desc(sessions.year), desc(sessions.number));
  const counts = await executor
    .select({ sessionId: publications.sessionId, total: count() })
    .from(publications)
    .where(eq(publications.orgId, organization.id))
    .groupBy(publications.sessionId);
  const bySession = new Map(counts.map((row) => [row.sessionId, Number(row.total)]));
  return {
    organization: { name: organization.name },
    items: rows.map((row) => ({ ...row, publishedCount: bySession.get(row.id) ?? 0 })),
  };
}

/** GET /portal/organizations: the committees whose portals exist, by name. */
export async function listPortalOrganizations(executor: Executor) {
  const rows = await executor
    .select({ code: organizations.code, name: organizations.name })
    .from(organizations)
    .orderBy(asc(organizations.code));
  return { items: rows };
}
