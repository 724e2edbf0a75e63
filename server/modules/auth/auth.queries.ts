import { and, eq } from 'drizzle-orm';
import { isValidMobile } from '../../../contracts/people.ts';
import type { Role } from '../../../contracts/roles.ts';
import { effectiveSettings, type TenantSettings } from '../../../contracts/settings.ts';
import { blindIndex } from '../../platform/crypto/hashing.ts';
import type { Executor } from '../../platform/db/database.ts';
import { organizations } from '../orgs/orgs.tables.ts';
import { userRoles, users } from '../people/people.tables.ts';

/** An account with what the login rules and /auth/me need: its roles, its committee and the committee's security settings. */
export type AuthAccount = {
  user: typeof users.$inferSelect;
  roles: Role[];
  organization: { id: string; name: string; code: string };
  security: TenantSettings['security'];
  /** The committee's time zone, for instants shown in messages. */
  timeZone: string;
};

const accountColumns = {
  user: users,
  orgName: organizations.name,
  orgCode: organizations.code,
  timeZone: organizations.timeZone,
  settings: organizations.settings,
};

/** Adds the roles and settings to a user row joined with its committee. */
async function complete(
  executor: Executor,
  row: { user: typeof users.$inferSelect; orgName: string; orgCode: string; timeZone: string; settings: unknown } | undefined,
): Promise<AuthAccount | null> {
  if (!row) return null;
  const roleRows = await executor
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(and(eq(userRoles.orgId, row.user.orgId), eq(userRoles.userId, row.user.id)));
  return {
    user: row.user,
    roles: roleRows.map((item) => item.role as Role),
    organization: { id: row.user.orgId, name: row.orgName, code: row.orgCode },
    security: effectiveSettings(row.settings).security,
    timeZone: row.timeZone,
  };
}

/**
 * The account a login name refers to: the username, or else (when it is a mobile number) the account whose
 * mobile's keyed hash matches. Usernames and mobiles are unique across the deployment, so no committee is needed.
 */
export async function findLoginAccount(executor: Executor, secret: string, loginName: string): Promise<AuthAccount | null> {
  const name = loginName.trim();
  const base = () => executor.select(accountColumns).from(users).innerJoin(organizations, eq(organizations.id, users.orgId));
  const [byUsername] = await base().where(eq(users.username, name));
  if (byUsername) return complete(executor, byUsername);
  if (!isValidMobile(name)) return null;
  const [byMobile] = await base().where(eq(users.mobileHash, blindIndex(secret, name)));
  return complete(executor, byMobile);
}

/** The account of a user in a committee, or null. `forUpdate` locks the user row for the rest of the transaction. */
export async function loadAccount(
  executor: Executor,
  orgId: string,
  userId: string,
  options: { forUpdate?: boolean } = {},
): Promise<AuthAccount | null> {
  const query = executor
    .select(accountColumns)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  const [row] = options.forUpdate ? await query.for('update', { of: users }) : await query;
  return complete(executor, row);
}

/** The committee with the code and its security settings, or null (also when no code was given). */
export async function findCommitteeByCode(
  executor: Executor,
  code: string | undefined,
): Promise<{ id: string; parentId: string | null; security: TenantSettings['security'] } | null> {
  if (!code) return null;
  const [row] = await executor
    .select({ id: organizations.id, parentId: organizations.parentId, settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.code, code));
  return row ? { id: row.id, parentId: row.parentId, security: effectiveSettings(row.settings).security } : null;
}

/** The parent committee's id of a committee (null for a top-level one), or undefined when there is no such committee. */
export async function parentOfCommittee(executor: Executor, orgId: string): Promise<string | null | undefined> {
  const [row] = await executor
    .select({ parentId: organizations.parentId })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return row ? row.parentId : undefined;
}
