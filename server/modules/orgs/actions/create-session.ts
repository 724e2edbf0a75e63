import type { SessionCreate } from '../../../../contracts/orgs.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { badRequest, conflict, forbidden, Problem } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canManageTermsAndSessions } from '../orgs.policy.ts';
import { findCurrentSession, loadOrganization, loadTerm, type SessionRow } from '../orgs.queries.ts';
import { sessions } from '../orgs.tables.ts';

/** The fields of a session the event log keeps. */
export const sessionAuditView = (row: SessionRow) => ({
  termId: row.termId,
  number: row.number,
  name: row.name,
  year: row.year,
  plenaryStartsOn: row.plenaryStartsOn,
  plenaryEndsOn: row.plenaryEndsOn,
  proposalWindowOpensOn: row.proposalWindowOpensOn,
  isCurrent: row.isCurrent,
});

/**
 * Creates a session (次会议) of one of the committee's terms. The committee's first session becomes current;
 * later ones are made current explicitly (POST /sessions/{id}/set-current).
 */
export async function createSession(
  deps: AppDependencies,
  actor: Actor,
  input: SessionCreate,
  context: RequestContext,
): Promise<{ session: SessionRow; termName: string }> {
  if (!canManageTermsAndSessions(actor)) throw forbidden('只有系统管理员或提案委可以管理会议');
  try {
    return await deps.database.orm.transaction(async (tx) => {
      const term = await loadTerm(tx, actor.orgId, input.termId).catch((error: unknown) => {
        if (error instanceof Problem && error.status === 404) {
          throw badRequest('找不到该届次', [{ field: 'termId', message: '找不到该届次' }], 'unknown_reference');
        }
        throw error;
      });
      await loadOrganization(tx, actor.orgId, true); // serialises "the first session becomes current"
      const first = (await findCurrentSession(tx, actor.orgId)) === null;
      const [row] = await tx
        .insert(sessions)
        .values({ ...input, orgId: actor.orgId, isCurrent: first })
        .returning();
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'session.created',
        summary: `新建会议“${row.name}”${first ? '并设为当前会议' : ''}`,
        actor,
        subjectType: 'session',
        subjectId: row.id,
        after: sessionAuditView(row),
        context,
      });
      return { session: row, termName: term.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`该届第 ${input.number} 次会议已存在`, 'duplicate_session_number');
    throw error;
  }
}
