import type { AvailableAction } from '../../../contracts/common.ts';
import {
  type DutyDay,
  type Station,
  type StationKind,
  stationKindNames,
  type Visit,
  type VisitState,
  visitStateNames,
} from '../../../contracts/stations.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { maskSealed, reveal } from '../people/people.presenter.ts';
import type { stationDutyDays, stations, stationVisits } from './stations.tables.ts';

export type StationRow = typeof stations.$inferSelect;
export type VisitRow = typeof stationVisits.$inferSelect;
export type DutyDayRow = typeof stationDutyDays.$inferSelect;
export type Named = { id: string; name: string };

const named = (names: Map<string, Named>, id: string): Named => names.get(id) ?? { id, name: '（已删除）' };

/** A station with its attached members and its staff accounts. */
export function presentStation(row: StationRow, members: Named[], staff: Named[]): Station {
  const kind = row.kind as StationKind;
  return {
    id: row.id,
    name: row.name,
    kind,
    kindName: stationKindNames[kind] ?? row.kind,
    address: row.address,
    openingHours: row.openingHours,
    description: row.description,
    active: row.active,
    sortOrder: row.sortOrder,
    members,
    staff,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** What the event log keeps of a station. */
export function stationAuditView(row: StationRow, memberIds: readonly string[]): Record<string, unknown> {
  return {
    name: row.name,
    kind: row.kind,
    address: row.address,
    openingHours: row.openingHours,
    description: row.description,
    active: row.active,
    sortOrder: row.sortOrder,
    memberIds: [...memberIds],
  };
}

/**
 * A person's name with all but the first character hidden (张*, 欧阳**): the name-shaped form of the masking the
 * platform applies to phone and ID numbers, which would hide a two-character name entirely.
 */
export function maskPersonName(name: string | null): string | null {
  if (!name) return null;
  const characters = [...name];
  if (characters.length === 1) return '*';
  return `${characters[0]}${'*'.repeat(characters.length - 1)}`;
}

/** The masked visitor's name of a sealed value; a value that no longer decrypts shows as asterisks. */
export function maskSealedName(cipher: FieldCipher, sealed: string | null): string {
  if (!sealed) return '';
  return maskPersonName(reveal(cipher, sealed)) ?? '***';
}

/** A visit as the office and the station's staff see it: visitor masked, members named, the actions allowed now. */
export function presentVisit(
  row: VisitRow,
  input: { station: Named; members: Named[]; cipher: FieldCipher; actions: AvailableAction[] },
): Visit {
  const state = row.state as VisitState;
  return {
    id: row.id,
    station: input.station,
    visitDate: row.visitDate,
    visitorNameMasked: maskSealedName(input.cipher, row.visitorNameEncrypted),
    visitorPhoneMasked: maskSealed(input.cipher, row.visitorPhoneEncrypted),
    visitorCount: row.visitorCount,
    matter: row.matter,
    members: input.members,
    outcome: row.outcome,
    closedAt: row.closedAt ? new Date(row.closedAt).toISOString() : null,
    microSuggestionId: row.microSuggestionId,
    convertedAt: row.convertedAt ? new Date(row.convertedAt).toISOString() : null,
    recordedByName: row.recordedByName,
    state,
    stateName: visitStateNames[state] ?? row.state,
    version: row.version,
    actions: input.actions,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** What the event log keeps of a visit: the visitor masked, never in clear. */
export function visitAuditView(row: VisitRow, memberIds: readonly string[], cipher: FieldCipher): Record<string, unknown> {
  return {
    stationId: row.stationId,
    visitDate: row.visitDate,
    visitorName: maskSealedName(cipher, row.visitorNameEncrypted),
    visitorPhone: maskSealed(cipher, row.visitorPhoneEncrypted),
    visitorCount: row.visitorCount,
    matter: row.matter,
    memberIds: [...memberIds],
    state: row.state,
    outcome: row.outcome,
    microSuggestionId: row.microSuggestionId,
  };
}

/** A duty day with its station's and member's names. */
export function presentDutyDay(row: DutyDayRow, stationNames: Map<string, Named>, memberNames: Map<string, Named>): DutyDay {
  return {
    id: row.id,
    station: named(stationNames, row.stationId),
    member: named(memberNames, row.memberId),
    dutyDate: row.dutyDate,
    note: row.note,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** What the event log keeps of a duty day. */
export function dutyDayAuditView(row: DutyDayRow): Record<string, unknown> {
  return { stationId: row.stationId, memberId: row.memberId, dutyDate: row.dutyDate, note: row.note };
}
