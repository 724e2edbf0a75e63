import type { Role } from '../../../contracts/roles.ts';

/** Who is making a request: the logged-in user, in their committee, with their roles and links. */
export type Actor = {
  userId: string;
  orgId: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** Set when the user is a committee member. */
  memberId: string | null;
  /** Set when the user works for a handling unit. */
  unitId: string | null;
  /**
   * Set when the user keeps a liaison station or member studio (station staff). Sessions always carry it; actors
   * built by jobs and seeds without a station may leave it out.
   */
  stationId?: string | null;
  sessionId: string;
};

/** Where a change came from, for the event log. */
export type RequestContext = { ip: string | null; requestId: string | null };

/** True when the actor holds at least one of the roles. */
export function hasAnyRole(actor: Pick<Actor, 'roles'>, ...wanted: Role[]): boolean {
  return wanted.some((role) => actor.roles.includes(role));
}
