import type { AvailableAction } from '../../../contracts/common.ts';
import type { Gender, Member, MemberState, Unit, UnitKind, User, UserState } from '../../../contracts/people.ts';
import type { Role } from '../../../contracts/roles.ts';
import { type FieldCipher, mask } from '../../platform/crypto/field-cipher.ts';
import type { Named } from './people.lookups.ts';
import type { members, units, users } from './people.tables.ts';

export type MemberRow = typeof members.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type UserRow = typeof users.$inferSelect;

/** The clear value of an encrypted field, or null; a value that no longer decrypts reads as null. */
export function reveal(cipher: FieldCipher, sealed: string | null): string | null {
  if (!sealed) return null;
  try {
    return cipher.decrypt(sealed);
  } catch {
    return null;
  }
}

/** The masked form of an encrypted field (138****5678); a value that no longer decrypts shows as asterisks. */
export function maskSealed(cipher: FieldCipher, sealed: string | null): string | null {
  if (!sealed) return null;
  return mask(reveal(cipher, sealed)) ?? '******';
}

const ref = (names: Map<string, Named>, id: string | null) => (id ? (names.get(id) ?? { id, name: '（已删除）' }) : null);

/** How much of a member a reader sees: everything (masked) for the roster's keepers, the roster otherwise. */
export type MemberView = 'full' | 'roster';

/**
 * A member as staff see it: dictionary references with names, ID number and mobile masked. In the roster view
 * (readers other than the office and the system administrator) party, ethnicity, birth year, ID number and
 * mobile are withheld.
 */
export function presentMember(row: MemberRow, names: Map<string, Named>, cipher: FieldCipher, view: MemberView): Member {
  const member = presentFullMember(row, names, cipher);
  if (view === 'full') return member;
  return {
    ...member,
    birthYear: null,
    ethnicity: null,
    party: null,
    idNumberMasked: null,
    mobileMasked: null,
    fieldsHidden: true,
  };
}

/** Every field of a member (sensitive ones masked). */
function presentFullMember(row: MemberRow, names: Map<string, Named>, cipher: FieldCipher): Member {
  return {
    id: row.id,
    name: row.name,
    gender: (row.gender as Gender | null) ?? null,
    birthYear: row.birthYear,
    ethnicity: row.ethnicity,
    sector: ref(names, row.sectorId),
    party: ref(names, row.partyId),
    committee: ref(names, row.committeeId),
    group: ref(names, row.groupId),
    workplace: row.workplace,
    position: row.position,
    isStandingCommittee: row.isStandingCommittee,
    idNumberMasked: maskSealed(cipher, row.idNumberEncrypted),
    mobileMasked: maskSealed(cipher, row.mobileEncrypted),
    fieldsHidden: false,
    state: row.state as MemberState,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** What the event log keeps of a member: the plain fields and masked sensitive ones, never clear values. */
export function memberAuditView(row: MemberRow, cipher: FieldCipher): Record<string, unknown> {
  const { idNumberEncrypted, idNumberHash, mobileEncrypted, mobileHash, createdAt, updatedAt, orgId, ...plain } = row;
  return { ...plain, idNumber: maskSealed(cipher, idNumberEncrypted), mobile: maskSealed(cipher, mobileEncrypted) };
}

/** A handling unit with its parent's name and the contact phone masked. */
export function presentUnit(row: UnitRow, parents: Map<string, Named>, cipher: FieldCipher): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    parent: ref(parents, row.parentId),
    kind: row.kind as UnitKind,
    contactName: row.contactName,
    contactPhoneMasked: maskSealed(cipher, row.contactMobileEncrypted),
    address: row.address,
    sortOrder: row.sortOrder,
    active: row.active,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** What the event log keeps of a unit (contact phone masked). */
export function unitAuditView(row: UnitRow, cipher: FieldCipher): Record<string, unknown> {
  const { contactMobileEncrypted, createdAt, updatedAt, orgId, ...plain } = row;
  return { ...plain, contactPhone: maskSealed(cipher, contactMobileEncrypted) };
}

/** True while the account is locked out after failed logins. */
export function isLocked(row: Pick<UserRow, 'lockedUntil'>, now: Date): boolean {
  return row.lockedUntil !== null && new Date(row.lockedUntil) > now;
}

/** An account as administrators see it, with the actions the current user may take now. */
export function presentUser(
  row: UserRow,
  input: {
    roles: Role[];
    members: Map<string, Named>;
    units: Map<string, Named>;
    stations?: Map<string, Named>;
    now: Date;
    actions: AvailableAction[];
    cipher: FieldCipher;
  },
): User {
  const locked = isLocked(row, input.now);
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: input.roles,
    state: row.state as UserState,
    member: ref(input.members, row.memberId),
    unit: ref(input.units, row.unitId),
    station: ref(input.stations ?? new Map(), row.stationId),
    mobileMasked: maskSealed(input.cipher, row.mobileEncrypted),
    mustChangePassword: row.mustChangePassword,
    locked,
    lockedUntil: locked ? row.lockedUntil : null,
    lastLoginAt: row.lastLoginAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    actions: input.actions,
  };
}

/** What the event log keeps of an account: no password hash, no secrets, mobile masked. */
export function userAuditView(row: UserRow, roles: readonly Role[], cipher: FieldCipher): Record<string, unknown> {
  return {
    username: row.username,
    displayName: row.displayName,
    roles,
    state: row.state,
    memberId: row.memberId,
    unitId: row.unitId,
    stationId: row.stationId,
    mobile: maskSealed(cipher, row.mobileEncrypted),
    mustChangePassword: row.mustChangePassword,
  };
}
