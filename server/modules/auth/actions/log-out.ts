import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { revokeSessions } from '../login-sessions.ts';

/** Ends the actor's current session. */
export async function logOut(dependencies: AppDependencies, actor: Actor, context: RequestContext): Promise<void> {
  await dependencies.database.orm.transaction(async (tx) => {
    await revokeSessions(tx, { orgId: actor.orgId, userId: actor.userId, sessionId: actor.sessionId, now: dependencies.now() });
    await recordEvent(tx, dependencies.config.auditHash, {
      orgId: actor.orgId,
      type: 'auth.logged_out',
      summary: `${actor.displayName} 退出登录`,
      actor,
      subjectType: 'user',
      subjectId: actor.userId,
      after: { sessionId: actor.sessionId },
      context,
    });
  });
}
