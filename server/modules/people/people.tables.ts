import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, tenantKey, versioned } from '../../platform/db/columns.ts';

/** A login account. Usernames and mobile numbers are unique across the deployment so login needs no tenant. */
export const users = pgTable(
  'users',
  {
    ...tenantKey(),
    username: text().notNull(),
    displayName: text().notNull(),
    /** Encrypted mobile number (platform/crypto) and its keyed hash for lookups. */
    mobileEncrypted: text(),
    mobileHash: text(),
    passwordHash: text().notNull(),
    mustChangePassword: boolean().notNull().default(true),
    passwordChangedAt: instant(),
    failedLoginCount: integer().notNull().default(0),
    lockedUntil: instant(),
    /** active | disabled: driven by the account workflow */
    state: text().notNull().default('active'),
    totpSecretEncrypted: text(),
    totpEnabled: boolean().notNull().default(false),
    /** The 30-second time step of the last accepted code: a code is accepted once (no replay). */
    totpLastStep: integer(),
    memberId: uuid(),
    unitId: uuid(),
    /** The liaison station or member studio a station staff account keeps (stations module). */
    stationId: uuid(),
    lastLoginAt: instant(),
    /** A demo account (seeded with a published password); while any is active the web shows 演示环境. */
    demo: boolean().notNull().default(false),
    ...versioned(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    uniqueIndex('users_username_unique').on(table.username),
    uniqueIndex('users_mobile_unique').on(table.mobileHash),
    index('users_org').on(table.orgId, table.displayName),
    /**
     * A member links to at most one active account (三员分立: no second account to read a member's drafts). The
     * migration creates it only where no duplicates exist yet; the account actions check the rule either way.
     */
    uniqueIndex('users_member_active_unique')
      .on(table.orgId, table.memberId)
      .where(sql`member_id is not null and state = 'active'`),
  ],
);

/** A role a user holds in their committee. */
export const userRoles = pgTable(
  'user_roles',
  {
    orgId: uuid().notNull(),
    userId: uuid().notNull(),
    role: text().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.userId, table.role] }),
    foreignKey({ columns: [table.orgId, table.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);

/** 委员: a committee member and the attributes used in statistics. */
export const members = pgTable(
  'members',
  {
    ...tenantKey(),
    name: text().notNull(),
    /** male | female */
    gender: text(),
    birthYear: integer(),
    ethnicity: text(),
    sectorId: uuid(),
    committeeId: uuid(),
    partyId: uuid(),
    groupId: uuid(),
    workplace: text(),
    position: text(),
    isStandingCommittee: boolean().notNull().default(false),
    idNumberEncrypted: text(),
    idNumberHash: text(),
    mobileEncrypted: text(),
    mobileHash: text(),
    /** active | inactive */
    state: text().notNull().default('active'),
    ...versioned(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    uniqueIndex('members_id_number_unique').on(table.orgId, table.idNumberHash),
    index('members_name').on(table.orgId, table.name),
    index('members_sector').on(table.orgId, table.sectorId),
  ],
);

/** 承办单位: a government department or agency that handles assigned items. */
export const units = pgTable(
  'units',
  {
    ...tenantKey(),
    code: text().notNull(),
    name: text().notNull(),
    shortName: text(),
    parentId: uuid(),
    /** government | court | procuratorate | party | people_organization | enterprise | other */
    kind: text().notNull().default('government'),
    contactName: text(),
    /** Encrypted contact phone (mobile or landline). */
    contactMobileEncrypted: text(),
    address: text(),
    sortOrder: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    ...versioned(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    uniqueIndex('units_code_unique').on(table.orgId, table.code),
    uniqueIndex('units_name_unique').on(table.orgId, table.name),
  ],
);

/**
 * A request to reset an administrator's password (三员分立): filed by one administrator, approved or rejected by
 * another (neither the requester nor the account's owner); the password is reset only on approval.
 */
export const passwordResetRequests = pgTable(
  'password_reset_requests',
  {
    ...tenantKey(),
    /** The administrator account whose password is to be reset. */
    userId: uuid().notNull(),
    requestedBy: uuid().notNull(),
    reason: text().notNull(),
    /** pending | approved | rejected | cancelled: driven by passwordResetWorkflow */
    state: text().notNull().default('pending'),
    decidedBy: uuid(),
    decidedAt: instant(),
    decisionReason: text(),
    /** A pending request can be approved until then. */
    expiresAt: instant().notNull(),
    ...versioned(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    foreignKey({ columns: [table.orgId, table.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    index('password_reset_requests_state').on(table.orgId, table.state, table.createdAt),
  ],
);
