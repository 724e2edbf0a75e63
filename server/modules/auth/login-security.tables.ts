import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant, tenantKey } from '../../platform/db/columns.ts';

/**
 * Counters of failed logins, shared by every app node through the database. Not a tenant table: a network
 * address and an unknown login name belong to no committee. Keys (see login-throttle.ts):
 * `address:<ip or /64>`, `account:<user id>`, `name:<keyed hash of an unknown login name>`,
 * `pair:<address>|<account or name>`, and `known:<user id>|<address>` (the last successful login from there).
 */
export const loginCounters = pgTable(
  'login_counters',
  {
    key: text().primaryKey(),
    /** Failures counted now (reserved before the password is checked, given back when it was right). */
    failures: integer().notNull().default(0),
    /** Start of the window the failures are counted in (null: no window, or none yet). */
    windowStartedAt: instant(),
    /** No attempt is checked before this instant. */
    heldUntil: instant(),
    /** Last change: the last failure, or for `known:` rows the last successful login. */
    updatedAt: instant().notNull().defaultNow(),
  },
  (table) => [index('login_counters_updated').on(table.updatedAt)],
);

/** Hashes of the passwords a user set, newest last: a new password may not repeat the last few (the committee's count). */
export const passwordHistory = pgTable(
  'password_history',
  {
    ...tenantKey(),
    userId: uuid().notNull(),
    /** argon2id hash, as stored on the user when it was set. */
    passwordHash: text().notNull(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('password_history_user').on(table.orgId, table.userId, table.createdAt),
  ],
);
