import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';
import { v7 as uuidv7 } from 'uuid';

/** A new UUIDv7: time-ordered, so inserts stay at the end of indexes. */
export function newId(): string {
  return uuidv7();
}

/** The tenant key and the row id of every tenant table; the primary key is (org_id, id). */
export function tenantKey() {
  return {
    orgId: uuid().notNull(),
    id: uuid().notNull().$defaultFn(newId),
  };
}

/** Creation and update instants plus the optimistic-concurrency version. */
export function versioned() {
  return {
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  };
}

/** A timestamptz column returned as an ISO string. */
export function instant() {
  return timestamp({ withTimezone: true, mode: 'string' });
}
