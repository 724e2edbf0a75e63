import { and, eq, ne } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canManageTermsAndSessions } from '../orgs.policy.ts';
import { findCurrentSession, loadOrganization, loadSession, loadTerm, type SessionRow } from '../orgs.queries.ts';
import { sessions } from '../orgs.tables.ts';

/**
 * Makes a session the committee's current one (new proposals default to it); the previous current session
 * stops being current. Setting the current session again changes nothing and records nothing.
 */
export async function setCurrentSession(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  context: RequestContext,
): Promise<{ session: SessionRow; termName: string }> {
  return deps.database.orm.transaction(async (tx) => {
    // One change of the current session at a time per committee: lock the committee row first.
    await loadOrganization(tx, actor.orgId, true);
    const target = await loadSession(tx, actor.orgId, id, true);
    if (target.archivedAt) throw conflict('已归档的会议不能设为当前会议', 'session_archived');
    if (!canManageTermsAndSessions(actor)) throw forbidden('只有系统管理员或提案委可以设置当前会议');
    const term = await loadTerm(tx, actor.orgId, target.termId);
    if (target.isCurrent) return { session: target, termName: term.name };
    const previous = await findCurrentSession(tx, actor.orgId);
    const now = deps.now().toISOString();
    if (previous) {
      await tx
        .update(sessions)
        .set({ isCurrent: false, version: previous.version + 1, updatedAt: now })
        .where(and(eq(sessions.orgId, actor.orgId), eq(sessions.isCurrent, true), ne(sessions.id, id)));
    }
    const [row] = await tx
      .update(sessions)
      .set({ isCurrent: true, version: target.version + 1, updatedAt: now })
      .where(and(eq(sessions.orgId, actor.orgId), eq(sessions.id, id)))
      .returning();
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'session.set_current',
      summary: `将“${row.name}”设为当前会议${previous ? `（原为“${previous.name}”）` : ''}`,
      actor,
      subjectType: 'session',
      subjectId: id,
      before: { currentSessionId: previous?.id ?? null },
      after: { currentSessionId: id },
      context,
    });
    return { session: row, termName: term.name };
  });
}
