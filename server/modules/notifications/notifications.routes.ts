import { idParamsSchema } from '../../../contracts/common.ts';
import {
  markAllReadResultSchema,
  notificationListQuerySchema,
  notificationPageSchema,
  notificationSchema,
} from '../../../contracts/notifications.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { markAllNotificationsRead, markNotificationRead } from './actions/mark-notification-read.ts';
import { listNotifications } from './notifications.queries.ts';

const tags = ['消息'];

/** Routes of the notification centre: one's own notices, read one, read all. */
export function notificationRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: '我的消息（最新在前，含未读数）',
        querystring: notificationListQuerySchema,
        response: { 200: notificationPageSchema },
      },
    },
    async (request) => listNotifications(deps, requireActor(request), request.query),
  );

  app.post(
    '/notifications/read-all',
    { schema: { tags, summary: '全部标为已读', response: { 200: markAllReadResultSchema } } },
    async (request) => ({ updated: await markAllNotificationsRead(deps, requireActor(request)) }),
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: { tags, summary: '标为已读', params: idParamsSchema, response: { 200: notificationSchema } },
    },
    async (request) => markNotificationRead(deps, requireActor(request), request.params.id),
  );
}
