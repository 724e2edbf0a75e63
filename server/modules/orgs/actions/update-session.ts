import { and, eq } from 'drizzle-orm';
import { type SessionUpdate, sessionDateProblems } from '../../../../contracts/orgs.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { badRequest, conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canManageTermsAndSessions } from '../orgs.policy.ts';
import { loadSession, loadTerm, type SessionRow } from '../orgs.queries.ts';
import { sessions } from '../orgs.tables.ts';
import { sessionAuditView } from './create-session.ts';

/** Changes a session at the version the client saw; the merged dates must keep their order; archived is frozen. */
export async function updateSession(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: SessionUpdate,
  context: RequestContext,
): Promise<{ session: SessionRow; termName: string }> {
  try {
    return await deps.database.orm.transaction(async (tx) => {
      const current = await loadSession(tx, actor.orgId, id, true);
      if (current.archivedAt) throw conflict('该会议已归档，不能修改', 'session_archived');
      if (current.version !== version) throw versionConflict('会议');
      if (!canManageTermsAndSessions(actor)) throw forbidden('只有系统管理员或提案委可以管理会议');
      const problems = sessionDateProblems({ ...current, ...input });
      if (problems.length > 0) throw badRequest(problems.map((problem) => problem.message).join('；'), problems);
      const updated = await tx
        .update(sessions)
        .set({ ...input, version: current.version + 1, updatedAt: deps.now().toISOString() })
        .where(and(eq(sessions.orgId, actor.orgId), eq(sessions.id, id), eq(sessions.version, version)))
        .returning();
      assertVersionMatched(updated.length, '会议');
      const term = await loadTerm(tx, actor.orgId, current.termId);
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'session.updated',
        summary: `修改会议“${updated[0].name}”`,
        actor,
        subjectType: 'session',
        subjectId: id,
        before: sessionAuditView(current),
        after: sessionAuditView(updated[0]),
        context,
      });
      return { session: updated[0], termName: term.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`该届第 ${input.number} 次会议已存在`, 'duplicate_session_number');
    throw error;
  }
}
