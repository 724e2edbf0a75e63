import { eq } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles.ts';
import { newId } from '../../platform/db/columns.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { createUser, signIn } from '../../test/fixtures.ts';
import { createOrganizationWithDefaults, type NewOrganization } from './actions/create-organization.ts';
import { organizations } from './orgs.tables.ts';

/** A committee created with its defaults (dictionaries, official calendar) and one signed-in user per role. */
export async function createCommitteeWithUsers(deps: AppDependencies, roles: Role[], input: Partial<NewOrganization> = {}) {
  const code = input.code ?? `org-${newId().slice(-8)}`;
  const organization = await deps.database.orm.transaction(async (tx) => {
    const created = await createOrganizationWithDefaults(tx, deps, {
      code,
      name: `测试政协 ${code}`,
      level: 'city',
      parentId: null,
      ...input,
    });
    // Like the fixtures' committees: administrators act through signIn without binding an authenticator (the
    // product's default requires one; the auth tests cover that rule).
    await tx
      .update(organizations)
      .set({ settings: { security: { requireTotpForAdministrators: false } } })
      .where(eq(organizations.id, created.id));
    return created;
  });
  const headers: Partial<Record<Role, Record<string, string>>> = {};
  for (const role of roles) {
    const user = await createUser(deps, { orgId: organization.id, roles: [role], username: `${role}-${code}` });
    headers[role] = await signIn(deps, user);
  }
  /** The headers of the committee's user of this role (throws for a role not created). */
  const as = (role: Role, extra: Record<string, string> = {}) => {
    const found = headers[role];
    if (!found) throw new Error(`no ${role} in this test committee`);
    return { ...found, ...extra };
  };
  return { organization, as };
}

/** The events of a committee of one type, oldest first. */
export async function eventsOf(deps: AppDependencies, orgId: string, type: string) {
  const result = await deps.database.pool.query<{
    summary: string;
    subject_id: string;
    before: unknown;
    after: unknown;
    actor_id: string | null;
  }>('select summary, subject_id, before, after, actor_id from events where org_id = $1 and type = $2 order by sequence', [
    orgId,
    type,
  ]);
  return result.rows;
}
