import type { Notification } from '../../../contracts/notifications.ts';
import type { notifications } from './notifications.tables.ts';

type NotificationRow = typeof notifications.$inferSelect;

/** A notice as its recipient sees it. */
export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    link: row.link,
    createdAt: new Date(row.createdAt).toISOString(),
    readAt: row.readAt === null ? null : new Date(row.readAt).toISOString(),
  };
}
