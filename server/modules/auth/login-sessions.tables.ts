import { index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, newId } from '../../platform/db/columns.ts';

/** A login session. The cookie holds a random token; only its hash is stored. */
export const loginSessions = pgTable(
  'login_sessions',
  {
    orgId: uuid().notNull(),
    id: uuid().notNull().$defaultFn(newId),
    userId: uuid().notNull(),
    tokenHash: text().notNull(),
    csrfToken: text().notNull(),
    /** Set once the second factor was given (or none was needed). */
    fullyAuthenticated: text().notNull().default('yes'),
    createdAt: instant().notNull().defaultNow(),
    lastSeenAt: instant().notNull().defaultNow(),
    expiresAt: instant().notNull(),
    revokedAt: instant(),
    ip: text(),
    userAgent: text(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    uniqueIndex('login_sessions_token_unique').on(table.tokenHash),
    index('login_sessions_user').on(table.orgId, table.userId),
  ],
);
