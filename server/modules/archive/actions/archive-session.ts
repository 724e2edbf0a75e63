import { and, eq, ne, sql } from 'drizzle-orm';
import type { SessionArchive } from '../../../../contracts/archive.ts';
import type { ProposalState } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { versionConflict } from '../../../platform/http/concurrency.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import { enqueue } from '../../../platform/jobs/enqueue.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { loadSession } from '../../orgs/orgs.queries.ts';
import { sessions } from '../../orgs/orgs.tables.ts';
import { proposals } from '../../proposals/proposals.tables.ts';
import { proposalWorkflow } from '../../proposals/proposals.workflow.ts';
import { archiveRefusal, canArchive } from '../archive.policy.ts';
import { presentArchive } from '../archive.presenter.ts';
import { sessionArchives } from '../archive.tables.ts';

/** The job that writes a session's archive package. */
export const BUILD_ARCHIVE_JOB = 'archive.build';

/**
 * POST /sessions/{id}/actions/archive (归档, If-Match: the session's version): closes a past session. Every proposal
 * of it becomes archived (read-only; the state before is kept and shown), each with its event; the session is
 * marked archived; a job writes the package (ZIP of Word documents, attachments and an Excel and JSON index).
 */
export async function archiveSession(
  deps: AppDependencies,
  actor: Actor,
  sessionId: string,
  version: number,
  context: RequestContext,
): Promise<SessionArchive> {
  if (!canArchive(actor)) throw forbidden('只有提案委可以归档会议');
  return deps.database.orm.transaction(async (tx) => {
    const session = await loadSession(tx, actor.orgId, sessionId, true);
    const refusal = archiveRefusal(session);
    if (refusal) throw conflict(refusal, session.archivedAt ? 'session_archived' : 'current_session');
    if (session.version !== version) throw versionConflict('会议');
    const rows = await tx
      .select({ id: proposals.id, state: proposals.state, title: proposals.title, version: proposals.version })
      .from(proposals)
      .where(and(eq(proposals.orgId, actor.orgId), eq(proposals.sessionId, sessionId), ne(proposals.state, 'archived')))
      .orderBy(proposals.id)
      .for('update');
    const now = deps.now().toISOString();
    for (const row of rows) {
      guardTransition(proposalWorkflow, row.state as ProposalState, 'archive', actor.roles);
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'proposal.archived',
        summary: `随${session.name}归档：提案“${row.title}”`,
        actor,
        subjectType: 'proposal',
        subjectId: row.id,
        before: { state: row.state, version: row.version },
        after: { state: 'archived', version: row.version + 1 },
        context,
      });
    }
    await tx
      .update(proposals)
      .set({
        stateBeforeArchive: sql`${proposals.state}`,
        state: 'archived',
        version: sql`${proposals.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(proposals.orgId, actor.orgId), eq(proposals.sessionId, sessionId), ne(proposals.state, 'archived')));
    // The search filter by state follows in the same transaction.
    await tx.execute(sql`
      update search_documents set state = 'archived'
      where org_id = ${actor.orgId} and item_type = 'proposal' and session_id = ${sessionId}`);
    // So does the handling engine's copy of each proposal that went to a unit (phase archived: off the board).
    await tx.execute(sql`
      update handled_items set state = 'archived', phase = 'archived', updated_at = ${now}
      where org_id = ${actor.orgId} and kind = 'proposal' and session_id = ${sessionId}`);
    await tx
      .update(sessions)
      .set({ archivedAt: now, version: session.version + 1, updatedAt: now })
      .where(and(eq(sessions.orgId, actor.orgId), eq(sessions.id, sessionId)));
    const [archive] = await tx
      .insert(sessionArchives)
      .values({
        orgId: actor.orgId,
        sessionId,
        proposalCount: rows.length,
        archivedBy: actor.userId,
        archivedByName: actor.displayName,
        archivedAt: now,
      })
      .returning();
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'session.archived',
      summary: `归档${session.name}：提案 ${rows.length} 件转为只读，生成归档包`,
      actor,
      subjectType: 'session',
      subjectId: sessionId,
      before: { archivedAt: null, version: session.version },
      after: { archivedAt: now, version: session.version + 1, archiveId: archive.id, proposals: rows.length },
      context,
    });
    await enqueue(tx, {
      type: BUILD_ARCHIVE_JOB,
      orgId: actor.orgId,
      payload: { archiveId: archive.id },
      dedupeKey: `archive-build:${archive.id}`,
    });
    return presentArchive(archive, session.name);
  });
}
