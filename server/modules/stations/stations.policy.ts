import type { Role } from '../../../contracts/roles.ts';
import type { Actor } from '../../platform/auth/actor.ts';

/** What the station rules need to know about the current user. */
export type StationActor = Pick<Actor, 'roles'> & { stationId?: string | null; memberId?: string | null };

const has = (actor: Pick<StationActor, 'roles'>, ...wanted: Role[]) => wanted.some((role) => actor.roles.includes(role));

/** True when the actor is a staff member of this station (the station staff role and the account's link). */
export function isStaffOf(actor: StationActor, stationId: string): boolean {
  return has(actor, 'station_staff') && Boolean(actor.stationId) && actor.stationId === stationId;
}

/** Who keeps the list of stations and studios (create, edit, attach members): the office. */
export function canManageStations(actor: StationActor): boolean {
  return has(actor, 'proposal_office');
}

/**
 * Who reads the station list (names, addresses, members, staff names): every business role, and the system
 * administrator, who links station staff accounts to a station. Not the security administrator or the auditor.
 */
export function canReadStations(actor: StationActor): boolean {
  return actor.roles.some((role) => role !== 'security_admin' && role !== 'auditor');
}

/** Who reads a station's visits (visitor masked) and counts: the office, and the station's own staff. */
export function canReadVisitsOf(actor: StationActor, stationId: string): boolean {
  return has(actor, 'proposal_office') || isStaffOf(actor, stationId);
}

/** Who reads visits at all (the list): the office, or station staff linked to a station. */
export function canListVisits(actor: StationActor): boolean {
  return has(actor, 'proposal_office') || (has(actor, 'station_staff') && Boolean(actor.stationId));
}

/** Who records, corrects, closes or converts a visit of the station: the office, and the station's own staff. */
export function canRecordVisitAt(actor: StationActor, stationId: string): boolean {
  return canReadVisitsOf(actor, stationId);
}

/** Who sees the visitor's clear name and phone (to call back): the same people; every look is recorded. */
export function canRevealVisitor(actor: StationActor, stationId: string): boolean {
  return canReadVisitsOf(actor, stationId);
}

/** Who schedules, moves and cancels duty days at the station: the office, and the station's own staff. */
export function canScheduleDutyAt(actor: StationActor, stationId: string): boolean {
  return has(actor, 'proposal_office') || isStaffOf(actor, stationId);
}

/** Who reads a duty day: the office, the station's staff, and the member on duty. */
export function canReadDutyDay(actor: StationActor, duty: { stationId: string; memberId: string }): boolean {
  if (canScheduleDutyAt(actor, duty.stationId)) return true;
  return has(actor, 'member') && Boolean(actor.memberId) && actor.memberId === duty.memberId;
}

/**
 * The filter a duty-day list runs with, from what was asked: the office any; a member their own (when they ask
 * for their own, or hold no station); station staff their station. 'forbidden' when the actor may not ask this.
 */
export function dutyDayListScope(
  actor: StationActor,
  asked: { stationId?: string; memberId?: string },
): { stationId?: string; memberId?: string } | 'forbidden' {
  if (has(actor, 'proposal_office')) return asked;
  const ownMember = has(actor, 'member') && actor.memberId ? actor.memberId : null;
  if (ownMember && asked.memberId === ownMember) return asked;
  if (has(actor, 'station_staff') && actor.stationId) {
    if (asked.stationId && asked.stationId !== actor.stationId) return 'forbidden';
    return { ...asked, stationId: actor.stationId };
  }
  if (ownMember && !asked.memberId) return { ...asked, memberId: ownMember };
  return 'forbidden';
}
