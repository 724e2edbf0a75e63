import { and, eq, isNull } from 'drizzle-orm';
import type { Notification } from '../../../../contracts/notifications.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { notFound } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { presentNotification } from '../notifications.presenter.ts';
import { notifications } from '../notifications.tables.ts';

/**
 * Marks one of the actor's own notices read (again: no change). Reading a notice is not a business change, so
 * it writes no event (docs/decisions/0007-notifications.md).
 */
export async function markNotificationRead(deps: AppDependencies, actor: Actor, id: string): Promise<Notification> {
  const orm = deps.database.orm;
  const mine = and(eq(notifications.orgId, actor.orgId), eq(notifications.userId, actor.userId), eq(notifications.id, id));
  await orm
    .update(notifications)
    .set({ readAt: deps.now().toISOString() })
    .where(and(mine, isNull(notifications.readAt)));
  const [row] = await orm.select().from(notifications).where(mine);
  if (!row) throw notFound('消息');
  return presentNotification(row);
}

/** Marks every unread notice of the actor read; returns how many changed. */
export async function markAllNotificationsRead(deps: AppDependencies, actor: Actor): Promise<number> {
  const result = await deps.database.orm
    .update(notifications)
    .set({ readAt: deps.now().toISOString() })
    .where(and(eq(notifications.orgId, actor.orgId), eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return result.length;
}
