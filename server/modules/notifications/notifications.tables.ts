import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant, tenantKey } from '../../platform/db/columns.ts';

/** 消息: one notice to one user in the in-app notification centre; SMS and e-mail copies go out as jobs. */
export const notifications = pgTable(
  'notifications',
  {
    ...tenantKey(),
    userId: uuid().notNull(),
    title: text().notNull(),
    body: text().notNull().default(''),
    /** What it is about, for the link in the UI: proposal, assignment… */
    subjectType: text(),
    subjectId: uuid(),
    /** The web path to open, e.g. /proposals/<id>. */
    link: text(),
    createdAt: instant().notNull().defaultNow(),
    readAt: instant(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('notifications_user').on(table.orgId, table.userId, table.id),
  ],
);
