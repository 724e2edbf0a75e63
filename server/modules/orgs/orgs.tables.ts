import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant, newId, tenantKey, versioned } from '../../platform/db/columns.ts';

/** A committee (tenant). Not itself tenant-scoped: it is the tenant. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid().primaryKey().$defaultFn(newId),
    parentId: uuid(),
    code: text().notNull(),
    name: text().notNull(),
    shortName: text(),
    /** national | province | city | county */
    level: text().notNull(),
    timeZone: text().notNull().default('Asia/Shanghai'),
    /** Tenant settings; missing keys take the defaults in contracts/orgs. */
    settings: jsonb().notNull().default({}),
    ...versioned(),
  },
  (table) => [uniqueIndex('organizations_code_unique').on(table.code), index('organizations_parent').on(table.parentId)],
);

/** 届: a five-year term. */
export const terms = pgTable(
  'terms',
  {
    ...tenantKey(),
    number: integer().notNull(),
    name: text().notNull(),
    startsOn: date().notNull(),
    endsOn: date(),
    ...versioned(),
  },
  (table) => [primaryKey({ columns: [table.orgId, table.id] }), uniqueIndex('terms_number_unique').on(table.orgId, table.number)],
);

/** 次会议: a yearly plenary session of a term, with its proposal window. */
export const sessions = pgTable(
  'sessions',
  {
    ...tenantKey(),
    termId: uuid().notNull(),
    number: integer().notNull(),
    name: text().notNull(),
    year: integer().notNull(),
    plenaryStartsOn: date().notNull(),
    plenaryEndsOn: date().notNull(),
    /** Plenary proposals are accepted from this date to plenaryEndsOn. */
    proposalWindowOpensOn: date().notNull(),
    isCurrent: boolean().notNull().default(false),
    archivedAt: instant(),
    ...versioned(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    uniqueIndex('sessions_number_unique').on(table.orgId, table.termId, table.number),
    /** At most one current session per committee, even under concurrent "set current". */
    uniqueIndex('sessions_current_unique').on(table.orgId).where(sql`is_current`),
    foreignKey({ columns: [table.orgId, table.termId], foreignColumns: [terms.orgId, terms.id] }),
  ],
);

/** A dictionary entry: sectors, committees, parties, groups, proposal categories, rejection reasons, result classes. */
export const dictionaryEntries = pgTable(
  'dictionary_entries',
  {
    ...tenantKey(),
    kind: text().notNull(),
    code: text().notNull(),
    name: text().notNull(),
    description: text(),
    sortOrder: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    ...versioned(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    uniqueIndex('dictionary_entries_code_unique').on(table.orgId, table.kind, table.code),
  ],
);

/** A day that differs from the plain Monday-to-Friday rule: a holiday, or a weekend make-up workday (调休). */
export const calendarDays = pgTable(
  'calendar_days',
  {
    orgId: uuid().notNull(),
    day: date().notNull(),
    /** holiday | workday */
    kind: text().notNull(),
    name: text().notNull().default(''),
  },
  (table) => [primaryKey({ columns: [table.orgId, table.day] })],
);
