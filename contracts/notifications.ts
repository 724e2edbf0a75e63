import { z } from 'zod';
import { pageQuerySchema } from './common.ts';

/** One notice in the user's notification centre. */
export const notificationSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  /** The web path to open, e.g. /proposals/<id>. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

/** A page of notices, newest first, with the number of unread ones. */
export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

/** GET /notifications: `unread=true` lists only unread notices. */
export const notificationListQuerySchema = pageQuerySchema.extend({
  unread: z.enum(['true', 'false'], { error: 'unread 应为 true 或 false' }).optional(),
});

/** The answer of "mark all read": how many notices changed. */
export const markAllReadResultSchema = z.object({ updated: z.number().int() });
