import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { notFound } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { revokeSessions } from '../login-sessions.ts';

/** Signs out one of the actor's own open sessions (a lost phone, a shared computer); another user's is a 404. */
export async function revokeOwnSession(
  dependencies: AppDependencies,
  actor: Actor,
  sessionId: string,
  context: RequestContext,
): Promise<void> {
  await dependencies.database.orm.transaction(async (tx) => {
    const revoked = await revokeSessions(tx, { orgId: actor.orgId, userId: actor.userId, sessionId, now: dependencies.now() });
    if (revoked === 0) throw notFound('登录会话');
    await recordEvent(tx, dependencies.config.auditHash, {
      orgId: actor.orgId,
      type: 'auth.session_revoked',
      summary: `${actor.displayName} 注销了一个登录会话`,
      actor,
      subjectType: 'login_session',
      subjectId: sessionId,
      context,
    });
  });
}
