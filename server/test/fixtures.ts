import type { Role } from '../../contracts/roles.ts';
import { CSRF_COOKIE, createLoginSession, SESSION_COOKIE } from '../modules/auth/login-sessions.ts';
import { organizations } from '../modules/orgs/orgs.tables.ts';
import { userRoles, users } from '../modules/people/people.tables.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { newId } from '../platform/db/columns.ts';
import type { AppDependencies } from '../platform/module.ts';

/** The password every fixture user gets. */
export const FIXTURE_PASSWORD = 'Test@2026pw';
let cachedHash: Promise<string> | undefined;

/**
 * The settings of a fixture committee: the test's own over one fixture default. Administrators need no
 * authenticator in fixtures (the product requires one by default; tests of that rule set it explicitly), so that
 * tests can act as administrators through signIn.
 */
function fixtureSettings(settings: Record<string, unknown> = {}): Record<string, unknown> {
  const security = (settings.security ?? {}) as Record<string, unknown>;
  return { ...settings, security: { requireTotpForAdministrators: false, ...security } };
}

/** Inserts a committee (tenant) directly, for tests. */
export async function createOrganization(
  dependencies: AppDependencies,
  input: { code?: string; name?: string; level?: string; parentId?: string | null; settings?: Record<string, unknown> } = {},
): Promise<{ id: string; code: string; name: string }> {
  const code = input.code ?? `org-${newId().slice(-8)}`;
  const [row] = await dependencies.database.orm
    .insert(organizations)
    .values({
      code,
      name: input.name ?? `测试政协 ${code}`,
      level: input.level ?? 'city',
      parentId: input.parentId ?? null,
      settings: fixtureSettings(input.settings),
    })
    .returning({ id: organizations.id, code: organizations.code, name: organizations.name });
  return row;
}

export type FixtureUser = { id: string; orgId: string; username: string; roles: Role[] };

/** Inserts an active user with roles and the fixture password (no forced change), for tests. */
export async function createUser(
  dependencies: AppDependencies,
  input: {
    orgId: string;
    username?: string;
    roles: Role[];
    displayName?: string;
    memberId?: string | null;
    unitId?: string | null;
    mustChangePassword?: boolean;
  },
): Promise<FixtureUser> {
  cachedHash ??= hashPassword(FIXTURE_PASSWORD);
  const username = input.username ?? `user-${newId().slice(-10)}`;
  const [row] = await dependencies.database.orm
    .insert(users)
    .values({
      orgId: input.orgId,
      username,
      displayName: input.displayName ?? username,
      passwordHash: await cachedHash,
      mustChangePassword: input.mustChangePassword ?? false,
      memberId: input.memberId ?? null,
      unitId: input.unitId ?? null,
    })
    .returning({ id: users.id });
  if (input.roles.length > 0) {
    await dependencies.database.orm
      .insert(userRoles)
      .values(input.roles.map((role) => ({ orgId: input.orgId, userId: row.id, role })));
  }
  return { id: row.id, orgId: input.orgId, username, roles: input.roles };
}

/** Request headers of a logged-in session for the user: the cookies and the CSRF header. */
export async function signIn(
  dependencies: AppDependencies,
  user: Pick<FixtureUser, 'id' | 'orgId'>,
): Promise<Record<string, string>> {
  const session = await createLoginSession(dependencies.database.orm, {
    orgId: user.orgId,
    userId: user.id,
    now: dependencies.now(),
    absoluteTimeoutHours: 12,
  });
  return {
    cookie: `${SESSION_COOKIE}=${session.token}; ${CSRF_COOKIE}=${session.csrfToken}`,
    'x-csrf-token': session.csrfToken,
  };
}

/** A committee with one user per role, each signed in: the usual starting point of an API test. */
export async function createTenantWithUsers(dependencies: AppDependencies, roles: Role[]) {
  const organization = await createOrganization(dependencies);
  const people: Record<string, FixtureUser & { headers: Record<string, string> }> = {};
  for (const role of roles) {
    const user = await createUser(dependencies, {
      orgId: organization.id,
      roles: [role],
      username: `${role}-${organization.code}`,
    });
    people[role] = { ...user, headers: await signIn(dependencies, user) };
  }
  return { organization, people };
}
