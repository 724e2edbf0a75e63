import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, tenantKey, versioned } from '../../platform/db/columns.ts';

/**
 * 委员联络站 / 委员工作室: a place where members meet the public. The office keeps the list; station staff accounts
 * link to one station through `users.station_id`.
 */
export const stations = pgTable(
  'stations',
  {
    ...tenantKey(),
    name: text().notNull(),
    /** station (委员联络站) | studio (委员工作室) */
    kind: text().notNull(),
    address: text().notNull(),
    /** Free text as posted at the door: "每周二、周四 9:00–11:30". */
    openingHours: text().notNull(),
    description: text(),
    /** An inactive station stays in the records and counts but leaves the portal and the pickers. */
    active: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    ...versioned(),
  },
  (table) => [primaryKey({ columns: [table.orgId, table.id] }), uniqueIndex('stations_name_unique').on(table.orgId, table.name)],
);

/** A member attached to a station (驻站委员): who may be on duty there and be present at its visits. */
export const stationMembers = pgTable(
  'station_members',
  {
    orgId: uuid().notNull(),
    stationId: uuid().notNull(),
    memberId: uuid().notNull(),
    sortOrder: integer().notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.stationId, table.memberId] }),
    index('station_members_member').on(table.orgId, table.memberId),
    foreignKey({ columns: [table.orgId, table.stationId], foreignColumns: [stations.orgId, stations.id] }).onDelete('cascade'),
  ],
);

/**
 * 来访登记: one public visit to a station and its matter. The visitor's name and phone are personal data of the
 * public: encrypted at rest, masked when shown. The matter is closed on the spot (outcome) or turned into a
 * micro-suggestion on behalf of the members present (microSuggestionId).
 */
export const stationVisits = pgTable(
  'station_visits',
  {
    ...tenantKey(),
    stationId: uuid().notNull(),
    visitDate: date().notNull(),
    visitorNameEncrypted: text().notNull(),
    visitorPhoneEncrypted: text(),
    /** How many people came about this matter (接待人次). */
    visitorCount: integer().notNull().default(1),
    matter: text().notNull(),
    /** open | closed | converted: driven by stationVisitWorkflow */
    state: text().notNull().default('open'),
    outcome: text(),
    closedAt: instant(),
    closedBy: uuid(),
    microSuggestionId: uuid(),
    convertedAt: instant(),
    recordedBy: uuid().notNull(),
    recordedByName: text().notNull(),
    ...versioned(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('station_visits_station').on(table.orgId, table.stationId, table.visitDate),
    index('station_visits_date').on(table.orgId, table.visitDate),
    foreignKey({ columns: [table.orgId, table.stationId], foreignColumns: [stations.orgId, stations.id] }),
  ],
);

/** The members present at a visit (到场委员), in the order recorded; the first leads a micro-suggestion raised from it. */
export const stationVisitMembers = pgTable(
  'station_visit_members',
  {
    orgId: uuid().notNull(),
    visitId: uuid().notNull(),
    memberId: uuid().notNull(),
    sortOrder: integer().notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.visitId, table.memberId] }),
    index('station_visit_members_member').on(table.orgId, table.memberId),
    foreignKey({ columns: [table.orgId, table.visitId], foreignColumns: [stationVisits.orgId, stationVisits.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** 接待日: a member's duty day at a station, scheduled by the office or the station's staff. */
export const stationDutyDays = pgTable(
  'station_duty_days',
  {
    ...tenantKey(),
    stationId: uuid().notNull(),
    memberId: uuid().notNull(),
    dutyDate: date().notNull(),
    note: text(),
    scheduledBy: uuid().notNull(),
    ...versioned(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    uniqueIndex('station_duty_days_once').on(table.orgId, table.stationId, table.memberId, table.dutyDate),
    index('station_duty_days_date').on(table.orgId, table.dutyDate),
    index('station_duty_days_member').on(table.orgId, table.memberId, table.dutyDate),
    foreignKey({ columns: [table.orgId, table.stationId], foreignColumns: [stations.orgId, stations.id] }),
  ],
);
