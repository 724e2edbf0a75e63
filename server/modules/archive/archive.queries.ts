import { and, count, desc, eq } from 'drizzle-orm';
import type { ArchivePreview, SessionArchive } from '../../../contracts/archive.ts';
import type { ProposalState } from '../../../contracts/proposals.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { forbidden, notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { loadSession } from '../orgs/orgs.queries.ts';
import { sessions } from '../orgs/orgs.tables.ts';
import { proposals } from '../proposals/proposals.tables.ts';
import { proposalWorkflow } from '../proposals/proposals.workflow.ts';
import { canArchive, finishedStates } from './archive.policy.ts';
import { type ArchiveRow, presentArchive } from './archive.presenter.ts';
import { sessionArchives } from './archive.tables.ts';

/** GET /sessions/{id}/archive-preview: what archiving the session would freeze, by state. */
export async function previewArchive(deps: AppDependencies, actor: Actor, sessionId: string): Promise<ArchivePreview> {
  if (!canArchive(actor)) throw forbidden('只有提案委可以归档会议');
  const orm = deps.database.orm;
  const session = await loadSession(orm, actor.orgId, sessionId);
  const rows = await orm
    .select({ state: proposals.state, total: count() })
    .from(proposals)
    .where(and(eq(proposals.orgId, actor.orgId), eq(proposals.sessionId, sessionId)))
    .groupBy(proposals.state);
  const byState = rows
    .map((row) => ({
      state: row.state,
      stateName: proposalWorkflow.states[row.state as ProposalState] ?? row.state,
      count: Number(row.total),
    }))
    .sort((a, b) => b.count - a.count);
  return {
    sessionId,
    sessionName: session.name,
    archived: session.archivedAt !== null,
    isCurrent: session.isCurrent,
    total: byState.reduce((sum, row) => sum + row.count, 0),
    unfinished: byState
      .filter((row) => !finishedStates.includes(row.state as ProposalState))
      .reduce((sum, row) => sum + row.count, 0),
    byState,
  };
}

/** GET /archives: the committee's session archives, newest first. */
export async function listArchives(deps: AppDependencies, actor: Actor): Promise<{ items: SessionArchive[] }> {
  if (!canArchive(actor)) throw forbidden('只有提案委可以查看归档');
  const rows = await deps.database.orm
    .select({ archive: sessionArchives, sessionName: sessions.name })
    .from(sessionArchives)
    .innerJoin(sessions, and(eq(sessions.orgId, sessionArchives.orgId), eq(sessions.id, sessionArchives.sessionId)))
    .where(eq(sessionArchives.orgId, actor.orgId))
    .orderBy(desc(sessionArchives.id));
  return { items: rows.map((row) => presentArchive(row.archive, row.sessionName)) };
}

/** One archive of the committee (404 otherwise), for the office. */
export async function loadArchive(deps: AppDependencies, actor: Actor, id: string): Promise<ArchiveRow> {
  if (!canArchive(actor)) throw forbidden('只有提案委可以下载归档包');
  const [row] = await deps.database.orm
    .select()
    .from(sessionArchives)
    .where(and(eq(sessionArchives.orgId, actor.orgId), eq(sessionArchives.id, id)));
  if (!row) throw notFound('归档');
  return row;
}
