import { eq } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles.ts';
import { createOrganization, createUser, signIn } from '../../test/fixtures.ts';
import type { TestApp } from '../../test/test-app.ts';
import { members, users } from '../people/people.tables.ts';

// biome-ignore lint/suspicious/noExplicitAny: API responses are read loosely in assertions
export type Json = Record<string, any>;

/** Who acts in a station test: the office, the staff of two stations, members, and others without station rights. */
export type StationPeople = 'office' | 'staffA' | 'staffB' | 'member1' | 'member2' | 'member3' | 'unit' | 'admin' | 'leader';

/** A committee with members, an office, a unit handler, a leader and (once stations exist) two station staff. */
export type StationCommittee = {
  orgId: string;
  code: string;
  memberIds: Record<'member1' | 'member2' | 'member3', string>;
  userIds: Partial<Record<StationPeople, string>>;
  headers: Partial<Record<StationPeople, Record<string, string>>>;
};

/** Creates the committee: three members with accounts, the office, a unit handler, a leader and the system admin. */
export async function createStationCommittee(test: TestApp): Promise<StationCommittee> {
  const deps = test.dependencies;
  const organization = await createOrganization(deps);
  const committee: StationCommittee = {
    orgId: organization.id,
    code: organization.code,
    memberIds: {} as StationCommittee['memberIds'],
    userIds: {},
    headers: {},
  };
  const names = { member1: '王建国', member2: '李秀英', member3: '张志强' } as const;
  for (const key of ['member1', 'member2', 'member3'] as const) {
    const [member] = await deps.database.orm
      .insert(members)
      .values({ orgId: organization.id, name: names[key] })
      .returning({ id: members.id });
    committee.memberIds[key] = member.id;
    const user = await createUser(deps, {
      orgId: organization.id,
      roles: ['member'],
      memberId: member.id,
      displayName: names[key],
    });
    committee.userIds[key] = user.id;
    committee.headers[key] = await signIn(deps, user);
  }
  const others: [StationPeople, Role][] = [
    ['office', 'proposal_office'],
    ['unit', 'unit_handler'],
    ['leader', 'leader'],
    ['admin', 'system_admin'],
  ];
  for (const [key, role] of others) {
    const user = await createUser(deps, { orgId: organization.id, roles: [role], displayName: key });
    committee.userIds[key] = user.id;
    committee.headers[key] = await signIn(deps, user);
  }
  return committee;
}

/** Adds a signed-in station staff account linked to the station. */
export async function addStationStaff(test: TestApp, committee: StationCommittee, key: 'staffA' | 'staffB', stationId: string) {
  const deps = test.dependencies;
  const user = await createUser(deps, { orgId: committee.orgId, roles: ['station_staff'], displayName: `${key}工作人员` });
  await deps.database.orm.update(users).set({ stationId }).where(eq(users.id, user.id));
  committee.userIds[key] = user.id;
  committee.headers[key] = await signIn(deps, user);
}

/** Sends a request to /api/v1 as someone of the committee, with If-Match and Idempotency-Key when given. */
export function stationRequest(test: TestApp, committee: StationCommittee) {
  return (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    who: StationPeople,
    payload?: object,
    options: { version?: number; key?: string } = {},
  ) =>
    test.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: {
        ...committee.headers[who],
        ...(options.version === undefined ? {} : { 'if-match': `"${options.version}"` }),
        ...(options.key ? { 'idempotency-key': options.key } : {}),
      },
      payload,
    });
}
