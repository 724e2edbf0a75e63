import { and, count, desc, eq, isNull, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { NotificationPage, notificationListQuerySchema } from '../../../contracts/notifications.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/paging.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { presentNotification } from './notifications.presenter.ts';
import { notifications } from './notifications.tables.ts';

/** GET /notifications: the actor's own notices, newest first, and how many are unread. */
export async function listNotifications(
  deps: AppDependencies,
  actor: Actor,
  query: z.output<typeof notificationListQuerySchema>,
): Promise<NotificationPage> {
  const orm = deps.database.orm;
  const mine = and(eq(notifications.orgId, actor.orgId), eq(notifications.userId, actor.userId));
  const conditions = [mine];
  if (query.unread === 'true') conditions.push(isNull(notifications.readAt));
  const cursor = decodeCursor(query.cursor, ['s']);
  if (cursor) conditions.push(lt(notifications.id, String(cursor[0])));
  const rows = await orm
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.id))
    .limit(query.limit + 1);
  const [unread] = await orm
    .select({ value: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(presentNotification),
    nextCursor: rows.length > query.limit ? encodeCursor([page[page.length - 1].id]) : null,
    unreadCount: Number(unread?.value ?? 0),
  };
}
