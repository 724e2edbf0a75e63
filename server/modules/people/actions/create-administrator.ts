import { eq } from 'drizzle-orm';
import type { OrganizationLevel } from '../../../../contracts/orgs.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { createOrganizationWithDefaults } from '../../orgs/actions/create-organization.ts';
import { organizations } from '../../orgs/orgs.tables.ts';
import { generatePassword, loadSecuritySettings } from '../people.passwords.ts';
import { users } from '../people.tables.ts';
import { insertAccount } from './create-user.ts';

/** What the create-admin command was asked to do. */
export type AdministratorRequest = {
  orgCode: string;
  orgName?: string;
  level: OrganizationLevel;
  username: string;
  displayName?: string;
};

/**
 * Creates a system administrator with a generated password (to be changed at first login) in the committee
 * with the code, creating the committee with its defaults when it does not exist yet. Refuses a username in use.
 * One transaction; both changes are recorded as events.
 */
export async function createAdministrator(
  deps: AppDependencies,
  request: AdministratorRequest,
): Promise<{ organizationId: string; organizationCreated: boolean; userId: string; password: string }> {
  return deps.database.orm.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, request.username));
    if (taken) throw conflict(`用户名“${request.username}”已被使用，请换一个`, 'duplicate_username');
    let [organization] = await tx.select().from(organizations).where(eq(organizations.code, request.orgCode));
    const organizationCreated = !organization;
    if (!organization) {
      if (!request.orgName)
        throw conflict(`没有代码为“${request.orgCode}”的政协，新建时须提供 --org-name`, 'organization_missing');
      organization = await createOrganizationWithDefaults(tx, deps, {
        code: request.orgCode,
        name: request.orgName,
        level: request.level,
        parentId: null,
      });
    }
    const rules = await loadSecuritySettings(tx, organization.id);
    const password = generatePassword(Math.max(16, rules.passwordMinLength));
    const row = await insertAccount(tx, deps, {
      orgId: organization.id,
      username: request.username,
      displayName: request.displayName ?? '系统管理员',
      roles: ['system_admin'],
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: organization.id,
      type: 'user.created',
      summary: `通过命令行创建系统管理员“${row.username}”`,
      subjectType: 'user',
      subjectId: row.id,
      after: {
        username: row.username,
        displayName: row.displayName,
        roles: ['system_admin'],
        mustChangePassword: true,
        via: 'create-admin',
      },
    });
    return { organizationId: organization.id, organizationCreated, userId: row.id, password };
  });
}
